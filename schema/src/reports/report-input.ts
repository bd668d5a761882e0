import type { CurrencyCode, RateTable } from '../money/index.js';
import type { Account, Category, Transaction } from '../records/index.js';

export type ReportTransaction = Pick<
  Transaction,
  'date' | 'amount' | 'currency' | 'accountId' | 'categoryId' | 'splits' | 'transferId'
> & {
  readonly id: string;
};

/** What every report reads: live records, the currency to report in, and the rates to get there. */
export interface ReportInput {
  readonly currency: CurrencyCode;
  readonly rates: RateTable;
  readonly accounts: readonly (Pick<Account, 'currency' | 'openingBalance' | 'name'> & { readonly id: string })[];
  readonly categories: readonly (Pick<Category, 'name' | 'kind' | 'group'> & { readonly id: string })[];
  readonly transactions: readonly ReportTransaction[];
  /** Only these accounts; all when absent. */
  readonly accountIds?: ReadonlySet<string>;
  /** First and last day, both included, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
}

/** The numbers behind a chart: named columns and rows, ready to draw or to export. */
export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Amounts left out for want of an exchange rate. */
  readonly unconverted: number;
}
