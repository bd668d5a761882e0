import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import type { NewTransaction, TallyDevice } from './tally-device.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 60_000 } as const;

export interface DownloadedFile {
  readonly name: string;
  readonly text: string;
}

/** Clicks an export button on the Settings screen and reads the file the browser downloaded. */
export async function download(device: TallyDevice, button: 'export-backup' | 'export-csv'): Promise<DownloadedFile> {
  await device.open('settings');
  const [file] = await Promise.all([device.page.waitForEvent('download', PATIENCE), device.byTestId(button).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The whole ledger as this device backs it up, parsed. */
export async function exportedLedger(device: TallyDevice): Promise<unknown> {
  return JSON.parse((await download(device, 'export-backup')).text);
}

/** Chooses a file in the restore part of the Settings screen. */
export async function chooseBackupFile(device: TallyDevice, name: string, text: string): Promise<void> {
  await device.open('settings');
  await device
    .byTestId('restore-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

/** Confirms the restore shown for the chosen file, in the given way, and waits for its outcome. */
export async function confirmRestore(device: TallyDevice, mode: 'into-empty' | 'merge'): Promise<void> {
  await device.byTestId(`restore-${mode}`).check();
  await device.byTestId('restore-confirm-button').click();
  await device.byTestId('restore-confirm').waitFor({ state: 'detached', ...PATIENCE });
}

/** Erases a device that is not linked to a relay, from the Settings screen, and waits for it to start afresh. */
export async function eraseDevice(device: TallyDevice): Promise<void> {
  await device.open('settings');
  await device.byTestId('erase-device').click();
  await Promise.all([device.page.waitForEvent('load', PATIENCE), device.byTestId('erase-confirm').click()]);
  await device.waitUntilReady();
}

export async function addCategory(device: TallyDevice, name: string): Promise<void> {
  await device.open('categories');
  await device.byTestId('add-category').click();
  await device.byTestId('category-name').fill(name);
  await device.byTestId('save-category').click();
  await device.page.locator('[data-testid="category-row"]', { hasText: name }).waitFor(PATIENCE);
}

export interface RuleFields {
  readonly field?: 'payee' | 'notes';
  readonly contains?: string;
  readonly category?: string;
}

async function fillRule(device: TallyDevice, rule: RuleFields): Promise<void> {
  if (rule.field !== undefined) await device.byTestId('rule-field').selectOption(rule.field);
  if (rule.contains !== undefined) await device.byTestId('rule-contains').fill(rule.contains);
  if (rule.category !== undefined) await device.byTestId('rule-category').selectOption({ label: rule.category });
}

export async function addRule(device: TallyDevice, rule: RuleFields): Promise<void> {
  await device.open('categories');
  await device.byTestId('add-rule').click();
  await fillRule(device, rule);
  await device.byTestId('save-rule').click();
  await device.byTestId('rule-form').waitFor({ state: 'detached', ...PATIENCE });
}

export function ruleRows(device: TallyDevice): Locator {
  return device.byTestId('rule-row');
}

export function ruleRow(device: TallyDevice, id: string): Locator {
  return device.page.locator(`[data-testid="rule-row"][data-id="${id}"]`);
}

export async function idOfRule(device: TallyDevice, summary: string): Promise<string> {
  const id = await ruleRows(device).filter({ hasText: summary }).getAttribute('data-id', PATIENCE);
  if (id === null) throw new Error(`no rule row reads ${summary}`);
  return id;
}

export async function editRule(device: TallyDevice, id: string, change: RuleFields): Promise<void> {
  await device.open('categories');
  await ruleRow(device, id).getByRole('button').click();
  await fillRule(device, change);
  await device.byTestId('save-rule').click();
  await device.byTestId('rule-form').waitFor({ state: 'detached', ...PATIENCE });
}

/** Adds a transaction with a category chosen in the editor. */
export async function addCategorisedTransaction(
  device: TallyDevice,
  transaction: NewTransaction,
  category: string,
): Promise<void> {
  await device.byTestId('add-transaction').click();
  await device.fillTransaction(transaction);
  await device.byTestId('category').selectOption({ label: category });
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
}

/** Deletes a transaction from its editor. */
export async function deleteTransaction(device: TallyDevice, payee: string): Promise<void> {
  const id = await device.idOfRow(payee);
  await device.row(id).click();
  await device.byTestId('delete').click();
  await device.row(id).waitFor({ state: 'detached', ...PATIENCE });
}

/** What the transaction list shows: payee and amount of each row, newest first. */
export async function shownTransactions(device: TallyDevice): Promise<string[]> {
  await device.open('transactions');
  const rows = await device.rows().all();
  return Promise.all(
    rows.map(
      async (row) =>
        `${await row.getByTestId('tx-payee').textContent()} ${await row.getByTestId('tx-amount').textContent()}`,
    ),
  );
}
