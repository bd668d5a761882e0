import type { Attachment, LedgerRecord, Shares, SplitPart, Transaction } from '@tally/schema';
import { searchTextOf } from './search-text.js';

/** A transaction as the index keeps it: flat, with its words folded for search. */
export interface TransactionRow {
  readonly id: string;
  readonly date: string;
  readonly amount: number;
  readonly currency: string;
  readonly accountId: string;
  readonly categoryId: string | null;
  readonly payee: string;
  readonly notes: string;
  readonly tags: readonly string[];
  /** Empty unless the transaction is split (REC7). */
  readonly splits: readonly SplitPart[];
  /** Empty unless the transaction is shared between people (SPEC SHR1). */
  readonly shares: Shares;
  readonly transferId: string | null;
  /** Receipts and documents (SPEC ATT1); their bytes are in the attachment store, not here. */
  readonly attachments: readonly Attachment[];
  /** Payee, notes and tags as folded words (`searchTextOf`). */
  readonly search: string;
}

export function toTransactionRow(record: LedgerRecord<Transaction>): TransactionRow {
  return {
    id: record.id,
    date: record.date,
    amount: record.amount,
    currency: record.currency,
    accountId: record.accountId,
    categoryId: record.categoryId,
    payee: record.payee,
    notes: record.notes,
    tags: record.tags,
    splits: record.splits,
    shares: record.shares,
    transferId: record.transferId,
    attachments: record.attachments,
    search: searchTextOf(record),
  };
}

/** Newest first; the id breaks ties so every device lists the same order. */
export function compareRows(a: Pick<TransactionRow, 'date' | 'id'>, b: Pick<TransactionRow, 'date' | 'id'>): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}
