import type { TransactionRow } from '../../storage/index.js';

export interface CategorySpending {
  readonly categoryId: string | null;
  readonly currency: string;
  /** Minor units spent, as a positive number. */
  readonly spent: number;
}

/** Money that left accounts in `month` (`YYYY-MM`), per category and currency, largest first. Transfers are not spending. */
export function monthlySpending(rows: readonly TransactionRow[], month: string): CategorySpending[] {
  const totals = new Map<string, CategorySpending>();
  for (const row of rows) {
    if (row.amount >= 0 || row.transferId !== null || !row.date.startsWith(month)) continue;
    const key = `${row.categoryId ?? ''}\u0000${row.currency}`;
    const current = totals.get(key);
    totals.set(key, { categoryId: row.categoryId, currency: row.currency, spent: (current?.spent ?? 0) - row.amount });
  }
  return [...totals.values()].sort((a, b) => b.spent - a.spent);
}
