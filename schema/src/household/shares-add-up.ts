import { isExactShares, type Transaction } from '../records/index.js';

/**
 * False when a transaction's exact shares do not add up to its amount, as concurrent edits can
 * leave them (SPEC SHR3); shares by weight, and no shares at all, always add up.
 */
export function sharesAddUp(transaction: Pick<Transaction, 'amount' | 'shares'>): boolean {
  const { shares, amount } = transaction;
  if (!isExactShares(shares)) return true;
  const sum = shares.reduce((all, share) => all + share.amount, 0);
  if (Number.isSafeInteger(sum)) return sum === amount;
  return shares.reduce((all, share) => all + BigInt(share.amount), 0n) === BigInt(amount);
}
