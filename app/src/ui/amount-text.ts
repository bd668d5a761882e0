import {
  type CurrencyCode,
  formatAmount,
  type MoneyTextCode,
  type MoneyTextProblem,
  money,
  parseMoney,
} from '@tally/schema';

/**
 * Why typed text is not an amount: the schema's code with the values its sentence names (the
 * currency, how many decimals it allows), or a rule of the form (`negative`, `zero`).
 */
export type AmountProblem =
  | { readonly code: MoneyTextCode; readonly values: MoneyTextProblem['values'] }
  | { readonly code: 'negative' | 'zero'; readonly values: Readonly<Record<string, never>> };

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
 * Reads an amount typed the way `locale` writes it, in minor units of `currency`. A refusal keeps
 * the schema's code and values (its English sentence is left behind), for the forms to word it.
 */
export function readAmount(text: string, currency: CurrencyCode, locale: string, refuse: AmountRules = {}): AmountText {
  const parsed = parseMoney(text, currency, locale);
  if (!parsed.ok) return { ok: false, problem: { code: parsed.code, values: parsed.values } };
  const { amount } = parsed.money;
  if (refuse.negative && amount < 0) return { ok: false, problem: { code: 'negative', values: {} } };
  if (refuse.zero && amount === 0) return { ok: false, problem: { code: 'zero', values: {} } };
  return { ok: true, amount };
}

/** The amount as an input shows it for editing: no grouping, every minor digit. */
export function amountForInput(minorUnits: number, currency: CurrencyCode, locale: string): string {
  return formatAmount(money(minorUnits, currency), locale, { useGrouping: false });
}
