import { readFile } from 'node:fs/promises';
import type { TallyDevice } from './tally-device.js';

const PATIENCE = { timeout: 60_000 } as const;

export type ReportKindName = 'spending' | 'income-expense' | 'net-worth' | 'category-trend';

export interface CategorisedTransaction {
  readonly kind: 'expense' | 'income';
  readonly amount: string;
  readonly payee: string;
  readonly date: string;
  readonly account: string;
  readonly category: string;
}

export async function addCategory(device: TallyDevice, name: string, kind: 'expense' | 'income'): Promise<void> {
  await device.open('categories');
  await device.byTestId('add-category').click();
  await device.byTestId('category-name').fill(name);
  await device.byTestId('category-kind').selectOption(kind);
  await device.byTestId('save-category').click();
  await device.page.locator('[data-testid="category-row"]', { hasText: name }).waitFor(PATIENCE);
}

export async function addCategorisedTransaction(
  device: TallyDevice,
  transaction: CategorisedTransaction,
): Promise<void> {
  await device.byTestId('add-transaction').click();
  await device.byTestId(`kind-${transaction.kind}`).check();
  await device.fillTransaction(transaction);
  await device.byTestId('category').selectOption({ label: transaction.category });
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
}

export async function openReport(device: TallyDevice, kind: ReportKindName): Promise<void> {
  await device.open('reports');
  await device.byTestId(`report-kind-${kind}`).check();
  await device.page.locator(`[data-testid="report"][data-kind="${kind}"][data-updating="false"]`).waitFor(PATIENCE);
}

/** The report's table as the reader sees it: one array of cell texts per row, the heading row first. */
export async function reportTable(device: TallyDevice): Promise<string[][]> {
  const report = device.page.locator('[data-testid="report"][data-updating="false"]');
  await report.waitFor(PATIENCE);
  return report
    .locator('table tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

export async function choosePeriod(
  device: TallyDevice,
  preset: 'this-month' | 'last-3-months' | 'last-12-months' | 'this-year' | 'custom',
): Promise<void> {
  await device.byTestId('report-period').selectOption(preset);
}

export async function chooseCustomPeriod(device: TallyDevice, from: string, to: string): Promise<void> {
  await choosePeriod(device, 'custom');
  await device.byTestId('report-from').fill(from);
  await device.byTestId('report-to').fill(to);
}

/** Ticks or unticks an account in the report's account filter, by the name on screen. */
export async function includeAccount(device: TallyDevice, name: string, included: boolean): Promise<void> {
  await device.page.getByRole('checkbox', { name, exact: true }).setChecked(included);
}

/** Clicks Export CSV and returns the downloaded file's name and text. */
export async function exportCsv(device: TallyDevice): Promise<{ fileName: string; text: string }> {
  const [download] = await Promise.all([
    device.page.waitForEvent('download', PATIENCE),
    device.byTestId('export-csv').click(),
  ]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
