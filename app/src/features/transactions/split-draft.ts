import type { CurrencyCode, SplitPart } from '@tally/schema';
import { amountRefusal } from '../../forms/index.js';
import { readAmount } from '../../ui/index.js';
import type { DraftIssues } from './draft-issues.js';

/** One part of a split as the person typed it: the amount counts in the transaction's direction. */
export interface SplitPartDraft {
  readonly categoryId: string;
  readonly amount: string;
  /** Kept as it was: the editor does not change a part's memo. */
  readonly memo: string;
}

export const EMPTY_PART: SplitPartDraft = { categoryId: '', amount: '', memo: '' };

/** Splitting starts from what the form holds: its category and its whole amount in the first part. */
export function startSplit(categoryId: string, amount: string): SplitPartDraft[] {
  return [{ categoryId, amount, memo: '' }, EMPTY_PART];
}

/** How much of the transaction its parts assign, in minor units in the transaction's direction. */
export interface SplitBalance {
  readonly total: number;
  readonly assigned: number;
  /** Negative when the parts assign more than the transaction. */
  readonly left: number;
}

/**
 * The balance as the person types; parts not readable yet count as nothing. Undefined while the
 * whole amount is not readable.
 */
export function splitBalance(
  amount: string,
  parts: readonly SplitPartDraft[],
  currency: CurrencyCode,
  locale: string,
): SplitBalance | undefined {
  const whole = readAmount(amount, currency, locale, { zero: true });
  if (!whole.ok) return undefined;
  const total = Math.abs(whole.amount);
  const assigned = parts.reduce((sum, part) => {
    const read = readAmount(part.amount, currency, locale, { zero: true });
    return read.ok ? sum + read.amount : sum;
  }, 0);
  return { total, assigned, left: total - assigned };
}

export interface ReadSplit {
  /** The parts as the ledger stores them, signed like the transaction (`direction`). */
  readonly parts: readonly SplitPart[];
  readonly issues: DraftIssues;
}

/**
 * Reads every part: each needs a category and an amount other than zero. A part typed with a
 * minus counts against the rest (a refund within a purchase).
 */
export function readSplitParts(
  parts: readonly SplitPartDraft[],
  currency: CurrencyCode,
  locale: string,
  direction: 1 | -1,
): ReadSplit {
  const issues: DraftIssues = {};
  const read: SplitPart[] = [];
  parts.forEach((part, index) => {
    if (!part.categoryId) issues[`part.${index}.categoryId`] = 'part-category-missing';
    const amount = readAmount(part.amount, currency, locale, { zero: true });
    if (!amount.ok) issues[`part.${index}.amount`] = amountRefusal(amount.problem);
    else if (part.categoryId)
      read.push({ categoryId: part.categoryId, amount: direction * amount.amount, memo: part.memo });
  });
  if (parts.length < 2) issues.splits = 'split-too-few';
  return { parts: read, issues };
}

/** Whether two lists of parts say the same thing, so an unchanged split is not checked anew (REC8). */
export function sameParts(a: readonly SplitPart[], b: readonly SplitPart[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (part, i) => part.categoryId === b[i]?.categoryId && part.amount === b[i]?.amount && part.memo === b[i]?.memo,
    )
  );
}

/** The sum of the parts, exactly. */
export function partsTotal(parts: readonly SplitPart[]): bigint {
  return parts.reduce((sum, part) => sum + BigInt(part.amount), 0n);
}
