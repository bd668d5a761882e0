import { type CurrencyCode, formatAmount, minorUnitDigits, money, parseMoney } from '@tally/schema';

/** Why typed text is not an amount, as a code each screen words in its own catalogue. */
export type AmountProblem = 'empty' | 'unreadable' | 'negative' | 'zero';

export type AmountText =
  | { readonly ok: true; readonly amount: number }
  | { readonly ok: false; readonly problem: AmountProblem };

export interface AmountRules {
  /** Refuse amounts below zero (a budget, a target). */
  readonly negative?: boolean;
  /** Refuse zero (a target, a contribution). */
  readonly zero?: boolean;
}

/**
 * Reads an amount typed the way `locale` writes it, in minor units of `currency`. The schema's
 * reasons are English sentences, so they are reduced here to codes the screens translate.
 */
export function readAmount(text: string, currency: CurrencyCode, locale: string, refuse: AmountRules = {}): AmountText {
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  const parsed = parseMoney(text, currency, locale);
  if (!parsed.ok) return { ok: false, problem: 'unreadable' };
  const { amount } = parsed.money;
  if (refuse.negative && amount < 0) return { ok: false, problem: 'negative' };
  if (refuse.zero && amount === 0) return { ok: false, problem: 'zero' };
  return { ok: true, amount };
}

/** An amount as `locale` writes it in an input ("1234.50", "1234,50"), to show in an error message as an example. */
export function exampleAmount(currency: CurrencyCode, locale: string): string {
  const digits = minorUnitDigits(currency);
  const minorUnits = 1234 * 10 ** digits + (digits > 0 ? 5 * 10 ** (digits - 1) : 0);
  return formatAmount(money(minorUnits, currency), locale, { useGrouping: false });
}

/** The amount as an input shows it for editing: no grouping, every minor digit. */
export function amountForInput(minorUnits: number, currency: CurrencyCode, locale: string): string {
  return formatAmount(money(minorUnits, currency), locale, { useGrouping: false });
}
