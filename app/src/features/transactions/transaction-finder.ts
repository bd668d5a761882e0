import type { TransactionRow } from '../../storage/index.js';
import {
  dateRange,
  type FilterPlan,
  filterPlan,
  filtersAnything,
  matchesBesidesDates,
  matchesFilter,
  type TransactionFilter,
} from './transaction-filter.js';

/**
 * Finds the rows of one list (newest first) that match a filter, in their order. It looks only
 * where matches can be: the date range, found by binary search, or, when the filter only narrowed
 * since the last search (a word typed further, a range shortened), the rows that search found.
 * Every row looked at is checked against the whole filter (`matchesFilter`), so the answer is
 * exactly what checking every row would give.
 */
export class TransactionFinder {
  private last: { readonly plan: FilterPlan; readonly matches: readonly TransactionRow[] } | undefined;

  constructor(readonly rows: readonly TransactionRow[]) {}

  /** The rows that match every part of the filter; `rows` itself when the filter leaves every row in. */
  find(filter: TransactionFilter): readonly TransactionRow[] {
    const plan = filterPlan(filter);
    const matches = this.match(plan);
    this.last = { plan, matches };
    return matches;
  }

  private match(plan: FilterPlan): readonly TransactionRow[] {
    if (!filtersAnything(plan)) return this.rows;
    const [start, end] = dateRange(this.rows, plan);
    if (this.last && this.last.matches.length < end - start && narrows(plan, this.last.plan))
      return this.last.matches.filter((row) => matchesFilter(row, plan));
    if (plan.query.length === 0 && !plan.accountId && !plan.categoryId) return this.rows.slice(start, end);
    const matches: TransactionRow[] = [];
    for (let i = start; i < end; i++) {
      const row = this.rows[i];
      if (row !== undefined && matchesBesidesDates(row, plan)) matches.push(row);
    }
    return matches;
  }
}

/** Whether every row `plan` lets through, `before` lets through too. */
function narrows(plan: FilterPlan, before: FilterPlan): boolean {
  return (
    within(plan.accountId, before.accountId) &&
    within(plan.categoryId, before.categoryId) &&
    (!before.from || (plan.from !== '' && plan.from >= before.from)) &&
    (!before.to || (plan.to !== '' && plan.to <= before.to)) &&
    // A word found at the start of a row's word, its beginning is found there too.
    before.query.every((word) => plan.query.some((longer) => longer.startsWith(word)))
  );
}

function within(value: string, before: string): boolean {
  return before === '' || value === before;
}
