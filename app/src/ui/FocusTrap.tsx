import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * For a modal dialog: Tab and Shift+Tab go round its controls and never behind it, and when it
 * closes the keyboard is back on the control that opened it.
 */
export function FocusTrap({ children }: { readonly children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  // Read while rendering: by the time an effect runs, a control inside that renders in the same
  // commit (the editor's `autoFocus` amount, once its code is loaded) has already taken focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const dialog = container.current;
    return () => {
      // Still on the page with focus inside: not closed (StrictMode re-running effects), so leave focus be.
      if (dialog?.isConnected && dialog.contains(document.activeElement)) return;
      opener?.focus();
    };
  }, [opener]);

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
    // biome-ignore lint/a11y/noStaticElementInteractions: it hears Tab presses bubbling up from the controls inside it.
    <div ref={container} onKeyDown={keepInside}>
      {children}
    </div>
  );
}
