import type { TallyDevice } from './tally-device.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 60_000 } as const;

export interface SplitPartEntry {
  readonly category: string;
  readonly amount: string;
}

export interface TransactionEntry {
  readonly amount: string;
  readonly payee: string;
  readonly account?: string;
  readonly notes?: string;
  readonly category?: string;
  readonly tags?: readonly string[];
}

export async function addCategory(device: TallyDevice, name: string): Promise<void> {
  await device.open('categories');
  await device.byTestId('add-category').click();
  await device.byTestId('category-name').fill(name);
  await device.byTestId('save-category').click();
  await device.page.locator('[data-testid="category-row"]', { hasText: name }).waitFor(PATIENCE);
}

/** Opens the editor for a new transaction and types its fields, without saving. */
export async function startTransaction(device: TallyDevice, entry: TransactionEntry): Promise<void> {
  await device.byTestId('add-transaction').click();
  await device.fillTransaction(entry);
  if (entry.category !== undefined) await device.byTestId('category').selectOption({ label: entry.category });
  for (const tag of entry.tags ?? []) await addTag(device, tag);
}

export async function addTag(device: TallyDevice, tag: string): Promise<void> {
  await device.byTestId('new-tag').fill(tag);
  await device.byTestId('new-tag').press('Enter');
  await device.page.locator('[data-testid="tag"]', { hasText: tag }).waitFor(PATIENCE);
}

export async function saveTransaction(device: TallyDevice): Promise<void> {
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
}

export async function addTransactionWith(device: TallyDevice, entry: TransactionEntry): Promise<void> {
  await startTransaction(device, entry);
  await saveTransaction(device);
}

/** Splits the transaction open in the editor into these parts, adding parts as needed. */
export async function splitInto(device: TallyDevice, parts: readonly SplitPartEntry[]): Promise<void> {
  if ((await device.byTestId('split-parts').count()) === 0) await device.byTestId('split').click();
  for (const [index, part] of parts.entries()) {
    if ((await device.byTestId('split-part').count()) <= index) await device.byTestId('add-part').click();
    await setPart(device, index, part);
  }
}

export async function setPart(device: TallyDevice, index: number, part: Partial<SplitPartEntry>): Promise<void> {
  if (part.category !== undefined)
    await device.byTestId(`part-${index}-category`).selectOption({ label: part.category });
  if (part.amount !== undefined) await device.byTestId(`part-${index}-amount`).fill(part.amount);
}

export async function openTransaction(device: TallyDevice, id: string): Promise<void> {
  await device.open('transactions');
  await device.row(id).click();
  await device.byTestId('transaction-editor').waitFor(PATIENCE);
}

export async function search(device: TallyDevice, text: string): Promise<void> {
  await device.byTestId('filter-text').fill(text);
}

/** Opens the filters folded behind the filter button, unless they are open. */
export async function openFilters(device: TallyDevice): Promise<void> {
  if ((await device.byTestId('filter-toggle').getAttribute('aria-expanded')) !== 'true')
    await device.byTestId('filter-toggle').click();
}

export async function filterByAccount(device: TallyDevice, account: string): Promise<void> {
  await openFilters(device);
  await device.byTestId('filter-account').selectOption({ label: account });
}

/** The payees of the rows listed now, top to bottom. */
export async function listedPayees(device: TallyDevice): Promise<string[]> {
  return device.byTestId('tx-payee').allTextContents();
}

/** The category chosen in the open editor, by its name. */
export async function chosenCategory(device: TallyDevice): Promise<string> {
  return (await device.byTestId('category').locator('option:checked').textContent()) ?? '';
}
