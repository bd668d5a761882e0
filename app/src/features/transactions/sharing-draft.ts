import {
  type CurrencyCode,
  formatAmount,
  isExactShares,
  MAX_SHARE_WEIGHT,
  money,
  type Shares,
  type Transaction,
} from '@tally/schema';
import { readAmount } from '../../ui/index.js';
import type { DraftIssues } from './draft-issues.js';

/** How the whole amount is shared (SPEC SHR1): equally, by whole-number shares, or by exact amounts. */
export const SHARING_MODES = ['equal', 'weights', 'exact'] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

/** One person's place in the sharing as typed: in it or not, and their weight or exact amount (as text). */
export interface ShareDraft {
  readonly personId: string;
  readonly included: boolean;
  readonly value: string;
}

/** Who shares the transaction, as the person typed it; no one included means it is not shared. */
export interface SharingDraft {
  readonly mode: SharingMode;
  readonly entries: readonly ShareDraft[];
}

export const NOT_SHARED: SharingDraft = { mode: 'equal', entries: [] };

/** The sharing of a stored transaction, exact amounts written the way the locale writes them (without sign). */
export function sharingOf(transaction: Pick<Transaction, 'shares' | 'currency'>, locale: string): SharingDraft {
  const { shares, currency } = transaction;
  if (isExactShares(shares)) {
    return {
      mode: 'exact',
      entries: shares.map((share) => ({
        personId: share.personId,
        included: true,
        value: formatAmount(money(Math.abs(share.amount), currency), locale, { useGrouping: false }),
      })),
    };
  }
  const equal = shares.every((share) => share.weight === 1);
  return {
    mode: equal ? 'equal' : 'weights',
    entries: shares.map((share) => ({ personId: share.personId, included: true, value: String(share.weight) })),
  };
}

/** How much of the amount exact shares assign so far, in minor units (no sign), against the whole. */
export interface SharesBalance {
  readonly total: number;
  readonly assigned: number;
}

/** What the form writes of the sharing, or where it is wrong. */
export interface ReadSharing {
  readonly paidBy: string | null;
  readonly shares: Shares;
  readonly issues: DraftIssues;
  /** For exact amounts, what they add up to so far against the amount. */
  readonly balance: SharesBalance | undefined;
}

/**
 * Reads the payer and the shares (SPEC SHR1): equal shares are a weight of 1 each; weights are
 * whole numbers from 1 to 10,000; exact amounts are read in the account's currency, given the
 * amount's sign (`direction`), and must add up to the amount (`minorUnits`, no sign) — like split parts.
 */
export function readSharing(
  paidBy: string,
  sharing: SharingDraft,
  currency: CurrencyCode,
  locale: string,
  direction: 1 | -1,
  minorUnits: number | undefined,
): ReadSharing {
  const issues: DraftIssues = {};
  const included = sharing.entries.filter((entry) => entry.included);
  const payer = paidBy === '' ? null : paidBy;
  if (included.length === 0) return { paidBy: payer, shares: [], issues, balance: undefined };
  if (payer === null) issues.paidBy = 'payer-missing';
  if (sharing.mode === 'equal') {
    return {
      paidBy: payer,
      shares: included.map(({ personId }) => ({ personId, weight: 1 })),
      issues,
      balance: undefined,
    };
  }
  if (sharing.mode === 'weights') {
    const weights = included.map(({ personId, value }) => ({ personId, weight: Number(value.trim()) }));
    if (weights.some(({ weight }) => !Number.isInteger(weight) || weight < 1 || weight > MAX_SHARE_WEIGHT)) {
      issues.shares = 'share-weight-invalid';
    }
    return { paidBy: payer, shares: weights, issues, balance: undefined };
  }
  const amounts = included.map(({ personId, value }) => {
    const read = readAmount(value, currency, locale);
    return { personId, amount: read.ok && read.amount !== 0 ? direction * Math.abs(read.amount) : undefined };
  });
  const assigned = amounts.reduce((sum, { amount }) => sum + Math.abs(amount ?? 0), 0);
  const balance = minorUnits === undefined ? undefined : { total: minorUnits, assigned };
  const readable = amounts.flatMap(({ personId, amount }) => (amount === undefined ? [] : [{ personId, amount }]));
  if (readable.length < amounts.length) issues.shares = 'share-amount-unreadable';
  else if (balance && balance.assigned !== balance.total) issues.shares = 'shares-unbalanced';
  return { paidBy: payer, shares: readable, issues, balance };
}

/** Whether two sharings are the same, so an edit that leaves it alone keeps it as stored (REC8, SHR3). */
export function sameShares(a: Shares, b: Shares): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
