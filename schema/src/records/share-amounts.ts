import { allocate } from '../money/index.js';
import { isExactShares } from './field.js';
import type { Transaction } from './kinds.js';

/** Some money of one transaction, borne by one person. */
export interface PersonAmount {
  readonly personId: string;
  readonly amount: number;
}

/**
 * What each person bears of a shared transaction, in its minor units (SPEC SHR1, SHR2): exact
 * shares as written, weights by exact division of the amount, in the order the shares are listed.
 * Shares by weight always add up to the amount; exact shares may not, after concurrent edits
 * (SHR3), and are never adjusted to.
 */
export function shareAmounts(transaction: Pick<Transaction, 'amount' | 'shares'>): PersonAmount[] {
  const { shares } = transaction;
  if (shares.length === 0) return [];
  if (isExactShares(shares)) return shares.map((share) => ({ personId: share.personId, amount: share.amount }));
  const parts = allocate(
    transaction.amount,
    shares.map((share) => share.weight),
  );
  return shares.map((share, index) => ({ personId: share.personId, amount: parts[index] ?? 0 }));
}
