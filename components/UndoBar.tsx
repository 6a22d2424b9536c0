import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

export interface Undoable {
  message: string;
  undo(): void;
  /** Put focus on Undo: when the control that did the action is gone or disabled. */
  focus?: boolean;
}

/**
 * Says what was just done, with a way to take it back ("Cleared 12 answers · Undo"). A live region,
 * so screen readers hear it; it stays until the next action replaces it or Undo is used.
 */
export function UndoBar({ action, onDone }: { action?: Undoable; onDone(): void }) {
  const undo = useRef<HTMLButtonElement>(null);
  // In the same commit as the render that disabled or removed the control the user was on: with a
  // plain effect, which runs after paint, focus sat on nothing for a frame.
  useLayoutEffect(() => {
    if (action?.focus) undo.current?.focus();
  }, [action]);
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      {action && (
        <>
          <span>{action.message}</span>
          <button
            ref={undo}
            type="button"
            class="quiet"
            onClick={() => {
              action.undo();
              onDone();
            }}
          >
            {t('popupUndo')}
          </button>
        </>
      )}
    </div>
  );
}
