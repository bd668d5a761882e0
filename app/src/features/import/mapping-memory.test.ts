import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DeviceStorage } from '../../storage/index.js';
import { type CsvMapping, findHeaderRow, guessMapping, layoutSignature } from './csv-mapping.js';
import { readCsv } from './csv-reader.js';
import { MappingMemory, readMapping } from './mapping-memory.js';

let storage: DeviceStorage;
let memory: MappingMemory;

beforeEach(() => {
  storage = new DeviceStorage('tally-mapping-memory-test');
  memory = new MappingMemory(storage);
});

afterEach(async () => {
  await storage.erase();
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

const sixColumns: CsvMapping = {
  headerRow: 0,
  date: 0,
  dateFormat: 'YYYY-MM-DD',
  amount: { kind: 'signed', column: 5 },
  decimal: '.',
  payee: 1,
  memo: null,
};

test('a remembered mapping that does not fit the table is not offered, so the columns are guessed again', async () => {
  await memory.remember('layout', sixColumns);
  await expect(memory.recall('layout', 3)).resolves.toBeUndefined();
  await expect(memory.recall('layout', 6)).resolves.toEqual(sixColumns);
  const debitCredit: CsvMapping = { ...sixColumns, amount: { kind: 'debit-credit', debit: 1, credit: 4 } };
  await memory.remember('layout', debitCredit);
  await expect(memory.recall('layout', 4)).resolves.toBeUndefined();
  await expect(memory.recall('layout', 5)).resolves.toEqual(debitCredit);
});

test('a stored value that is not a mapping is ignored, so the columns are guessed again', () => {
  expect(readMapping(sixColumns)).toEqual(sixColumns);
  expect(readMapping({ ...sixColumns, dateFormat: 'YY/MM' })).toBeUndefined();
  expect(readMapping({ ...sixColumns, payee: -1 })).toBeUndefined();
  expect(readMapping({ ...sixColumns, amount: { kind: 'debit-credit', debit: 1 } })).toBeUndefined();
  expect(readMapping('Date,Amount')).toBeUndefined();
});
