import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  chooseFile,
  confirmImport,
  expectedStatements,
  fixture,
  importFile,
  newestStoredTransaction,
  openImport,
  waitForMapping,
  waitForReview,
  waitForStoredTotals,
} from './support/import-steps.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 120_000 } as const;
const expected = expectedStatements();

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('a bank CSV goes through the column mapping and the review, adds exactly its transactions, adds nothing the second time, and undo takes that import back out', async () => {
  const device = await world.device();
  await device.addAccount('Current', 'GBP');
  await device.addTransaction({ amount: '4.20', payee: 'Corner Café', account: 'Current', date: '2026-01-05' });
  const before = { count: 1, sum: -420 };
  const statement = expected['uk-current.csv'];
  if (!statement) throw new Error('no expectation for uk-current.csv');

  await openImport(device);
  expect(await axeViolations(device.page)).toEqual([]);
  await chooseFile(device, fixture('uk-current.csv'), 'Current');
  await waitForMapping(device);
  await expect(device.byTestId('import-file-summary').getAttribute('data-format')).resolves.toBe('csv');
  // Money out and money in come in two columns: the guess says so, and the preview shows signed amounts.
  await expect(device.byTestId('mapping-amount-debit-credit').isChecked()).resolves.toBe(true);
  await expect(device.byTestId('preview-amount').first().textContent()).resolves.toBe('-£37.72');
  expect(await axeViolations(device.page)).toEqual([]);
  await device.byTestId('mapping-continue').click();

  const review = await waitForReview(device);
  expect(review).toEqual({ included: statement.transactions, sum: statement.sum_minor, duplicates: 0 });
  expect(await axeViolations(device.page)).toEqual([]);
  const added = await confirmImport(device);
  expect(added).toEqual({ count: statement.transactions, sum: statement.sum_minor });
  expect(await axeViolations(device.page)).toEqual([]);
  await waitForStoredTotals(device, { count: before.count + statement.transactions, sum: before.sum + statement.sum_minor });

  // The same file again: every line is flagged as already imported and left out.
  await device.byTestId('import-another').click();
  await chooseFile(device, fixture('uk-current.csv'), 'Current');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  expect(await waitForReview(device)).toEqual({ included: 0, sum: 0, duplicates: statement.transactions });
  await expect(device.byTestId('review-confirm').isDisabled()).resolves.toBe(true);
  await expect(device.page.locator('[data-testid="review-row"][data-match="same-import"]').count()).resolves.toBe(50);
  expect(await axeViolations(device.page)).toEqual([]);
  await device.byTestId('review-cancel').click();

  // Undo from the list of recent imports removes that import, and only it.
  const entry = device.byTestId('recent-import').first();
  await entry.getByTestId('recent-undo').click();
  await device.page.locator('[data-testid="recent-import"][data-undone="true"]').waitFor(PATIENCE);
  await waitForStoredTotals(device, before);
});

test('OFX and QIF statements need no mapping: their transactions are reviewed and added with the count and sum the bank states', async () => {
  const device = await world.device();
  await device.addAccount('Checking', 'USD');
  const statement = expected['checking-v1.ofx'];
  if (!statement) throw new Error('no expectation for checking-v1.ofx');
  await openImport(device);
  await chooseFile(device, fixture('checking-v1.ofx'), 'Checking');
  expect(await waitForReview(device)).toEqual({ included: statement.transactions, sum: statement.sum_minor, duplicates: 0 });
  await expect(device.byTestId('import-file-summary').getAttribute('data-format')).resolves.toBe('ofx');
  expect(await confirmImport(device)).toEqual({ count: statement.transactions, sum: statement.sum_minor });
  await waitForStoredTotals(device, { count: statement.transactions, sum: statement.sum_minor });

  // Undo straight from the done step.
  await device.byTestId('undo-import').click();
  await device.byTestId('import-undone').waitFor(PATIENCE);
  await waitForStoredTotals(device, { count: 0, sum: 0 });

  // A QIF file is recognised by its content too, and each split transaction counts once.
  const quicken = expected['quicken.qif'];
  if (!quicken) throw new Error('no expectation for quicken.qif');
  await device.byTestId('import-another').click();
  await chooseFile(device, fixture('quicken.qif'), 'Checking');
  expect(await waitForReview(device)).toEqual({ included: quicken.transactions, sum: quicken.sum_minor, duplicates: 0 });
  await expect(device.byTestId('import-file-summary').getAttribute('data-format')).resolves.toBe('qif');
  expect(await confirmImport(device)).toEqual({ count: quicken.transactions, sum: quicken.sum_minor });
  await waitForStoredTotals(device, { count: quicken.transactions, sum: quicken.sum_minor });
});

test('a malformed file says which line is wrong, in words, and leaves the ledger as it was', async () => {
  const device = await world.device();
  await device.addAccount('Checking', 'USD');
  await device.addTransaction({ amount: '12.00', payee: 'Books', account: 'Checking', date: '2026-01-05' });
  const ledger = { count: 1, sum: -1200 };

  const ofx = fixture('checking-v1.ofx').buffer.toString('latin1');
  const cut = ofx.slice(0, ofx.indexOf('<TRNAMT>-88.74'));
  const cutLine = cut.split('\n').findLastIndex((line) => line.startsWith('<STMTTRN>')) + 1;
  await openImport(device);
  await chooseFile(device, { name: 'cut.ofx', buffer: Buffer.from(cut, 'latin1') }, 'Checking');
  const error = device.byTestId('import-error');
  await error.waitFor(PATIENCE);
  await expect(error.getAttribute('data-line')).resolves.toBe(String(cutLine));
  await expect(device.byTestId('import-error-reason').textContent()).resolves.toMatch(new RegExp(`^Line ${cutLine}: .*cut short`));
  expect(await axeViolations(device.page)).toEqual([]);

  // A ragged row in a CSV is found once the whole file is read with the confirmed mapping.
  const rows = fixture('us-card.csv').buffer.toString('utf8').split('\r\n');
  rows[41] = `${rows[41] ?? ''},an extra field`;
  await device.byTestId('import-choose-another').click();
  await chooseFile(device, { name: 'ragged.csv', buffer: Buffer.from(rows.join('\r\n')) }, 'Checking');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  await error.waitFor(PATIENCE);
  await expect(device.byTestId('import-error-reason').textContent()).resolves.toBe('Line 42: This row has 8 fields where the header has 7.');

  // UTF-16 without a byte-order mark is not text Tally reads.
  const utf16 = Buffer.from('Date,Description,Amount\n2026-01-02,Bakery,-3.50\n', 'utf16le');
  await device.byTestId('import-choose-another').click();
  await chooseFile(device, { name: 'utf16.csv', buffer: utf16 }, 'Checking');
  await error.waitFor(PATIENCE);
  await expect(error.getAttribute('data-code')).resolves.toBe('not-text');
  await expect(device.byTestId('import-error-reason').textContent()).resolves.toMatch(/^Line 1: The file is not text/);
  await waitForStoredTotals(device, ledger);
});

test('the columns chosen for a bank are used again for its next file', async () => {
  const device = await world.device();
  await device.addAccount('Joint', 'USD');
  // Every day is 12 or under, so the order cannot be told from the file: the user says month first.
  const january = { name: 'bank-january.csv', buffer: Buffer.from('Date,Description,Amount\n01/02/2026,Bakery,-3.50\n01/05/2026,Salary,2000.00\n') };
  const february = { name: 'bank-february.csv', buffer: Buffer.from('Date,Description,Amount\n02/03/2026,Books,-12.00\n02/09/2026,Train,-9.99\n') };

  await openImport(device);
  await chooseFile(device, january, 'Joint');
  await waitForMapping(device);
  await expect(device.byTestId('import-mapping').getAttribute('data-origin')).resolves.toBe('guessed');
  await expect(device.byTestId('preview-date').first().textContent()).resolves.toBe('Feb 1, 2026');
  await device.byTestId('mapping-date-format').selectOption('MM/DD/YYYY');
  await expect(device.byTestId('preview-date').first().textContent()).resolves.toBe('Jan 2, 2026');
  await device.byTestId('mapping-continue').click();
  await waitForReview(device);
  await confirmImport(device);

  await device.byTestId('import-another').click();
  await chooseFile(device, february, 'Joint');
  await waitForMapping(device);
  await expect(device.byTestId('import-mapping').getAttribute('data-origin')).resolves.toBe('remembered');
  await expect(device.byTestId('mapping-date-format').inputValue()).resolves.toBe('MM/DD/YYYY');
  await expect(device.byTestId('preview-date').first().textContent()).resolves.toBe('Feb 3, 2026');
});

test('an imported transaction edited on a second device arrives on the first', async () => {
  const a = await world.device();
  await a.addAccount('Card', 'USD');
  await a.connect('register', world.relayUrl, 'importer@example.com', 'Laptop');
  await a.waitForSyncState('synced');
  const statement = expected['card-v2.ofx'];
  if (!statement) throw new Error('no expectation for card-v2.ofx');
  expect(await importFile(a, fixture('card-v2.ofx'), 'Card')).toEqual({ count: statement.transactions, sum: statement.sum_minor });
  await waitForStoredTotals(a, { count: statement.transactions, sum: statement.sum_minor });
  const newest = await newestStoredTransaction(a);

  const b = await world.device();
  await b.connect('login', world.relayUrl, 'importer@example.com', 'Phone');
  await b.waitForSyncState('synced');
  await b.open('transactions');
  await b.row(newest.id).waitFor(PATIENCE);
  await b.editTransaction(newest.id, { payee: 'Edited on the phone' });

  await a.open('transactions');
  await expect.poll(() => a.row(newest.id).getByTestId('tx-payee').textContent(), PATIENCE).toBe('Edited on the phone');
});
