import type { Locator } from 'playwright-core';
import type { TallyDevice } from './tally-device.js';

const PATIENCE = { timeout: 60_000 } as const;
const DAY_MS = 24 * 60 * 60 * 1_000;

export interface RecurringItem {
  readonly payee: string;
  readonly amount: string;
  readonly account?: string;
  readonly frequency?: 'monthly' | 'weekly' | 'yearly' | 'last-business-day';
  readonly interval?: string;
  readonly day?: string;
  readonly startDate?: string;
  readonly endDate?: string;
}

/**
 * A day before today at a time of day, UTC, as `YYYY-MM-DD` plus the instant. The devices' clocks
 * are set a little in the past, never ahead: the relay's access tokens are stamped with the real
 * time, and a device that believes them expired would refresh them without end.
 */
export function daysAgo(days: number, time: string): { readonly day: string; readonly at: Date } {
  const midnight = Math.floor(Date.now() / DAY_MS) * DAY_MS - days * DAY_MS;
  const day = new Date(midnight).toISOString().slice(0, 10);
  return { day, at: new Date(`${day}T${time}Z`) };
}

/** `YYYY-MM-DD` plus some days. */
export function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The English weekday of a day, as the schedule names it. */
export function weekdayOf(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

/** Sets the device's clock to `at`, running from there, and reloads so the app starts on it. Before anything is written. */
export async function setClock(device: TallyDevice, at: Date): Promise<void> {
  await device.context.clock.install({ time: at });
  await device.reload();
}

/** Moves the device's clock just past its next local midnight, firing the timers that fall due on the way. */
export async function passMidnight(device: TallyDevice): Promise<void> {
  const untilMidnight = await device.page.evaluate(() => {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
  });
  await device.context.clock.fastForward(untilMidnight + 30_000);
}

export async function fillRecurring(device: TallyDevice, item: Partial<RecurringItem>): Promise<void> {
  if (item.amount !== undefined) await device.byTestId('recurring-amount-input').fill(item.amount);
  if (item.payee !== undefined) await device.byTestId('recurring-payee-input').fill(item.payee);
  if (item.account !== undefined) await device.byTestId('recurring-account').selectOption({ label: item.account });
  if (item.frequency !== undefined) await device.byTestId('recurring-frequency').selectOption(item.frequency);
  if (item.interval !== undefined) await device.byTestId('recurring-interval').fill(item.interval);
  if (item.day !== undefined) await device.byTestId('recurring-day').fill(item.day);
  if (item.startDate !== undefined) await device.byTestId('recurring-start').fill(item.startDate);
  if (item.endDate !== undefined) await device.byTestId('recurring-end').fill(item.endDate);
}

export async function addRecurring(device: TallyDevice, item: RecurringItem): Promise<void> {
  await device.open('recurring');
  await device.byTestId('add-recurring').click();
  await fillRecurring(device, item);
  await device.byTestId('save-recurring').click();
  await device.byTestId('recurring-form').waitFor({ state: 'detached', ...PATIENCE });
  await recurringRow(device, item.payee).waitFor(PATIENCE);
}

export async function editRecurring(device: TallyDevice, payee: string, change: Partial<RecurringItem>): Promise<void> {
  await device.open('recurring');
  await recurringRow(device, payee).getByTestId('edit-recurring').click();
  await fillRecurring(device, change);
  await device.byTestId('save-recurring').click();
  await device.byTestId('recurring-form').waitFor({ state: 'detached', ...PATIENCE });
}

export function recurringRow(device: TallyDevice, payee: string): Locator {
  return device
    .byTestId('recurring-row')
    .filter({ has: device.page.getByTestId('recurring-payee').getByText(payee, { exact: true }) });
}

/** The upcoming line of one item's due date. */
export function upcomingRow(device: TallyDevice, recurringId: string, dueDate: string): Locator {
  return device.page.locator(`[data-testid="upcoming-row"][data-recurring-id="${recurringId}"][data-due="${dueDate}"]`);
}

export async function idOfRecurring(device: TallyDevice, payee: string): Promise<string> {
  const id = await recurringRow(device, payee).getAttribute('data-id', PATIENCE);
  if (id === null) throw new Error(`no recurring item ${payee}`);
  return id;
}

export async function upcomingDueDates(device: TallyDevice, recurringId: string): Promise<string[]> {
  return device.page
    .locator(`[data-testid="upcoming-row"][data-recurring-id="${recurringId}"]`)
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-due') ?? ''));
}

export async function editOccurrence(
  device: TallyDevice,
  recurringId: string,
  dueDate: string,
  change: { amount?: string; date?: string; payee?: string },
): Promise<void> {
  await upcomingRow(device, recurringId, dueDate).getByTestId('edit-occurrence').click();
  if (change.amount !== undefined) await device.byTestId('occurrence-amount').fill(change.amount);
  if (change.date !== undefined) await device.byTestId('occurrence-date').fill(change.date);
  if (change.payee !== undefined) await device.byTestId('occurrence-payee').fill(change.payee);
  await device.byTestId('save-occurrence').click();
  await device.byTestId('occurrence-form').waitFor({ state: 'detached', ...PATIENCE });
}
