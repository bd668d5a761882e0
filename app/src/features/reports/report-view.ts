import { type CurrencyCode, minorUnitDigits } from '@tally/schema';
import type { ReportKind, ReportRequest, ReportResult } from './report-request.js';

export type ColumnKey = 'category' | 'month' | 'spent' | 'income' | 'expense' | 'net' | 'net-worth';

/** What a row is about: a month (`YYYY-MM`), a category by name, or money with no category. */
export type RowSubject =
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'category'; readonly name: string }
  | { readonly kind: 'uncategorised' };

export interface ViewRow {
  readonly subject: RowSubject;
  /** One amount per amount column, in minor units of the report's currency. */
  readonly amounts: readonly number[];
}

export interface ReportView {
  readonly columns: readonly ColumnKey[];
  readonly rows: readonly ViewRow[];
  readonly currency: CurrencyCode;
}

/** The columns each report's table shows, its first column naming the row. */
export const COLUMNS: { readonly [K in ReportKind]: readonly ColumnKey[] } = {
  spending: ['category', 'spent'],
  'income-expense': ['month', 'income', 'expense', 'net'],
  'net-worth': ['month', 'net-worth'],
  'category-trend': ['month', 'spent'],
};

/** The schema's label for money without a category (REP1). */
const UNCATEGORISED = 'Uncategorised';

/**
 * An exact decimal ("-1234.5", "12") as minor units of `currency`: digits moved, never
 * multiplied as a float, so no cent is lost to rounding.
 */
export function minorUnitsOf(decimal: string, currency: CurrencyCode): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) throw new RangeError(`"${decimal}" is not a decimal amount`);
  const digits = minorUnitDigits(currency);
  const fraction = (match[3] ?? '').padEnd(digits, '0');
  if (fraction.length > digits) throw new RangeError(`"${decimal}" has more digits than ${currency} has minor units`);
  const units = Number(`${match[2] ?? '0'}${fraction}`);
  return match[1] === '-' && units !== 0 ? -units : units;
}

/**
 * The table a screen shows for a report: rows named by what they are about, amounts in minor
 * units ready for the money formatter. `categoryNames` tells a category the user named
 * "Uncategorised" from money that has none.
 */
export function reportView(result: ReportResult, categoryNames: ReadonlySet<string>): ReportView {
  const columns = COLUMNS[result.request.kind];
  const rows = result.table.rows.map((row): ViewRow => {
    const [label = '', ...amounts] = row;
    const name = String(label);
    const subject: RowSubject =
      columns[0] === 'month'
        ? { kind: 'month', month: name }
        : name === UNCATEGORISED && !categoryNames.has(name)
          ? { kind: 'uncategorised' }
          : { kind: 'category', name };
    return { subject, amounts: amounts.map((amount) => minorUnitsOf(String(amount), result.currency)) };
  });
  return { columns, rows, currency: result.currency };
}

/** Values for drawing, one array per amount column: major units as floats, which a chart only places on screen. */
export function chartValues(view: ReportView): number[][] {
  const scale = 10 ** minorUnitDigits(view.currency);
  return view.columns.slice(1).map((_, column) => view.rows.map((row) => (row.amounts[column] ?? 0) / scale));
}

/** A file name that says which report over which days: `tally-spending-2026-01-01-to-2026-03-31.csv`. */
export function csvFileName(request: ReportRequest, categoryName?: string): string {
  const slug = (categoryName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const subject = request.kind === 'category-trend' && slug !== '' ? `${request.kind}-${slug}` : request.kind;
  return `tally-${subject}-${request.from}-to-${request.to}.csv`;
}

const NUMERAL = /^-?\d+(?:\.\d+)?$/;

function isNumeral(text: string): text is `${number}` {
  return NUMERAL.test(text);
}

/** An exchange rate as `locale` writes numbers, every entered digit kept: "0.92", "0,92". */
export function formatRate(rate: string, locale: string): string {
  return isNumeral(rate) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(rate) : rate;
}
