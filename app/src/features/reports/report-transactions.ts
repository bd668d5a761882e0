import type { LedgerRecord, RecordChange, ReportTransaction, Transaction } from '@tally/schema';

export interface TransactionCollection {
  get(id: string): LedgerRecord<Transaction> | undefined;
  list(): LedgerRecord<Transaction>[];
  observe(listener: (change: RecordChange) => void): () => void;
}

/** Past this many changed records, reading the whole collection again is cheaper than one by one. */
const RELIST_LIMIT = 2_048;

function reportTransaction(record: LedgerRecord<Transaction>): ReportTransaction {
  const { id, date, amount, currency, accountId, categoryId, splits, transferId } = record;
  return { id, date, amount, currency, accountId, categoryId, splits, transferId };
}

/**
 * Live transactions as reports read them, kept current from the ledger's change events: reading
 * 100,000 records out of the document takes far longer than any report, so it happens once.
 */
export class ReportTransactions {
  private readonly byId = new Map<string, ReportTransaction>();
  private list: readonly ReportTransaction[] | undefined;

  constructor(private readonly source: TransactionCollection) {
    this.relist();
    source.observe(({ ids }) => this.changed(ids));
  }

  all(): readonly ReportTransaction[] {
    this.list ??= [...this.byId.values()];
    return this.list;
  }

  private changed(ids: ReadonlySet<string>): void {
    this.list = undefined;
    if (ids.size > RELIST_LIMIT) {
      this.relist();
      return;
    }
    for (const id of ids) {
      const record = this.source.get(id);
      if (record && !record.deleted) this.byId.set(id, reportTransaction(record));
      else this.byId.delete(id);
    }
  }

  private relist(): void {
    this.byId.clear();
    for (const record of this.source.list()) this.byId.set(record.id, reportTransaction(record));
  }
}
