import type { TransactionRow } from '../../storage/index.js';

/**
 * The rows to list, a transfer once: the leg money arrives by is left out when the leg it leaves
 * by is among the rows, so "Checking → Savings" is one row. A leg alone (the list filtered to one
 * account) stays. Stops after `limit` rows.
 */
export function oneRowPerTransfer(
  rows: readonly TransactionRow[],
  limit = Number.POSITIVE_INFINITY,
): readonly TransactionRow[] {
  const leaving = new Set<string>();
  for (const row of rows) if (row.transferId !== null && row.amount < 0) leaving.add(row.id);
  if (leaving.size === 0 && limit >= rows.length) return rows;
  const listed: TransactionRow[] = [];
  for (const row of rows) {
    if (listed.length >= limit) break;
    if (row.transferId !== null && row.amount >= 0 && leaving.has(row.transferId)) continue;
    listed.push(row);
  }
  return listed;
}
