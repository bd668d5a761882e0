import { applyMapping, type CsvMapping } from './csv-mapping.js';
import type { CsvTable } from './csv-reader.js';
import { ImportError, type ImportErrorCode, type ImportErrorValues, type StatementLine } from './statement.js';

export type PreviewRow =
  | { readonly ok: true; readonly line: StatementLine }
  | { readonly ok: false; readonly line: number; readonly code: ImportErrorCode; readonly values: ImportErrorValues };

/**
 * The first rows under the header exactly as the mapping would import them, or why each cannot
 * be: the preview the user checks while choosing columns. A statement's trailer rows are skipped
 * here as in the import.
 */
export function previewRows(table: CsvTable, mapping: CsvMapping, digits: number, count: number): PreviewRow[] {
  const header = table.rows[mapping.headerRow];
  if (!header) return [];
  const rows: PreviewRow[] = [];
  for (const row of table.rows.slice(mapping.headerRow + 1)) {
    if (rows.length >= count) break;
    if (row.fields.length <= 1) continue;
    try {
      const [line] = applyMapping(
        { delimiter: table.delimiter, rows: [header, row] },
        { ...mapping, headerRow: 0 },
        digits,
      ).lines;
      if (line) rows.push({ ok: true, line });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      rows.push({ ok: false, line: error.line, code: error.code, values: error.values });
    }
  }
  return rows;
}

/** A mapping to start from when nothing could be guessed: the first columns in the usual order. */
export function firstColumnsMapping(headerRow: number, width: number): CsvMapping {
  const last = Math.max(0, width - 1);
  return {
    headerRow,
    date: 0,
    dateFormat: 'YYYY-MM-DD',
    amount: { kind: 'signed', column: Math.min(1, last) },
    decimal: '.',
    payee: Math.min(2, last),
    memo: null,
  };
}
