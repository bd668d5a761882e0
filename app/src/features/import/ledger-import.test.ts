import { type Ledger, openLedger } from '@tally/schema';
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { checkImport, createImport } from './create-import.js';
import { batchOf, importIdOf } from './import-id.js';
import { undoImport } from './ledger-import.js';
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

/** Creates an import as the worker does and adds its slices as the page does. */
function write(ledger: Ledger, toWrite: readonly LineToWrite[]): string[] {
  const created = createImport(toWrite, ledger.clock.node, ledger.clock.latest);
  for (const slice of created.slices) ledger.addCreated(slice.update);
  return created.slices.flatMap((slice) => slice.rows.map((row) => row.id));
}

test('[REC11] an import is written whole, every line once, each transaction carrying its import', () => {
  const { ledger, accountId } = ledgerWithAccount();
  const written = write(ledger, lines(accountId, FIRST, 600));
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
  write(ledger, lines(accountId, FIRST, 300));
  write(ledger, lines(accountId, SECOND, 5));
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

test('[REC11][REC4] a line the schema refuses refuses the whole import, naming the line', () => {
  const { ledger, accountId } = ledgerWithAccount();
  const batch = lines(accountId, FIRST, 1200);
  const refused = [
    ...batch.slice(0, 1100),
    ...lines(accountId, FIRST, 1, '1850-01-01').map((item) => ({ ...item, line: 1102 })),
    ...batch.slice(1100),
  ];
  const error = (() => {
    try {
      return write(ledger, refused);
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(ImportError);
  expect(error).toMatchObject({ line: 1102, code: 'refused' });
  expect(ledger.transactions.list()).toEqual([]);
});

test('[REC11][REC4] the account deleted on another device before the import is written: it is refused whole, naming the first line', () => {
  const { ledger, accountId } = ledgerWithAccount();
  ledger.accounts.delete(accountId);
  expect(() => checkImport(ledger, lines(accountId, FIRST, 600))).toThrow(
    expect.objectContaining({ line: 2, code: 'refused' }),
  );
  expect(ledger.transactions.list()).toEqual([]);
});
