import { openLedger } from '@tally/schema';
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { batchOf, importIdOf } from './import-id.js';
import { checkImport, ImportInterrupted, ImportRefused, undoImport, writeImport } from './ledger-import.js';
import type { LineToWrite } from './review.js';
import { ImportError } from './statement.js';

const FIRST = 'AAAAAAAAAAAAAAAAAAAAAA';
const SECOND = 'BBBBBBBBBBBBBBBBBBBBBB';

function ledgerWithAccount() {
  const ledger = openLedger(new Y.Doc());
  const account = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' });
  return { ledger, accountId: account.id };
}

function lines(accountId: string, batch: string, count: number, date = '2026-03-02'): LineToWrite[] {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    transaction: {
      date,
      amount: -100 - i,
      currency: 'USD',
      accountId,
      payee: `Shop ${i}`,
      importId: importIdOf(batch, `line:${i}`),
    },
  }));
}

test('an import is written whole, in batches, each transaction carrying its import', async () => {
  const { ledger, accountId } = ledgerWithAccount();
  const progress: number[] = [];
  const written = await writeImport(ledger, lines(accountId, FIRST, 600), (done) => void progress.push(done));
  expect(progress).toEqual([250, 500, 600]);
  expect(
    ledger.transactions
      .list()
      .map((transaction) => transaction.id)
      .sort(),
  ).toEqual(written.sort());
  expect(written).toHaveLength(600);
  expect(ledger.transactions.list().every((transaction) => batchOf(transaction.importId) === FIRST)).toBe(true);
});

test('undo removes exactly that import, found by its batch: another import and a hand-entered transaction stay', async () => {
  const { ledger, accountId } = ledgerWithAccount();
  await writeImport(ledger, lines(accountId, FIRST, 300), () => undefined);
  await writeImport(ledger, lines(accountId, SECOND, 5), () => undefined);
  ledger.transactions.create({ date: '2026-03-03', amount: -420, currency: 'USD', accountId, payee: 'Corner Café' });
  // One of the import's transactions was deleted by hand meanwhile: undo counts only what it removes.
  const first = ledger.transactions.list().find((transaction) => batchOf(transaction.importId) === FIRST);
  ledger.transactions.delete(first?.id ?? '');

  await expect(undoImport(ledger, ledger.transactions.list(), FIRST)).resolves.toBe(299);
  const left = ledger.transactions.list();
  expect(left).toHaveLength(6);
  expect(left.filter((transaction) => batchOf(transaction.importId) === SECOND)).toHaveLength(5);
  await expect(undoImport(ledger, ledger.transactions.list(), FIRST)).resolves.toBe(0);
});

test('a line the ledger refuses stops the import before anything is written, naming the line', async () => {
  const { ledger, accountId } = ledgerWithAccount();
  const batch = lines(accountId, FIRST, 1200);
  const refused = [
    ...batch.slice(0, 1100),
    ...lines(accountId, FIRST, 1, '1850-01-01').map((item) => ({ ...item, line: 1102 })),
    ...batch.slice(1100),
  ];
  const error = await checkImport(refused).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  expect(error).toMatchObject({ line: 1102, code: 'refused' });
  expect(ledger.transactions.list()).toEqual([]);
});

test('the account deleted on another device during a 600-line write: writing stops, saying how many it wrote, and undo takes those out', async () => {
  const { ledger, accountId } = ledgerWithAccount();
  const error = await writeImport(ledger, lines(accountId, FIRST, 600), (done) => {
    if (done === 250) ledger.accounts.delete(accountId);
  }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportInterrupted);
  expect(error).toMatchObject({ written: 250 });
  expect((error as ImportInterrupted).cause).toBeInstanceOf(ImportRefused);
  expect((error as ImportInterrupted).cause).toMatchObject({ refusal: { code: expect.stringMatching(/^ledger\./) } });
  expect(ledger.transactions.list()).toHaveLength(250);

  await expect(undoImport(ledger, ledger.transactions.list(), FIRST)).resolves.toBe(250);
  expect(ledger.transactions.list()).toEqual([]);
});

test('any error while writing, not only a refusal, says how many were written', async () => {
  const { ledger, accountId } = ledgerWithAccount();
  const error = await writeImport(ledger, lines(accountId, FIRST, 600), (done) => {
    if (done === 500) throw new Error('the local store is full');
  }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ written: 500, cause: new Error('the local store is full') });
});
