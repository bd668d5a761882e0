import { flushSync } from 'react-dom';

/**
 * Closes an inline form and puts the keyboard back on the control that opened it, or on
 * `fallbackId` when that control is gone (its record was deleted), so keyboard users keep their place.
 */
export function closeAndFocus(close: () => void, openerId: string, fallbackId: string): void {
  flushSync(close);
  (document.getElementById(openerId) ?? document.getElementById(fallbackId))?.focus();
}
