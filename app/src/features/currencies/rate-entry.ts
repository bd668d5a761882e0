import { type ExchangeRateRecord, isCurrencyCode, parseCalendarDate, parseRate } from '@tally/schema';
import type { Refusal } from '../../forms/index.js';

/** What the rate form holds, as typed. */
export interface RateDraft {
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly rate: string;
}

export type RateTextProblem = 'empty' | 'not-a-number' | 'not-positive' | 'ambiguous' | 'too-large' | 'too-precise';

export interface RateIssues {
  readonly from?: 'unknown-currency';
  readonly to?: 'unknown-currency' | 'same-currency';
  readonly date?: 'not-a-date';
  readonly rate?: RateTextProblem;
  /** The ledger refused to write the rate. */
  readonly form?: Refusal;
}

export type RateEntry =
  | { readonly ok: true; readonly rate: ExchangeRateRecord }
  | { readonly ok: false; readonly issues: RateIssues };

export type RateText =
  | { readonly ok: true; readonly rate: string }
  | { readonly ok: false; readonly problem: RateTextProblem };

/** The most digits the ledger keeps on either side of a rate's decimal point (`parseRate`). */
const MAX_WHOLE_DIGITS = 9;
const MAX_FRACTION_DIGITS = 12;

/**
 * Reads a rate typed in `locale` into the exact decimal text the ledger stores (REC9): "1,0842"
 * and "1.0842" both give "1.0842", and no float ever holds it. A rate has no thousands
 * separators, so where the one mark could be either ("1,450" in English, "1.450" in German) the
 * person is asked instead of guessed.
 */
export function readRateText(text: string, locale: string): RateText {
  const compact = text.replace(/\s/gu, '');
  if (compact === '') return { ok: false, problem: 'empty' };
  const match = /^(\d*)(?:([.,])(\d*))?$/u.exec(compact);
  const whole = match?.[1] ?? '';
  const mark = match?.[2];
  const fraction = match?.[3] ?? '';
  if (!match || (whole === '' && fraction === '')) return { ok: false, problem: 'not-a-number' };
  const couldGroupThousands =
    mark === groupSeparatorOf(locale) && fraction.length === 3 && /^[1-9]\d{0,2}$/u.test(whole);
  if (couldGroupThousands) return { ok: false, problem: 'ambiguous' };
  const significantWhole = whole.replace(/^0+/u, '') || '0';
  if (significantWhole.length > MAX_WHOLE_DIGITS) return { ok: false, problem: 'too-large' };
  if (fraction.length > MAX_FRACTION_DIGITS) return { ok: false, problem: 'too-precise' };
  const rate = fraction === '' ? significantWhole : `${significantWhole}.${fraction}`;
  return parseRate(rate) ? { ok: true, rate } : { ok: false, problem: 'not-positive' };
}

/** The rate form's fields checked together, each problem kept by its field so the form can say it there. */
export function readRateEntry(draft: RateDraft, locale: string): RateEntry {
  const issues: { -readonly [Field in keyof RateIssues]: RateIssues[Field] } = {};
  const { from, to, date } = draft;
  if (!isCurrencyCode(from)) issues.from = 'unknown-currency';
  if (!isCurrencyCode(to)) issues.to = 'unknown-currency';
  else if (to === from) issues.to = 'same-currency';
  if (!parseCalendarDate(date)) issues.date = 'not-a-date';
  const rate = readRateText(draft.rate, locale);
  if (!rate.ok) issues.rate = rate.problem;
  if (rate.ok && isCurrencyCode(from) && isCurrencyCode(to) && Object.keys(issues).length === 0) {
    return { ok: true, rate: { from, to, date, rate: rate.rate } };
  }
  return { ok: false, issues };
}

function groupSeparatorOf(locale: string): string | undefined {
  return new Intl.NumberFormat(locale).formatToParts(1_000_000).find((part) => part.type === 'group')?.value;
}
