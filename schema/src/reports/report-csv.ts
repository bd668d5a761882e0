import type { ReportTable } from './report-input.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Rows as CSV (RFC 4180: quoted where needed, CRLF line ends). Text that a spreadsheet would run
 * as a formula (=, +, -, @ at the start) is prefixed with an apostrophe; amounts stay plain numbers.
 */
export function csvText(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number): string => {
    let text = String(value);
    if (!NUMBER.test(text) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The numbers behind a report's chart, as CSV. */
export function reportToCsv(table: ReportTable): string {
  return csvText(table.columns, table.rows);
}
