import { matchesSearch, searchQuery, type TransactionRow } from '../../storage/index.js';

export interface TransactionFilter {
  /** Words to find in payee, notes or tags: each must start a word there (`searchQuery`). */
  readonly text: string;
  readonly accountId: string;
  readonly categoryId: string;
  /** Inclusive calendar days, `YYYY-MM-DD`; empty means open-ended. */
  readonly from: string;
  readonly to: string;
}

export const NO_FILTER: TransactionFilter = { text: '', accountId: '', categoryId: '', from: '', to: '' };

/** How many of the filters behind the filter button are set: account, category, from and to. */
export function activeFilters(filter: TransactionFilter): number {
  return [filter.accountId, filter.categoryId, filter.from, filter.to].filter((value) => value !== '').length;
}

/** The rows that match every part of the filter, in their order (newest first). */
export function filterTransactions(
  rows: readonly TransactionRow[],
  filter: TransactionFilter,
): readonly TransactionRow[] {
  const query = searchQuery(filter.text);
  const text = query.length > 0;
  const { accountId, categoryId, from, to } = filter;
  if (!text && !accountId && !categoryId && !from && !to) return rows;
  // Rows are newest first, so the date range is one contiguous run: find it, then scan only it.
  const start = to ? firstOnOrBefore(rows, to) : 0;
  const end = from ? firstBefore(rows, from) : rows.length;
  const matches: TransactionRow[] = [];
  for (let i = start; i < end; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    if (accountId && row.accountId !== accountId) continue;
    if (categoryId && row.categoryId !== categoryId && !row.splits.some((part) => part.categoryId === categoryId))
      continue;
    if (text && !matchesSearch(row.search, query)) continue;
    matches.push(row);
  }
  return matches;
}

/** The first index whose date is on or before `day`. */
function firstOnOrBefore(rows: readonly TransactionRow[], day: string): number {
  return search(rows, (row) => row.date <= day);
}

/** The first index whose date is before `day`. */
function firstBefore(rows: readonly TransactionRow[], day: string): number {
  return search(rows, (row) => row.date < day);
}

/** The first index where `past` holds, given it holds for a suffix of `rows`. */
function search(rows: readonly TransactionRow[], past: (row: TransactionRow) => boolean): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const row = rows[middle];
    if (row !== undefined && past(row)) high = middle;
    else low = middle + 1;
  }
  return low;
}
