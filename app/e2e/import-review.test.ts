import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  chooseFile,
  confirmImport,
  fixture,
  openImport,
  waitForMapping,
  waitForReview,
} from './support/import-steps.js';
import { addCategorisedTransaction, addCategory } from './support/reports-steps.js';
import { TallyWorld } from './support/tally-world.js';
import { search } from './support/transactions-steps.js';

const PATIENCE = { timeout: 120_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

test('importing uk-current.csv into a ledger of six categorised transactions suggests no expense category for money in, and a category changed or cleared in the review is what is written', async () => {
  const device = await world.device();
  await device.addAccount('Current', 'GBP');
  await addCategory(device, 'Transport', 'expense');
  await addCategory(device, 'Salary', 'income');
  await device.open('home');
  for (const [index, payee] of [
    'TFL TRAVEL',
    'TFL TRAVEL',
    'UBER TRIP',
    'TFL TRAVEL',
    'NATIONAL RAIL',
    'UBER TRIP',
  ].entries())
    await addCategorisedTransaction(device, {
      kind: 'expense',
      amount: `${3 + index}.40`,
      payee,
      date: `2025-10-0${index + 1}`,
      account: 'Current',
      category: 'Transport',
    });

  await openImport(device);
  await chooseFile(device, fixture('uk-current.csv'), 'Current');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  await waitForReview(device);

  const rows = device.page.locator('[data-testid="review-row"]');
  const chosen = await rows.evaluateAll((all) =>
    all.map((row) => ({
      payee: row.querySelector('.import__payee')?.textContent,
      direction: row.querySelector('[data-testid="review-amount"]')?.getAttribute('data-direction'),
      category: row.querySelector<HTMLSelectElement>('[data-testid="review-category-choice"]')?.selectedOptions[0]
        ?.textContent,
    })),
  );
  expect(chosen.filter((line) => line.direction === 'in').length).toBeGreaterThan(0);
  expect(chosen.filter((line) => line.direction === 'in' && line.category === 'Transport')).toEqual([]);
  // Six fares teach Tally about TfL and nothing about coffee, groceries or water: only TfL lines are Transport.
  const transport = chosen.filter((line) => line.category === 'Transport');
  expect(transport.length).toBeGreaterThan(0);
  expect(transport.filter((line) => line.payee !== 'TFL TRAVEL CH')).toEqual([]);
  expect(await axeViolations(device.page)).toEqual([]);

  const pret = device.page.locator('[data-testid="review-row"][data-line="2"]');
  await pret.getByTestId('review-category-choice').selectOption({ label: 'Transport' });
  await expect(pret.getByTestId('review-category').getAttribute('data-category')).resolves.not.toBe('');
  const costa = device.page.locator('[data-testid="review-row"][data-line="3"]');
  await costa.getByTestId('review-category-choice').selectOption({ label: 'Transport' });
  await costa.getByTestId('review-category-choice').selectOption({ label: 'Uncategorised' });
  await confirmImport(device);

  await device.open('transactions');
  await search(device, 'PRET');
  const pretRow = device.rowByPayee('PRET A MANGER').filter({ hasText: '37.72' });
  await expect.poll(() => pretRow.textContent(), PATIENCE).toMatch(/Transport/);
  await search(device, 'COSTA');
  const costaRow = device.rowByPayee('COSTA COFFEE').filter({ hasText: '239.01' });
  await expect.poll(() => costaRow.textContent(), PATIENCE).toMatch(/Current/);
  await expect(costaRow.textContent()).resolves.not.toMatch(/Transport/);
});
