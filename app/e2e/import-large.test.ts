import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  chooseFile,
  confirmImport,
  generatedCsv,
  openImport,
  waitForMapping,
  waitForReview,
  waitForStoredTotals,
} from './support/import-steps.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 170_000 } as const;
const LINES = 50_000;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

test('a 50,000-line statement imports while the page keeps answering', async () => {
  const device = await world.device();
  await device.addAccount('Everyday', 'USD');
  const file = generatedCsv(LINES);

  await openImport(device);
  await chooseFile(device, file, 'Everyday');
  await device.byTestId('import-progress').waitFor(PATIENCE);
  // Another control is handled while the worker reads: the transaction editor opens over the progress.
  await device.byTestId('add-transaction').click();
  await device.page.waitForFunction(
    () =>
      document.querySelector('[data-testid="transaction-editor"]') !== null &&
      document.querySelector('[data-testid="import-progress"]') !== null,
    undefined,
    PATIENCE,
  );
  await device.byTestId('cancel').click();

  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  const review = await waitForReview(device);
  expect(review.included).toBe(LINES);
  const added = await confirmImport(device);
  expect(added.count).toBe(LINES);
  expect(added.sum).toBe(review.sum);
  await waitForStoredTotals(device, { count: LINES, sum: review.sum });
}, 600_000);
