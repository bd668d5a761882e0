/** What Tally writes for the person to keep: the whole ledger, or the transactions for a spreadsheet. */
export type ExportKind = 'backup' | 'transactions';

const FILES: Readonly<
  Record<ExportKind, { readonly stem: string; readonly extension: string; readonly type: string }>
> = {
  backup: { stem: 'tally-backup', extension: 'json', type: 'application/json' },
  transactions: { stem: 'tally-transactions', extension: 'csv', type: 'text/csv' },
};

/** A file name that sorts by date and says what it holds: `tally-backup-2026-11-25.json`. */
export function exportFileName(kind: ExportKind, day: string): string {
  const file = FILES[kind];
  return `${file.stem}-${day}.${file.extension}`;
}

export function exportFileType(kind: ExportKind): string {
  return FILES[kind].type;
}
