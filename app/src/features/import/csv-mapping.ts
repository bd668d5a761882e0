import { type DecimalMark, guessDecimalMark, parseAmountText } from './amount-text.js';
import type { CsvTable } from './csv-reader.js';
import { type DateFormat, guessDateFormats, parseDateText } from './date-text.js';
import { ImportError, type Statement, type StatementLine } from './statement.js';

export type AmountColumns =
  | { readonly kind: 'signed'; readonly column: number }
  /** Money out and money in in two columns, both written as positive numbers. */
  | { readonly kind: 'debit-credit'; readonly debit: number; readonly credit: number };

/** Which column holds what: guessed, shown in the preview, changed by the user, remembered per bank. */
export interface CsvMapping {
  /** Index in `CsvTable.rows` of the header row; rows before it are the statement's preamble. */
  readonly headerRow: number;
  readonly date: number;
  readonly dateFormat: DateFormat;
  readonly amount: AmountColumns;
  readonly decimal: DecimalMark;
  readonly payee: number;
  readonly memo: number | null;
}

const NAMES = {
  date: /^(transaction date|txn date|date|datum|buchungstag|buchungsdatum|fecha|date d'operation|booking date)$/,
  laterDate: /(post|value|valuta|wertstellung)/,
  amount: /^(amount|betrag|importe|montant|sum|value)( \(.*\))?$/,
  debit: /(debit|money out|withdrawal|paid out|soll|ausgang|cargo)/,
  credit: /(credit|money in|deposit|paid in|haben|eingang|abono)/,
  balance: /(balance|saldo|kontostand)/,
  payee: /(description|payee|name|auftraggeber|empfanger|merchant|details|narrative|concepto|libelle|beneficiary)/,
  memo: /(memo|verwendungszweck|reference|notes|remarks|ref)/,
};

function normalise(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A bank's export layout, for remembering the user's mapping of it: its header, normalised. */
export function layoutSignature(table: CsvTable, headerRow: number): string {
  return (table.rows[headerRow]?.fields ?? []).map(normalise).join(table.delimiter);
}

/** The first row whose number of fields is the table's usual one: the header after any preamble. */
export function findHeaderRow(table: CsvTable): number {
  const counts = new Map<number, number>();
  for (const row of table.rows) counts.set(row.fields.length, (counts.get(row.fields.length) ?? 0) + 1);
  const usual = [...counts].filter(([width]) => width > 1).sort(([, a], [, b]) => b - a)[0]?.[0] ?? 0;
  return Math.max(
    0,
    table.rows.findIndex((row) => row.fields.length === usual),
  );
}

function column(headers: readonly string[], pattern: RegExp, except: ReadonlySet<number> = new Set()): number {
  return headers.findIndex((header, i) => !except.has(i) && pattern.test(header));
}

/** A best guess at the mapping, from the header's names and the columns' contents; undefined when no guess fits. */
export function guessMapping(table: CsvTable): CsvMapping | undefined {
  const headerRow = findHeaderRow(table);
  const headers = (table.rows[headerRow]?.fields ?? []).map(normalise);
  const data = table.rows.slice(headerRow + 1).filter((row) => row.fields.length === headers.length);
  const values = (i: number): string[] => data.map((row) => row.fields[i] ?? '').filter((value) => value.trim() !== '');
  const dateColumns = headers.map((_, i) => i).filter((i) => guessDateFormats(values(i)).length > 0);
  const date =
    dateColumns.find((i) => NAMES.date.test(headers[i] ?? '')) ??
    dateColumns.find((i) => !NAMES.laterDate.test(headers[i] ?? '')) ??
    dateColumns[0];
  if (date === undefined) return undefined;
  const [dateFormat] = guessDateFormats(values(date));
  if (!dateFormat) return undefined;

  const balance = column(headers, NAMES.balance);
  const skip = new Set([date, balance]);
  const signed = column(headers, NAMES.amount, skip);
  const debit = column(headers, NAMES.debit, skip);
  const credit = column(headers, NAMES.credit, skip);
  let amount: AmountColumns;
  if (signed >= 0) amount = { kind: 'signed', column: signed };
  else if (debit >= 0 && credit >= 0) amount = { kind: 'debit-credit', debit, credit };
  else return undefined;
  const amountSamples =
    amount.kind === 'signed' ? values(amount.column) : [...values(amount.debit), ...values(amount.credit)];
  const used = new Set([...skip, ...(amount.kind === 'signed' ? [amount.column] : [amount.debit, amount.credit])]);
  const payee = column(headers, NAMES.payee, used);
  const memo = column(headers, NAMES.memo, new Set([...used, payee]));
  return {
    headerRow,
    date,
    dateFormat,
    amount,
    decimal: guessDecimalMark(amountSamples),
    payee: payee >= 0 ? payee : headers.findIndex((_, i) => !used.has(i)),
    memo: memo >= 0 ? memo : null,
  };
}

/**
 * The statement a mapping reads from the table. Rows of a single field after the header (a
 * statement's trailer, a note) are not transactions; any other row whose width differs from
 * the header's, or whose date or amount cannot be read, stops the import with its line.
 */
export function applyMapping(table: CsvTable, mapping: CsvMapping, digits: number): Statement {
  const header = table.rows[mapping.headerRow];
  if (!header) throw new ImportError(0, 'the chosen header row is not in the file', 'no-header');
  const lines: StatementLine[] = [];
  for (const row of table.rows.slice(mapping.headerRow + 1)) {
    if (row.fields.length <= 1) continue;
    if (row.fields.length !== header.fields.length) {
      throw new ImportError(
        row.line,
        `this row has ${row.fields.length} fields where the header has ${header.fields.length}`,
        'ragged-row',
        {
          fields: row.fields.length,
          expected: header.fields.length,
        },
      );
    }
    const field = (i: number): string => (row.fields[i] ?? '').trim();
    const date = parseDateText(field(mapping.date), mapping.dateFormat);
    if (!date)
      throw new ImportError(
        row.line,
        `"${field(mapping.date)}" is not a date in the form ${mapping.dateFormat}`,
        'bad-date',
        {
          value: field(mapping.date),
          format: mapping.dateFormat,
        },
      );
    const amount = readAmount(row.line, field, mapping, digits);
    lines.push({
      line: row.line,
      date,
      amount,
      payee: field(mapping.payee),
      memo: mapping.memo === null ? '' : field(mapping.memo),
      bankId: null,
      category: null,
      splits: [],
    });
  }
  return { currency: null, lines };
}

function readAmount(line: number, field: (i: number) => string, mapping: CsvMapping, digits: number): number {
  const read = (text: string): number => {
    const amount = parseAmountText(text, mapping.decimal, digits);
    if (amount === undefined)
      throw new ImportError(
        line,
        `"${text}" is not an amount with "${mapping.decimal}" before the decimals`,
        'bad-amount',
        { value: text },
      );
    return amount;
  };
  if (mapping.amount.kind === 'signed') return read(field(mapping.amount.column));
  const out = field(mapping.amount.debit);
  const into = field(mapping.amount.credit);
  if (out === '' && into === '')
    throw new ImportError(line, 'neither the money-out nor the money-in column has an amount', 'no-amount');
  return (into === '' ? 0 : Math.abs(read(into))) - (out === '' ? 0 : Math.abs(read(out)));
}
