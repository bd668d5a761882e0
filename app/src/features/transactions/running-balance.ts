import type { TransactionRow } from '../../storage/index.js';

/**
 * The account's balance after each of its transactions, by transaction id: its opening balance
 * plus every amount up to and including that one, in the order the list shows them (`rows` are
 * newest first, so the sum runs from the end).
 */
export function runningBalances(
  rows: readonly TransactionRow[],
  accountId: string,
  openingBalance: number,
): ReadonlyMap<string, number> {
  const balances = new Map<string, number>();
  let balance = openingBalance;
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index];
    if (row === undefined || row.accountId !== accountId) continue;
    balance += row.amount;
    balances.set(row.id, balance);
  }
  return balances;
}
