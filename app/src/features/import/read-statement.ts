import { applyMapping, type CsvMapping, guessMapping } from './csv-mapping.js';
import { type CsvTable, readCsv } from './csv-reader.js';
import { decodeText } from './decode-text.js';
import { parseOfx } from './ofx.js';
import { parseQif } from './qif.js';
import { ImportError, type Statement } from './statement.js';

export type StatementFormat = 'csv' | 'ofx' | 'qif';

/** What a file is, by its content first and its name second: OFX and QIF say so in their first lines. */
export function detectFormat(text: string, fileName = ''): StatementFormat {
  const head = text.slice(0, 2_000).trimStart();
  if (/^(OFXHEADER|<\?xml[^>]*>\s*<\?OFX|<OFX>)/i.test(head) || /\.(ofx|qfx)$/i.test(fileName)) return 'ofx';
  if (/^!Type:/i.test(head) || /\.qif$/i.test(fileName)) return 'qif';
  return 'csv';
}

export type ReadResult =
  | { readonly format: 'ofx' | 'qif'; readonly statement: Statement }
  /** CSV needs its mapping confirmed: the guess (if any) and the table for the live preview. */
  | { readonly format: 'csv'; readonly table: CsvTable; readonly mapping: CsvMapping | undefined };

/** Reads a bank file's bytes as far as it can without asking the user anything. */
export function readStatement(bytes: Uint8Array, fileName: string, digits: number): ReadResult {
  const text = decodeText(bytes);
  const format = detectFormat(text, fileName);
  if (format === 'ofx') return { format, statement: parseOfx(text, digits) };
  if (format === 'qif') return { format, statement: parseQif(text, digits) };
  const table = readCsv(text);
  return { format, table, mapping: guessMapping(table) };
}

/** A CSV statement read with a mapping the user confirmed (or a remembered one). */
export function readCsvStatement(table: CsvTable, mapping: CsvMapping, digits: number): Statement {
  const statement = applyMapping(table, mapping, digits);
  if (statement.lines.length === 0)
    throw new ImportError(0, 'the file has no transactions under its header', 'no-transactions');
  return statement;
}
