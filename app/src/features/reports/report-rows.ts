import { isCurrencyCode, type ReportTransaction } from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';

/** What reports read of a transaction index row: no payee, notes, tags or search words. */
export type ReportRow = ReportTransaction;

/** Undefined for a row whose currency is none the ledger accepts (a row read back from IndexedDB is checked). */
export function reportRowOf(row: TransactionRow): ReportRow | undefined {
  const { id, date, amount, currency, accountId, categoryId, splits, transferId } = row;
  if (!isCurrencyCode(currency)) return undefined;
  return { id, date, amount, currency, accountId, categoryId, splits, transferId };
}

/** The live transactions as reports read them: the transaction index's rows as the page sends them. */
export class ReportRows {
  private readonly byId = new Map<string, ReportRow>();
  private list: readonly ReportRow[] | undefined;

  all(): readonly ReportRow[] {
    this.list ??= [...this.byId.values()];
    return this.list;
  }

  clear(): void {
    this.byId.clear();
    this.list = undefined;
  }

  change(puts: readonly ReportRow[], removals: readonly string[]): void {
    for (const id of removals) this.byId.delete(id);
    for (const row of puts) this.byId.set(row.id, row);
    this.list = undefined;
  }
}
