import { type Converter, categoryAmounts, isCurrencyCode } from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';

export interface CategorySpending {
  readonly categoryId: string | null;
  readonly currency: string;
  /** Minor units spent, as a positive number. */
  readonly spent: number;
}

export interface MonthlySpending {
  /** Largest first. */
  readonly items: readonly CategorySpending[];
  /** Payments left out because no rate converts them into the home currency. */
  readonly unconverted: number;
}

/**
 * Money that left accounts in `month` (`YYYY-MM`), per category, each part of a split in its own
 * category (REC7); transfers are not spending. With a converter everything is in the home
 * currency at each payment's day's rate, and what no rate converts is counted, not guessed;
 * without one (no home currency chosen) each currency is totalled apart.
 */
export function monthlySpending(
  rows: readonly TransactionRow[],
  month: string,
  converter?: Converter,
): MonthlySpending {
  const totals = new Map<string, CategorySpending>();
  let unconverted = 0;
  for (const row of rows) {
    if (row.transferId !== null || !row.date.startsWith(month)) continue;
    for (const part of categoryAmounts(row)) {
      if (part.amount >= 0) continue;
      const amount = converter
        ? isCurrencyCode(row.currency)
          ? converter.minorUnits(part.amount, row.currency, row.date)
          : undefined
        : part.amount;
      if (amount === undefined) {
        unconverted += 1;
        continue;
      }
      const currency = converter?.currency ?? row.currency;
      const key = `${part.categoryId ?? ''}\u0000${currency}`;
      totals.set(key, { categoryId: part.categoryId, currency, spent: (totals.get(key)?.spent ?? 0) - amount });
    }
  }
  return { items: [...totals.values()].sort((a, b) => b.spent - a.spent), unconverted };
}
