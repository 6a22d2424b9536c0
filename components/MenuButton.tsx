import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  value: number | undefined;
  label: string;
}

interface Props {
  /** What the button shows. */
  text: string;
  /** Read after the text by screen readers only, to say what it acts on (" the answer from 10:32, Sandal"). */
  context?: string;
  items: MenuItem[];
  /** The item marked as chosen now. */
  current?: number;
  onChoose(value: number | undefined): void;
  class?: string;
}

/**
 * A button that opens a menu of choices (the WAI-ARIA menu button pattern): nothing happens until an
 * item is chosen with Enter, Space or a click, so arrowing through it never saves by accident, as
 * ArrowDown on a closed <select> does in Chrome. Escape or Tab closes it without a choice.
 */
export function MenuButton({ text, context, items, current, onChoose, class: className }: Props) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuItems = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];

  // A layout effect: focus is in the menu before the next key arrives, so no ArrowDown is lost.
  useLayoutEffect(() => {
    if (!open) return;
    const all = menuItems();
    const chosen = all.find((item) => item.getAttribute('aria-checked') === 'true');
    (open === 'last' ? all.at(-1) : (chosen ?? all[0]))?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (value: number | undefined) => {
    close(true);
    onChoose(value);
  };
  const move = (e: KeyboardEvent) => {
    const all = menuItems();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      all[(to + all.length) % all.length].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <span
      class={`menu-button ${className ?? ''}`}
      onFocusOut={(e) => {
        // A click or focus anywhere else closes the menu.
        if (open && !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        {/* The name starts with the visible text (WCAG 2.5.3), so voice control finds it by what it shows. */}
        {text}
        {context && <span class="visually-hidden"> {context}</span>}
      </button>
      {open && (
        <ul ref={menu} role="menu" id={`${id}-menu`} aria-labelledby={`${id}-button`} class="menu" onKeyDown={move}>
          {items.map((item) => (
            <li
              key={item.label}
              role="menuitemradio"
              aria-checked={item.value === current}
              tabIndex={-1}
              onClick={() => choose(item.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  choose(item.value);
                }
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
