import { parseMoney, type CurrencyCode } from '@tally/schema';
import type { DraftIssue } from './draft-issues.js';

export type AmountReading =
  | { readonly ok: true; readonly minorUnits: number }
  | { readonly ok: false; readonly issue: Extract<DraftIssue, 'amount-missing' | 'amount-unreadable' | 'amount-zero'> };

/** Reads an amount as the person typed it, the way their locale writes the currency; zero is no amount. */
export function readAmount(text: string, currency: CurrencyCode, locale: string): AmountReading {
  if (text.trim() === '') return { ok: false, issue: 'amount-missing' };
  const parsed = parseMoney(text, currency, locale);
  if (!parsed.ok) return { ok: false, issue: 'amount-unreadable' };
  if (parsed.money.amount === 0) return { ok: false, issue: 'amount-zero' };
  return { ok: true, minorUnits: parsed.money.amount };
}
