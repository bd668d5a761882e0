import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  chooseFile,
  confirmAndWaitForWriting,
  confirmImport,
  expectedStatements,
  fixture,
  focusedTestId,
  generatedCsv,
  headlessPeer,
  importEnd,
  importFile,
  newestStoredTransaction,
  openImport,
  throttleCpu,
  undoRemoved,
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
  await waitForStoredTotals(device, {
    count: before.count + statement.transactions,
    sum: before.sum + statement.sum_minor,
  });

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

  // Undo from the list of recent imports removes that import, and only it, and says how many it removed.
  const entry = device.byTestId('recent-import').first();
  await entry.getByTestId('recent-undo').click();
  expect(await undoRemoved(device, 'recent-undone')).toEqual({
    removed: statement.transactions,
    text: `Import undone: ${statement.transactions} transactions removed.`,
  });
  await device.page.locator('[data-testid="recent-import"][data-undone="true"]').waitFor(PATIENCE);
  // The row's button stays, saying the import is undone, so focus is not thrown back to the page.
  await expect(focusedTestId(device)).resolves.toBe('recent-undo');
  await expect(entry.getByTestId('recent-undo').textContent()).resolves.toBe('Undone');
  expect(await axeViolations(device.page)).toEqual([]);
  await waitForStoredTotals(device, before);
});

test('OFX and QIF statements need no mapping: their transactions are reviewed and added with the count and sum the bank states', async () => {
  const device = await world.device();
  await device.addAccount('Checking', 'USD');
  const statement = expected['checking-v1.ofx'];
  if (!statement) throw new Error('no expectation for checking-v1.ofx');
  await openImport(device);
  await chooseFile(device, fixture('checking-v1.ofx'), 'Checking');
  expect(await waitForReview(device)).toEqual({
    included: statement.transactions,
    sum: statement.sum_minor,
    duplicates: 0,
  });
  await expect(device.byTestId('import-file-summary').getAttribute('data-format')).resolves.toBe('ofx');
  expect(await confirmImport(device)).toEqual({ count: statement.transactions, sum: statement.sum_minor });
  await waitForStoredTotals(device, { count: statement.transactions, sum: statement.sum_minor });

  // Undo straight from the done step: the count is announced and focus stays on the step's other button.
  await device.byTestId('undo-import').click();
  expect((await undoRemoved(device, 'import-undone')).removed).toBe(statement.transactions);
  await expect(focusedTestId(device)).resolves.toBe('import-another');
  await waitForStoredTotals(device, { count: 0, sum: 0 });

  // A QIF file is recognised by its content too, and each split transaction counts once.
  const quicken = expected['quicken.qif'];
  if (!quicken) throw new Error('no expectation for quicken.qif');
  await device.byTestId('import-another').click();
  await chooseFile(device, fixture('quicken.qif'), 'Checking');
  expect(await waitForReview(device)).toEqual({
    included: quicken.transactions,
    sum: quicken.sum_minor,
    duplicates: 0,
  });
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
  await expect(device.byTestId('import-error-reason').textContent()).resolves.toMatch(
    new RegExp(`^Line ${cutLine}: .*cut short`),
  );
  expect(await axeViolations(device.page)).toEqual([]);

  // A ragged row in a CSV is found once the whole file is read with the confirmed mapping.
  const rows = fixture('us-card.csv').buffer.toString('utf8').split('\r\n');
  rows[41] = `${rows[41] ?? ''},an extra field`;
  await device.byTestId('import-choose-another').click();
  await chooseFile(device, { name: 'ragged.csv', buffer: Buffer.from(rows.join('\r\n')) }, 'Checking');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  await error.waitFor(PATIENCE);
  await expect(device.byTestId('import-error-reason').textContent()).resolves.toBe(
    'Line 42: This row has 8 fields where the header has 7.',
  );

  // UTF-16 without a byte-order mark is not text Tally reads.
  const utf16 = Buffer.from('Date,Description,Amount\n2026-01-02,Bakery,-3.50\n', 'utf16le');
  await device.byTestId('import-choose-another').click();
  await chooseFile(device, { name: 'utf16.csv', buffer: utf16 }, 'Checking');
  await error.waitFor(PATIENCE);
  await expect(error.getAttribute('data-code')).resolves.toBe('not-text');
  await expect(device.byTestId('import-error-reason').textContent()).resolves.toMatch(/^Line 1: The file is not text/);
  await waitForStoredTotals(device, ledger);
});

test('[REC11] closing the tab while an import is applied leaves it stored whole: after a reload it is complete, and undo takes all of it out', async () => {
  const device = await world.device();
  await device.addAccount('Everyday', 'USD');
  await device.addTransaction({ amount: '4.20', payee: 'Corner Café', account: 'Everyday', date: '2026-01-05' });
  const before = { count: 1, sum: -420 };

  await openImport(device);
  await chooseFile(device, generatedCsv(20_000, 'long-statement.csv'), 'Everyday');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  const review = await waitForReview(device);
  await confirmAndWaitForWriting(device, 1_000);
  await device.reload();
  await waitForStoredTotals(device, { count: 20_001, sum: review.sum - 420 });

  await openImport(device);
  const entry = device.page.locator('[data-testid="recent-import"]', { hasText: 'long-statement.csv' });
  await expect(entry.getAttribute('data-complete')).resolves.toBe('true');
  await expect(entry.textContent()).resolves.toMatch(/20,000 transactions into Everyday/);
  expect(await axeViolations(device.page)).toEqual([]);
  await entry.getByTestId('recent-undo').click();
  const { removed, text } = await undoRemoved(device, 'recent-undone');
  expect(removed).toBe(20_000);
  expect(text).toBe('Import undone: 20,000 transactions removed.');
  await expect(focusedTestId(device)).resolves.toBe('recent-undo');
  await waitForStoredTotals(device, before);
  expect(await axeViolations(device.page)).toEqual([]);
});

test('leaving the Import screen while an import is written and coming back: the import reads as importing with no undo, and can be undone whole once it is in', async () => {
  const device = await world.device();
  await device.addAccount('Savings', 'USD');

  await openImport(device);
  await chooseFile(device, generatedCsv(30_000, 'leave-and-return.csv'), 'Savings');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  await waitForReview(device);
  await confirmAndWaitForWriting(device, 250);
  // The page slows down, so the import is still being written when the person comes back.
  await throttleCpu(device, 10);
  await device.open('accounts');
  await openImport(device);

  const importing = device.page.locator('[data-testid="recent-import"][data-state="writing"]', {
    hasText: 'leave-and-return.csv',
  });
  await importing.waitFor(PATIENCE);
  await expect(importing.textContent()).resolves.toMatch(/Importing 30,000 transactions into Savings/);
  const button = importing.getByTestId('recent-undo');
  await expect(button.getAttribute('aria-disabled')).resolves.toBe('true');
  await expect(button.textContent()).resolves.toBe('Importing…');
  expect(await axeViolations(device.page)).toEqual([]);
  await throttleCpu(device, 1);

  const written = device.page.locator('[data-testid="recent-import"][data-state="undoable"][data-complete="true"]', {
    hasText: 'leave-and-return.csv',
  });
  await written.waitFor(PATIENCE);
  await written.getByTestId('recent-undo').click();
  expect((await undoRemoved(device, 'recent-undone')).removed).toBe(30_000);
  await waitForStoredTotals(device, { count: 0, sum: 0 });
});

test('[REC11] the account deleted on another device while an import is written: the import still lands whole, once, and undo takes all of it out', async () => {
  const device = await world.device();
  await device.addAccount('Travel', 'USD');
  await device.connect('register', world.relayUrl, 'partial-import@example.com', 'Laptop');
  await device.waitForSyncState('synced');
  const peer = await headlessPeer(device);
  try {
    await openImport(device);
    await chooseFile(device, generatedCsv(30_000, 'travel.csv'), 'Travel');
    await waitForMapping(device);
    await device.byTestId('mapping-continue').click();
    const review = await waitForReview(device);
    await confirmAndWaitForWriting(device, 250);
    const account = peer.ledger.accounts.list().find((item) => item.name === 'Travel');
    peer.ledger.accounts.delete(account?.id ?? '');

    expect(await importEnd(device)).toEqual({ step: 'import-done', code: null });
    await expect(device.byTestId('import-added').textContent()).resolves.toMatch(/30,000/);
    await waitForStoredTotals(device, { count: 30_000, sum: review.sum });
    expect(await axeViolations(device.page)).toEqual([]);
    await device.byTestId('undo-import').click();
    expect((await undoRemoved(device, 'import-undone')).removed).toBe(30_000);
    await waitForStoredTotals(device, { count: 0, sum: 0 });
    expect(await axeViolations(device.page)).toEqual([]);
  } finally {
    peer.close();
  }
});

test('a line of no amount (a waived fee) is reviewed as neither money in nor money out, and imported', async () => {
  const device = await world.device();
  await device.addAccount('Fees', 'USD');
  const file = {
    name: 'waived.csv',
    buffer: Buffer.from(
      'Date,Description,Amount\n2026-03-01,Bakery,-3.50\n2026-03-02,Monthly fee waived,0.00\n2026-03-03,Salary,2000.00\n',
    ),
  };
  await openImport(device);
  await chooseFile(device, file, 'Fees');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  expect(await waitForReview(device)).toEqual({ included: 3, sum: 199_650, duplicates: 0 });
  const directions = await device
    .byTestId('review-amount')
    .evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-direction'), cell.textContent]));
  expect(directions).toEqual([
    ['out', '-$3.50'],
    ['none', '$0.00No amount'],
    ['in', '$2,000.00'],
  ]);
  await expect(device.byTestId('review-no-amount').textContent()).resolves.toMatch(
    /^1 line has no amount .*neither money in nor money out/,
  );
  expect(await axeViolations(device.page)).toEqual([]);
  expect(await confirmImport(device)).toEqual({ count: 3, sum: 199_650 });
  await waitForStoredTotals(device, { count: 3, sum: 199_650 });
});

test('the columns chosen for a bank are used again for its next file', async () => {
  const device = await world.device();
  await device.addAccount('Joint', 'USD');
  // Every day is 12 or under, so the order cannot be told from the file: the user says month first.
  const january = {
    name: 'bank-january.csv',
    buffer: Buffer.from('Date,Description,Amount\n01/02/2026,Bakery,-3.50\n01/05/2026,Salary,2000.00\n'),
  };
  const february = {
    name: 'bank-february.csv',
    buffer: Buffer.from('Date,Description,Amount\n02/03/2026,Books,-12.00\n02/09/2026,Train,-9.99\n'),
  };

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
  expect(await importFile(a, fixture('card-v2.ofx'), 'Card')).toEqual({
    count: statement.transactions,
    sum: statement.sum_minor,
  });
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
