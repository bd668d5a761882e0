import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  addCategorisedTransaction,
  addCategory,
  addRule,
  chooseBackupFile,
  confirmRestore,
  deleteTransaction,
  download,
  eraseDevice,
  exportedLedger,
  shownTransactions,
} from './support/data-steps.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
let source: TallyDevice;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
  source = await world.device();
  await source.addAccount('Checking');
  await source.addAccount('Savings');
  await addCategory(source, 'Groceries');
  await addRule(source, { contains: 'market', category: 'Groceries' });
  await source.open('transactions');
  await addCategorisedTransaction(
    source,
    { amount: '42.10', payee: 'Farmers market', account: 'Checking', date: '2026-11-02' },
    'Groceries',
  );
  await source.addTransaction({ amount: '1,500.00', payee: 'Rent', account: 'Checking', date: '2026-11-01' });
  await source.addTransaction({
    amount: '55.10',
    payee: 'Pharmacy',
    account: 'Savings',
    date: '2026-11-04',
    notes: 'Prescription, 2 boxes',
  });
  await source.addTransaction({ amount: '9.99', payee: 'Typo', account: 'Savings', date: '2026-11-05' });
  await deleteTransaction(source, 'Typo');
});
afterAll(async () => {
  await world.stop();
});

test('[BAK1] a ledger backed up, erased from the device and restored into the empty ledger comes back identical', async () => {
  const before = await download(source, 'export-backup');
  expect(before.name).toMatch(/^tally-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const shownBefore = ['Pharmacy -$55.10', 'Farmers market -$42.10', 'Rent -$1,500.00'];
  await expect.poll(() => shownTransactions(source)).toEqual(shownBefore);
  await source.open('settings');
  expect(await axeViolations(source.page)).toEqual([]);

  // With records on the device, only a merge is offered, and the screen says how to restore into an empty ledger.
  await chooseBackupFile(source, before.name, before.text);
  await source.byTestId('restore-confirm').waitFor();
  await expect(source.byTestId('restore-into-empty').isDisabled()).resolves.toBe(true);
  await expect(source.byTestId('restore-into-empty-hint').textContent()).resolves.toMatch(
    /already holds records.*erase the data on this device/,
  );
  expect(await axeViolations(source.page)).toEqual([]);
  await source.byTestId('restore-cancel').click();
  await source.byTestId('restore-confirm').waitFor({ state: 'detached' });

  await eraseDevice(source);
  await expect.poll(() => shownTransactions(source)).toEqual([]);

  await chooseBackupFile(source, before.name, before.text);
  await expect
    .poll(() => source.byTestId('restore-counts').locator('li').allTextContents())
    .toEqual(['2 accounts', '3 transactions', '1 category', '1 category rule']);
  await expect(source.byTestId('restore-into-empty').isChecked()).resolves.toBe(true);
  expect(await axeViolations(source.page)).toEqual([]);
  await confirmRestore(source, 'into-empty');
  await expect(source.byTestId('restore-done').textContent()).resolves.toBe(
    'Restored. Records added: 8. Already on this device and kept: 0.',
  );

  await expect.poll(() => shownTransactions(source)).toEqual(shownBefore);
  await source.open('accounts');
  await expect
    .poll(() => source.page.getByTestId('account-row-name').allTextContents())
    .toEqual(['Checking', 'Savings']);
  await expect(exportedLedger(source)).resolves.toEqual(JSON.parse(before.text));
  // The restored ledger is what this device stores: it survives a reload.
  await source.reload();
  await expect(exportedLedger(source)).resolves.toEqual(JSON.parse(before.text));
});

test('[BAK2] merging a backup into a ledger with other records keeps both', async () => {
  const backup = await download(source, 'export-backup');
  const other = await world.device();
  await other.addAccount('Wallet', 'EUR');
  await other.addTransaction({ amount: '3.20', payee: 'Coffee', account: 'Wallet', date: '2026-11-03' });

  await chooseBackupFile(other, backup.name, backup.text);
  await other.byTestId('restore-confirm').waitFor();
  await confirmRestore(other, 'merge');
  await expect(other.byTestId('restore-done').textContent()).resolves.toBe(
    'Restored. Records added: 8. Already on this device and kept: 0.',
  );

  await expect
    .poll(() => shownTransactions(other))
    .toEqual(['Pharmacy -$55.10', 'Coffee -€3.20', 'Farmers market -$42.10', 'Rent -$1,500.00']);
  await other.open('accounts');
  await expect
    .poll(() => other.page.getByTestId('account-row-name').allTextContents())
    .toEqual(['Checking', 'Savings', 'Wallet']);

  // Merging the same backup again adds nothing and keeps everything as it is.
  await chooseBackupFile(other, backup.name, backup.text);
  await confirmRestore(other, 'merge');
  await expect(other.byTestId('restore-done').textContent()).resolves.toBe(
    'Restored. Records added: 0. Already on this device and kept: 8.',
  );
});

test('[BAK3] a file that is not a backup, or a damaged backup, leaves the ledger as it was and says why', async () => {
  const before = await exportedLedger(source);
  const csv = await download(source, 'export-csv');

  await chooseBackupFile(source, csv.name, csv.text);
  await expect
    .poll(() => source.byTestId('restore-error').textContent())
    .toMatch(/not a JSON file\. Nothing was changed\./);
  await expect(source.byTestId('restore-confirm').count()).resolves.toBe(0);
  expect(await axeViolations(source.page)).toEqual([]);

  await chooseBackupFile(source, 'accounts.json', JSON.stringify({ accounts: [{ name: 'Cash' }] }));
  await expect.poll(() => source.byTestId('restore-error').textContent()).toMatch(/not a Tally backup/);

  // Well formed, but one transaction's amount is not a whole number of cents: caught when restoring, before any write.
  const backup: { collections: { transactions: Record<string, unknown>[] } } = JSON.parse(
    (await download(source, 'export-backup')).text,
  );
  const damaged = {
    ...backup,
    collections: {
      ...backup.collections,
      transactions: backup.collections.transactions.map((transaction, index) =>
        index === 0 ? { ...transaction, amount: 12.5 } : transaction,
      ),
    },
  };
  await chooseBackupFile(source, 'damaged.json', JSON.stringify(damaged));
  await confirmRestore(source, 'merge');
  await expect.poll(() => source.byTestId('restore-error').textContent()).toMatch(/damaged.*nothing was changed/);
  await expect(exportedLedger(source)).resolves.toEqual(before);
});

test('the transactions export is a CSV file a spreadsheet reads, one row per transaction', async () => {
  const csv = await download(source, 'export-csv');
  expect(csv.name).toMatch(/^tally-transactions-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.split('\r\n')).toEqual([
    'date,account,payee,category,amount,currency,notes,tags,cleared,paid_by,shares',
    '2026-11-01,Checking,Rent,,-1500.00,USD,,,no,,',
    '2026-11-02,Checking,Farmers market,Groceries,-42.10,USD,,,no,,',
    '2026-11-04,Savings,Pharmacy,,-55.10,USD,"Prescription, 2 boxes",,no,,',
    '',
  ]);
});

test('[BAK1] a device linked to a relay is told to log out removing its data, and after that restores into the empty ledger', async () => {
  const backup = await download(source, 'export-backup');
  const linked = await world.device();
  await linked.addAccount('Old account');
  await linked.connect('register', world.relayUrl, 'kim@example.com', 'Tablet');
  await linked.waitForSyncState('synced');
  await expect(linked.byTestId('erase-device').count()).resolves.toBe(0);

  await chooseBackupFile(linked, backup.name, backup.text);
  await expect
    .poll(() => linked.byTestId('restore-into-empty-hint').textContent())
    .toMatch(/log out below choosing “Remove my data from this device”/);
  await expect(linked.byTestId('restore-into-empty').isDisabled()).resolves.toBe(true);
  await linked.byTestId('restore-cancel').click();

  await linked.byTestId('logout-wipe-data').check();
  await Promise.all([linked.page.waitForEvent('load'), linked.byTestId('logout').click()]);
  await linked.waitUntilReady();
  await linked.waitForSyncState('local');
  await chooseBackupFile(linked, backup.name, backup.text);
  await confirmRestore(linked, 'into-empty');
  await expect(exportedLedger(linked)).resolves.toEqual(JSON.parse(backup.text));
});
