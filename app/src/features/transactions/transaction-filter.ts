import { matchesSearch, type SearchQuery, searchQuery, type TransactionRow } from '../../storage/index.js';

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

/** A filter as it is applied: what was typed turned into the words to look for. */
export interface FilterPlan {
  readonly query: SearchQuery;
  readonly accountId: string;
  readonly categoryId: string;
  readonly from: string;
  readonly to: string;
}

export function filterPlan(filter: TransactionFilter): FilterPlan {
  const { accountId, categoryId, from, to } = filter;
  return { query: searchQuery(filter.text), accountId, categoryId, from, to };
}

/** Whether the plan filters anything out at all. */
export function filtersAnything(plan: FilterPlan): boolean {
  return plan.query.length > 0 || plan.accountId !== '' || plan.categoryId !== '' || plan.from !== '' || plan.to !== '';
}

/** Whether one row passes every part of the filter: the definition the faster searches must agree with. */
export function matchesFilter(row: TransactionRow, plan: FilterPlan): boolean {
  if (plan.from && row.date < plan.from) return false;
  if (plan.to && row.date > plan.to) return false;
  return matchesBesidesDates(row, plan);
}

/** Whether one row passes the filter's account, category and words, for rows known to be in its date range. */
export function matchesBesidesDates(row: TransactionRow, plan: FilterPlan): boolean {
  const { query, accountId, categoryId } = plan;
  if (accountId && row.accountId !== accountId) return false;
  if (categoryId && row.categoryId !== categoryId && !row.splits.some((part) => part.categoryId === categoryId))
    return false;
  return matchesSearch(row.search, query);
}

/**
 * Where the rows of a date range are, as `[start, end)`. Rows are newest first, so a range is one
 * contiguous run, found by binary search.
 */
export function dateRange(rows: readonly TransactionRow[], plan: Pick<FilterPlan, 'from' | 'to'>): [number, number] {
  const start = plan.to ? firstWhere(rows, (row) => row.date <= plan.to) : 0;
  const end = plan.from ? firstWhere(rows, (row) => row.date < plan.from) : rows.length;
  return [start, Math.max(start, end)];
}

/** The first index where `past` holds, given it holds for a suffix of `rows`. */
function firstWhere(rows: readonly TransactionRow[], past: (row: TransactionRow) => boolean): number {
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
