import { ImportError } from './statement.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** The line of the file the row starts on (a quoted field may span lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvTable {
  readonly delimiter: Delimiter;
  readonly rows: readonly CsvRow[];
}

/** Splits CSV text into rows (RFC 4180 quoting, any line ends); empty lines are dropped. */
function splitRows(text: string, delimiter: Delimiter): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  const endRow = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else field += char;
  }
  if (quoted)
    throw new ImportError(
      quoteLine,
      'a quoted field is never closed: the file is cut short or a quote is missing',
      'unclosed-quote',
    );
  endRow();
  return rows;
}

/**
 * Reads CSV with whichever of comma, semicolon or tab the file uses: the delimiter that splits
 * the most rows into the same number of fields (a statement's preamble and trailer lines aside).
 */
export function readCsv(text: string): CsvTable {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  let best: CsvTable | undefined;
  let bestScore = -1;
  for (const delimiter of [',', ';', '\t'] as const) {
    const rows = splitRows(body, delimiter);
    const counts = new Map<number, number>();
    for (const row of rows)
      if (row.fields.length > 1) counts.set(row.fields.length, (counts.get(row.fields.length) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) {
      best = { delimiter, rows };
      bestScore = score;
    }
  }
  if (!best || bestScore === 0)
    throw new ImportError(1, 'no rows with several columns: this does not look like a CSV statement', 'not-csv');
  return best;
}
