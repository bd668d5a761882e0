import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * For a modal dialog: Tab and Shift+Tab go round its controls and never behind it, and when it
 * closes the keyboard is back on the control that opened it.
 */
export function FocusTrap({ children }: { readonly children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => opener?.focus();
  }, []);

  const keepInside = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !container.current) return;
    const controls = [...container.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (control) => !control.matches(':disabled') && control.getClientRects().length > 0,
    );
    const first = controls[0];
    const last = controls.at(-1);
    if (!first || !last) return;
    const focused = document.activeElement;
    if (event.shiftKey && (focused === first || !container.current.contains(focused))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (focused === last || !container.current.contains(focused))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div ref={container} onKeyDown={keepInside}>
      {children}
    </div>
  );
}
