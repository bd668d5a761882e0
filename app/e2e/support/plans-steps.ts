import type { Locator } from 'playwright-core';
import type { TallyDevice } from './tally-device.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
export const PATIENCE = { timeout: 60_000 } as const;

/** Adds an expense category through the Categories screen. */
export async function addExpenseCategory(device: TallyDevice, name: string, group: string): Promise<void> {
  await device.open('categories');
  await device.byTestId('add-category').click();
  await device.byTestId('category-name').fill(name);
  await device.byTestId('category-group').fill(group);
  await device.byTestId('category-kind').selectOption('expense');
  await device.byTestId('save-category').click();
  await device.byTestId('category-form').waitFor({ state: 'detached', ...PATIENCE });
}

/** The budget line of a category in the month the Budgets screen shows. */
export function budgetLine(device: TallyDevice, category: string): Locator {
  return device.page.locator(`[data-testid="budget-line"][data-name="${category}"]`);
}

/** Types a category's budget in place and presses Enter, as a person would. */
export async function typeBudget(device: TallyDevice, category: string, amount: string): Promise<void> {
  const input = budgetLine(device, category).getByTestId('budget-amount');
  await input.fill(amount);
  await input.press('Enter');
}

/** Records money spent in a category: the category is picked by its id, which the Budgets screen shows. */
export async function addSpending(
  device: TallyDevice,
  spending: { amount: string; payee: string; account: string; category: string },
): Promise<void> {
  await device.open('budgets');
  const categoryId = await budgetLine(device, spending.category).getAttribute('data-id', PATIENCE);
  if (categoryId === null) throw new Error(`no budget line for ${spending.category}`);
  await device.byTestId('add-transaction').click();
  await device.fillTransaction({ amount: spending.amount, payee: spending.payee, account: spending.account });
  await device.byTestId('category').selectOption(categoryId);
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
}

/** The goal's row in the list of goals. */
export function goalRow(device: TallyDevice, name: string): Locator {
  return device.page.locator(`[data-testid="goal-row"][data-name="${name}"]`);
}

export interface NewGoal {
  readonly name: string;
  readonly target: string;
  readonly targetDate?: string;
  readonly accounts?: readonly string[];
  /** Tick "count the whole balance" rather than only what the accounts gain from today. */
  readonly wholeBalance?: boolean;
}

/** Fills the goal form that is open; accounts are ticked by name. */
export async function fillGoal(device: TallyDevice, goal: Partial<NewGoal>): Promise<void> {
  const form = device.byTestId('goal-form');
  if (goal.name !== undefined) await form.getByTestId('goal-name').fill(goal.name);
  if (goal.target !== undefined) await form.getByTestId('goal-target').fill(goal.target);
  if (goal.targetDate !== undefined) await form.getByTestId('goal-date').fill(goal.targetDate);
  for (const account of goal.accounts ?? [])
    await form.locator(`[data-testid="goal-account"][data-name="${account}"]`).check();
  if (goal.wholeBalance !== undefined) await form.getByTestId('goal-whole-balance').setChecked(goal.wholeBalance);
}

/** Creates a goal through the Goals screen and waits for it to be listed. */
export async function addGoal(device: TallyDevice, goal: NewGoal): Promise<void> {
  await device.open('goals');
  await device.byTestId('add-goal').click();
  await fillGoal(device, goal);
  await device.byTestId('save-goal').click();
  await goalRow(device, goal.name).waitFor(PATIENCE);
}

/** Opens a goal's contributions and adds one. */
export async function addContribution(device: TallyDevice, goal: string, amount: string): Promise<void> {
  const row = goalRow(device, goal);
  const contributions = row.getByTestId('goal-contributions');
  if ((await contributions.getAttribute('open')) === null) await row.getByTestId('goal-contributions-toggle').click();
  await row.getByTestId('contribution-amount').fill(amount);
  await row.getByTestId('add-contribution').click();
}
