import type { CurrencyCode, DatedRate, ReportTable } from '@tally/schema';

export const REPORT_KINDS = ['spending', 'income-expense', 'net-worth', 'category-trend'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What the screen asks for: plain data, so it can cross to the worker that computes reports. */
export interface ReportRequest {
  readonly kind: ReportKind;
  readonly from: string;
  readonly to: string;
  /** Only these accounts; every account, including ones added later, when null. */
  readonly accountIds: readonly string[] | null;
  /** The category a trend follows. */
  readonly categoryId: string | null;
}

/** A computed report and what a reader needs to trust its numbers. */
export interface ReportResult {
  readonly request: ReportRequest;
  readonly table: ReportTable;
  /** The currency every amount is shown in. */
  readonly currency: CurrencyCode;
  /** False when no home currency is chosen and `currency` is the one most accounts use. */
  readonly homeCurrencySet: boolean;
  /** The exchange rates the period's conversions could use, oldest first. */
  readonly rates: readonly DatedRate[];
}

/** The accounts a report covers: null (all of them) unless the user left some out. */
export function accountScope(accountIds: readonly string[], excluded: ReadonlySet<string>): readonly string[] | null {
  if (![...excluded].some((id) => accountIds.includes(id))) return null;
  return accountIds.filter((id) => !excluded.has(id));
}

/** True when two requests ask for the same numbers; results come back from the worker as copies. */
export function sameRequest(a: ReportRequest, b: ReportRequest): boolean {
  return (
    a.kind === b.kind &&
    a.from === b.from &&
    a.to === b.to &&
    a.categoryId === b.categoryId &&
    (a.accountIds === null || b.accountIds === null
      ? a.accountIds === b.accountIds
      : a.accountIds.join('\u0000') === b.accountIds.join('\u0000'))
  );
}
