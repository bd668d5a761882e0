import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvStatement, readStatement } from './read-statement.js';
import { ImportError } from './statement.js';

const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
const encoder = new TextEncoder();

function failure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

function readCsvText(text: string): unknown {
  const result = readStatement(encoder.encode(text), 'statement.csv', 2);
  if (result.format !== 'csv' || !result.mapping) throw new Error('not read as mapped CSV');
  return readCsvStatement(result.table, result.mapping, 2);
}

describe('files that cannot be imported say which line is wrong', () => {
  it('an OFX file cut off inside a transaction names the line that transaction starts on', () => {
    const full = readFileSync(new URL('checking-v1.ofx', FIXTURES), 'utf8');
    const cut = full.slice(0, full.indexOf('<TRNAMT>-88.74'));
    const error = failure(() => readStatement(encoder.encode(cut), 'checking.ofx', 2));
    expect(error.line).toBe(cut.split('\n').findLastIndex((line) => line.startsWith('<STMTTRN>')) + 1);
    expect(error.message).toMatch(/cut short/);
  });

  it('an OFX transaction without an amount is refused at its line', () => {
    const text = 'OFXHEADER:100\n\n<OFX>\n<STMTTRN>\n<DTPOSTED>20260101\n<NAME>Cafe\n</STMTTRN>\n</OFX>\n';
    expect(failure(() => readStatement(encoder.encode(text), 'x.ofx', 2))).toMatchObject({
      line: 4,
      reason: expect.stringMatching(/no valid amount/),
    });
  });

  it('a CSV row with more fields than its header names its line', () => {
    const text =
      'Date,Description,Amount\n2026-01-02,Bakery,-3.50\n2026-01-03,Books,Cafe,-12.00\n2026-01-04,Train,-9.99\n';
    expect(failure(() => readCsvText(text))).toMatchObject({
      line: 3,
      reason: 'this row has 4 fields where the header has 3',
    });
  });

  it('a CSV row whose date or amount cannot be read names its line and the value', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')},Bakery,-3.50`);
    const badDate = ['Date,Description,Amount', ...rows.slice(0, 5), '2026-02-30,Books,-12.00', ...rows.slice(5)].join(
      '\n',
    );
    expect(failure(() => readCsvText(badDate))).toMatchObject({
      line: 7,
      reason: '"2026-02-30" is not a date in the form YYYY-MM-DD',
    });
    const badAmount = ['Date,Description,Amount', ...rows, '2026-01-11,Books,twelve'].join('\n');
    expect(failure(() => readCsvText(badAmount))).toMatchObject({
      line: 12,
      reason: expect.stringMatching(/"twelve" is not an amount/),
    });
  });

  it('a quote that never closes names the line it opened on', () => {
    expect(
      failure(() => readCsvText('Date,Description,Amount\n2026-01-02,"Bakery,-3.50\n2026-01-03,Books,-12.00\n')),
    ).toMatchObject({ line: 2 });
  });

  it('UTF-16 without a byte-order mark, or a binary file, is refused as not text, naming the line', () => {
    const utf16 = new Uint8Array([...'Date,Amount\n2026-01-01,1\n'].flatMap((char) => [char.charCodeAt(0), 0]));
    expect(failure(() => readStatement(utf16, 'x.csv', 2))).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/NUL bytes/),
    });
  });

  it('a QIF file cut off before its last ^ names the line the transaction starts on', () => {
    expect(
      failure(() =>
        readStatement(encoder.encode('!Type:Bank\nD01/02/2026\nT-3.50\n^\nD01/03/2026\nT-4.00\n'), 'x.qif', 2),
      ),
    ).toMatchObject({ line: 5 });
  });

  it('reads a Windows-1252 export (older banks) instead of refusing it', () => {
    const bytes = new Uint8Array([
      ...encoder.encode('Date;Empf'),
      0xe4,
      ...encoder.encode('nger;Betrag\n02.01.2026;Caf'),
      0xe9,
      ...encoder.encode(' M'),
      0xfc,
      ...encoder.encode('ller;-3,50\n'),
    ]);
    const result = readStatement(bytes, 'x.csv', 2);
    if (result.format !== 'csv' || !result.mapping) throw new Error('not read as mapped CSV');
    expect(readCsvStatement(result.table, result.mapping, 2).lines[0]).toMatchObject({
      payee: 'Café Müller',
      amount: -350,
      date: '2026-01-02',
    });
  });
});
