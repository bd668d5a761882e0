import type { CategoryKind, CategoryRule, Timestamp } from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';
import type { StoredLedger } from '../../sync/index.js';
import type { Example } from '../categorise/index.js';
import type { CsvMapping } from './csv-mapping.js';
import type { CsvTable } from './csv-reader.js';
import type { KnownTransaction } from './duplicates.js';
import type { LineToWrite, ReviewLine } from './review.js';
import type { ImportErrorCode, ImportErrorValues } from './statement.js';

/** What the import worker is asked to do; it keeps the file it read between the two steps. */
export type WorkerRequest =
  | { readonly type: 'read'; readonly bytes: ArrayBuffer; readonly fileName: string; readonly digits: number }
  | {
      readonly type: 'review';
      /** The confirmed mapping, for a CSV file; null for OFX and QIF. */
      readonly mapping: CsvMapping | null;
      readonly currency: string;
      readonly known: readonly KnownTransaction[];
      readonly rules: readonly CategoryRule[];
      readonly history: readonly Example[];
      /** Each category's kind, so a line is offered only categories of its own kind. */
      readonly kinds: Readonly<Record<string, CategoryKind>>;
    }
  /** Some of the confirmed import's transactions, sent a few thousand at a time so no message holds the page long. */
  | { readonly type: 'lines'; readonly lines: readonly LineToWrite[] }
  /**
   * Creates every transaction sent as one update for the ledger's writer and stores it whole
   * where the ledger is stored (SPEC REC11), before the page applies any of it.
   */
  | { readonly type: 'create'; readonly node: string; readonly after: Timestamp; readonly stored: StoredLedger };

export type WorkPhase = 'reading' | 'matching' | 'suggesting';

/** Rows of a CSV file sent back for the mapping step's preview; the whole table stays in the worker. */
export const SAMPLE_ROWS = 40;

export type WorkerReply =
  | { readonly type: 'progress'; readonly phase: WorkPhase; readonly done: number; readonly total: number }
  | {
      readonly type: 'csv';
      /** The first rows of the file, for the live preview. */
      readonly sample: CsvTable;
      readonly rows: number;
      readonly headerRow: number;
      readonly width: number;
      /** The bank's layout, to remember the mapping by. */
      readonly signature: string;
      readonly guess: CsvMapping | null;
    }
  | { readonly type: 'statement'; readonly format: 'ofx' | 'qif'; readonly lines: number }
  | { readonly type: 'review'; readonly lines: readonly ReviewLine[] }
  | { readonly type: 'lines'; readonly held: number }
  /** One slice of the created update, in order, with the index rows of the transactions it creates. */
  | { readonly type: 'slice'; readonly update: Uint8Array; readonly rows: readonly TransactionRow[] }
  /** Every slice was sent, and the whole update is stored. */
  | { readonly type: 'created' }
  | {
      readonly type: 'failed';
      readonly line: number;
      /** What went wrong, in a developer's words; the person reads the message `code` names. */
      readonly reason: string;
      readonly code: ImportErrorCode;
      readonly values: ImportErrorValues;
    };
