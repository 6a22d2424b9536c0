import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

interface Props {
  /** The entry's name, for screen readers: "Delete <name>". */
  name: string;
  /** Takes the focus, e.g. after the entry before it was deleted. */
  focus: boolean;
  onDelete(): void;
}

/** The × that deletes one history entry. */
export function DeleteEntryButton({ name, focus, onDelete }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  return (
    <button ref={button} type="button" class="icon quiet delete" title={t('entryDelete')} onClick={onDelete}>
      <span aria-hidden="true">×</span>
      <span class="visually-hidden">{t('entryDeleteName', { name })}</span>
    </button>
  );
}
