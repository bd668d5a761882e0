/** One transaction as a bank file states it, before it becomes a ledger transaction. */
export interface StatementLine {
  /** The line of the file it starts on, for messages and the preview. */
  readonly line: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Signed minor units: money in positive, money out negative. */
  readonly amount: number;
  readonly payee: string;
  readonly memo: string;
  /** The bank's own id for the transaction (OFX FITID), when the file has one. */
  readonly bankId: string | null;
  /** A category name the file carries (QIF `L`), to match against the ledger's categories. */
  readonly category: string | null;
  /** Split parts (QIF `S`/`E`/`$`), empty when not split. */
  readonly splits: readonly { readonly category: string; readonly memo: string; readonly amount: number }[];
}

export interface Statement {
  /** The currency the file declares (OFX CURDEF), when it declares one. */
  readonly currency: string | null;
  readonly lines: readonly StatementLine[];
}

/** Why a file cannot be read, as a code the screen turns into a message in the user's language. */
export const IMPORT_ERROR_CODES = [
  'not-text',
  'not-csv',
  'unclosed-quote',
  'no-header',
  'ragged-row',
  'bad-date',
  'bad-amount',
  'no-amount',
  'no-transactions',
  'not-ofx',
  'cut-short',
  'currency-mismatch',
  /** The ledger refuses a line's transaction (a date outside the years it keeps). */
  'refused',
  /** The file could not be read for a reason of Tally's own, not the file's. */
  'unreadable',
  /** The import could not be stored on the device (it is full): nothing was written. */
  'not-stored',
  /** The import was undone in another tab while this one wrote it: it took out what it had added. */
  'undone',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** Values a message names: the text that could not be read, a count of fields, a date format. */
export type ImportErrorValues = Readonly<Record<string, string | number>>;

/** Why a file cannot be imported, naming the line; nothing is written when one is raised. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly code: ImportErrorCode,
    readonly values: ImportErrorValues = {},
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
  }
}
