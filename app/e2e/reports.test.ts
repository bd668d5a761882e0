import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  addCategorisedTransaction,
  addCategory,
  chooseCustomPeriod,
  choosePeriod,
  exportCsv,
  includeAccount,
  openReport,
  reportTable,
} from './support/reports-steps.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;
/** The devices run in UTC; so does this calendar. */
const TODAY = new Date().toISOString().slice(0, 10);
const THIS_MONTH = `${TODAY.slice(0, 7)}-01`;

/** The first day of the month `months` after the first of `month`. */
function addMonths(month: string, months: number): string {
  const date = new Date(`${month}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

const LAST_MONTH = addMonths(THIS_MONTH, -1);
const TWO_MONTHS_AGO = addMonths(THIS_MONTH, -2);
const FIVE_MONTHS_AGO = addMonths(THIS_MONTH, -5);

function monthName(month: string): string {
  return new Date(`${month}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

let world: TallyWorld;
let a: TallyDevice;

beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
  a = await world.device();
  await a.addAccount('Checking');
  await a.addAccount('Savings');
  await addCategory(a, 'Groceries', 'expense');
  await addCategory(a, 'Rent', 'expense');
  await addCategory(a, 'Salary', 'income');
  // Spending this month: 40.00 + 1,200.00 from Checking; last month 25.50 from Savings; five months ago 10.00.
  await addCategorisedTransaction(a, {
    kind: 'expense',
    amount: '40.00',
    payee: 'Market',
    date: THIS_MONTH,
    account: 'Checking',
    category: 'Groceries',
  });
  await addCategorisedTransaction(a, {
    kind: 'expense',
    amount: '1200.00',
    payee: 'Landlord',
    date: THIS_MONTH,
    account: 'Checking',
    category: 'Rent',
  });
  await addCategorisedTransaction(a, {
    kind: 'income',
    amount: '3000.00',
    payee: 'Employer',
    date: THIS_MONTH,
    account: 'Checking',
    category: 'Salary',
  });
  await addCategorisedTransaction(a, {
    kind: 'expense',
    amount: '25.50',
    payee: 'Bakery',
    date: `${LAST_MONTH.slice(0, 7)}-15`,
    account: 'Savings',
    category: 'Groceries',
  });
  await addCategorisedTransaction(a, {
    kind: 'expense',
    amount: '10.00',
    payee: 'Corner shop',
    date: `${FIVE_MONTHS_AGO.slice(0, 7)}-10`,
    account: 'Checking',
    category: 'Groceries',
  });
});
afterAll(async () => {
  await world.stop();
});

test('with no account yet, reports invite the user to add one', async () => {
  const fresh = await world.device();
  await fresh.open('reports');
  await fresh.byTestId('reports-no-accounts').waitFor(PATIENCE);
  await expect(axeViolations(fresh.page)).resolves.toEqual([]);
  await fresh.close();
});

test('each report shows the sums of the last three months in its table, with no accessibility violations', async () => {
  await openReport(a, 'spending');
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Category', 'Spent'],
      ['Rent', '$1,200.00'],
      ['Groceries', '$65.50'],
    ]);
  await expect(a.byTestId('report-currency').textContent()).resolves.toContain('USD');
  await expect(axeViolations(a.page)).resolves.toEqual([]);

  await openReport(a, 'income-expense');
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Month', 'Money in', 'Money out', 'Net'],
      [monthName(TWO_MONTHS_AGO), '$0.00', '$0.00', '$0.00'],
      [monthName(LAST_MONTH), '$0.00', '$25.50', '-$25.50'],
      [monthName(THIS_MONTH), '$3,000.00', '$1,240.00', '$1,760.00'],
    ]);
  await expect(axeViolations(a.page)).resolves.toEqual([]);

  // Net worth counts everything up to each month end, the shop five months ago included.
  await openReport(a, 'net-worth');
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Month', 'Net worth'],
      [monthName(TWO_MONTHS_AGO), '-$10.00'],
      [monthName(LAST_MONTH), '-$35.50'],
      [monthName(THIS_MONTH), '$1,724.50'],
    ]);
  await expect(axeViolations(a.page)).resolves.toEqual([]);

  await openReport(a, 'category-trend');
  await a.byTestId('report-category').selectOption({ label: 'Groceries' });
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Month', 'Spent'],
      [monthName(TWO_MONTHS_AGO), '$0.00'],
      [monthName(LAST_MONTH), '$25.50'],
      [monthName(THIS_MONTH), '$40.00'],
    ]);
  await expect(axeViolations(a.page)).resolves.toEqual([]);
});

test('filtering by account and period changes the sums', async () => {
  await openReport(a, 'spending');
  await includeAccount(a, 'Savings', false);
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Category', 'Spent'],
      ['Rent', '$1,200.00'],
      ['Groceries', '$40.00'],
    ]);
  await includeAccount(a, 'Checking', false);
  await expect(a.byTestId('report-accounts-error').textContent()).resolves.toBe('Choose at least one account.');
  await expect(axeViolations(a.page)).resolves.toEqual([]);
  await includeAccount(a, 'Checking', true);
  await includeAccount(a, 'Savings', true);

  await choosePeriod(a, 'last-12-months');
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Category', 'Spent'],
      ['Rent', '$1,200.00'],
      ['Groceries', '$75.50'],
    ]);
  await choosePeriod(a, 'this-month');
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Category', 'Spent'],
      ['Rent', '$1,200.00'],
      ['Groceries', '$40.00'],
    ]);

  await chooseCustomPeriod(a, LAST_MONTH, addMonths(THIS_MONTH, 1));
  await a.byTestId('report-from').fill(TODAY);
  await a.byTestId('report-to').fill(LAST_MONTH);
  await expect(a.byTestId('report-from-error').textContent()).resolves.toBe('The first day comes after the last one.');
  await expect(axeViolations(a.page)).resolves.toEqual([]);
  await a.byTestId('report-from').fill(LAST_MONTH);
  await a.byTestId('report-to').fill(`${LAST_MONTH.slice(0, 7)}-28`);
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Category', 'Spent'],
      ['Groceries', '$25.50'],
    ]);
});

test('Export CSV downloads the numbers behind the chart on screen', async () => {
  await openReport(a, 'spending');
  await choosePeriod(a, 'last-3-months');
  await expect.poll(() => reportTable(a), PATIENCE).toHaveLength(3);
  const { fileName, text } = await exportCsv(a);
  expect(fileName).toBe(`tally-spending-${TWO_MONTHS_AGO}-to-${TODAY}.csv`);
  expect(text).toBe('category,spent (USD)\r\nRent,1200.00\r\nGroceries,65.50\r\n');
});

test('a transaction edited on a second device changes the report on the first', async () => {
  await a.connect('register', world.relayUrl, 'robin@example.com', 'Laptop');
  await a.waitForSyncState('synced');
  const b = await world.device();
  await b.connect('login', world.relayUrl, 'robin@example.com', 'Phone');
  await b.waitForSyncState('synced');
  const market = await b.idOfRow('Market');

  await openReport(a, 'spending');
  await choosePeriod(a, 'this-month');
  await expect.poll(() => reportTable(a), PATIENCE).toContainEqual(['Groceries', '$40.00']);
  await b.editTransaction(market, { amount: '52.25' });
  await expect
    .poll(() => reportTable(a), PATIENCE)
    .toEqual([
      ['Category', 'Spent'],
      ['Rent', '$1,200.00'],
      ['Groceries', '$52.25'],
    ]);
});

test('back on reports after a change elsewhere, the numbers from before are marked as updating until the new ones arrive', async () => {
  // Arriving afresh, the screen asks for its first report, the last three months: Market's 52.25 and Bakery's 25.50.
  await a.open('transactions');
  await openReport(a, 'spending');
  await expect.poll(() => reportTable(a), PATIENCE).toContainEqual(['Groceries', '$77.75']);
  await a.open('transactions');
  await addCategorisedTransaction(a, {
    kind: 'expense',
    amount: '2.25',
    payee: 'Kiosk',
    date: THIS_MONTH,
    account: 'Checking',
    category: 'Groceries',
  });

  // Notes the report as it is first drawn: the observer runs before the worker's answer can.
  await a.page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const report = document.querySelector('[data-testid="report"]');
      if (!report) return;
      observer.disconnect();
      document.documentElement.dataset.firstReportUpdating = report.getAttribute('data-updating') ?? '';
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await a.open('reports');
  await expect
    .poll(() => a.page.evaluate(() => document.documentElement.dataset.firstReportUpdating), PATIENCE)
    .toBe('true');
  await expect.poll(() => reportTable(a), PATIENCE).toContainEqual(['Groceries', '$80.00']);
});
