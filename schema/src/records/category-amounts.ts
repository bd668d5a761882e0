import type { Transaction } from './kinds.js';

/** Some money of one transaction, in one category (null: uncategorised). */
export interface CategoryAmount {
  readonly categoryId: string | null;
  readonly amount: number;
}

/**
 * How a transaction counts in budgets and reports: a split counts each part in its category.
 * If the parts no longer add up to the amount — two devices changed one and the other at the
 * same time — the difference counts as uncategorised, so no money disappears from a report.
 */
export function categoryAmounts(transaction: Pick<Transaction, 'amount' | 'categoryId' | 'splits'>): CategoryAmount[] {
  if (transaction.splits.length === 0) return [{ categoryId: transaction.categoryId, amount: transaction.amount }];
  const parts: CategoryAmount[] = transaction.splits.map((part) => ({
    categoryId: part.categoryId,
    amount: part.amount,
  }));
  const remainder = BigInt(transaction.amount) - parts.reduce((sum, part) => sum + BigInt(part.amount), 0n);
  if (remainder !== 0n) parts.push({ categoryId: null, amount: Number(remainder) });
  return parts;
}
