import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { TallyDatabase } from '../../storage/index.js';
import { type CsvMapping, findHeaderRow, guessMapping, layoutSignature } from './csv-mapping.js';
import { readCsv } from './csv-reader.js';
import { MappingMemory, readMapping } from './mapping-memory.js';

let db: TallyDatabase;
let memory: MappingMemory;

beforeEach(() => {
  db = new TallyDatabase('tally-mapping-memory-test');
  memory = new MappingMemory(db);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const januaryStatement = readCsv(
  'Date,Description,Amount,Balance\n01/02/2026,Bakery,-3.50,96.50\n03/04/2026,Salary,100.00,196.50\n',
);
const februaryStatement = readCsv(
  'Date,Description,Amount,Balance\n02/01/2026,Books,-12.00,84.50\n05/06/2026,Rent,-50.00,34.50\n07/08/2026,Train,-9.99,24.51\n',
);
const otherBank = readCsv('Buchungstag;Empfänger;Betrag\n02.01.2026;Bäckerei;-3,50\n');

function signatureOf(table: ReturnType<typeof readCsv>): string {
  return layoutSignature(table, findHeaderRow(table));
}

test('the mapping chosen for a bank is recalled for the next file of the same layout', async () => {
  const guess = guessMapping(januaryStatement);
  if (!guess) throw new Error('no guess');
  // Every day is 12 or under: the guess is day-first; the user says the bank writes month-first.
  expect(guess.dateFormat).toBe('DD/MM/YYYY');
  const chosen: CsvMapping = { ...guess, dateFormat: 'MM/DD/YYYY' };
  await memory.remember(signatureOf(januaryStatement), chosen);

  expect(signatureOf(februaryStatement)).toBe(signatureOf(januaryStatement));
  await expect(memory.recall(signatureOf(februaryStatement), 4)).resolves.toEqual(chosen);
});

test('a file from another bank is not given that mapping', async () => {
  const guess = guessMapping(januaryStatement);
  if (!guess) throw new Error('no guess');
  await memory.remember(signatureOf(januaryStatement), guess);
  await expect(memory.recall(signatureOf(otherBank), 3)).resolves.toBeUndefined();
});

test('the same header with different spacing or case is the same bank', () => {
  const shouting = readCsv('DATE , description,AMOUNT,Balance\n01/02/2026,Bakery,-3.50,96.50\n');
  expect(signatureOf(shouting)).toBe(signatureOf(januaryStatement));
});

test('a stored mapping that does not fit the table (or is not a mapping) is ignored, so the columns are guessed again', () => {
  const mapping: CsvMapping = {
    headerRow: 0,
    date: 0,
    dateFormat: 'YYYY-MM-DD',
    amount: { kind: 'signed', column: 5 },
    decimal: '.',
    payee: 1,
    memo: null,
  };
  expect(readMapping(mapping, 3)).toBeUndefined();
  expect(readMapping({ ...mapping, amount: { kind: 'signed', column: 2 } }, 3)).toEqual({
    ...mapping,
    amount: { kind: 'signed', column: 2 },
  });
  expect(readMapping({ ...mapping, dateFormat: 'YY/MM' }, 6)).toBeUndefined();
  expect(readMapping('Date,Amount', 6)).toBeUndefined();
  expect(readMapping({ ...mapping, amount: { kind: 'debit-credit', debit: 1, credit: 2 } }, 3)).toMatchObject({
    amount: { kind: 'debit-credit', debit: 1, credit: 2 },
  });
});
