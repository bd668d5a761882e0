import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

/** The writer slots this device's tabs hold now, by Web Lock name. */
const heldWriters = (page: Page) =>
  page.evaluate(async () => {
    const { held = [] } = await navigator.locks.query();
    return held.map((lock) => lock.name ?? '').filter((name) => name.startsWith('tally.writer.'));
  });

test('each tab holds a writer of its own, and a reloaded tab takes one it had before', async () => {
  const device = await world.device();
  await expect(heldWriters(device.page)).resolves.toEqual(['tally.writer.0']);

  const second = await device.context.newPage();
  await second.goto(`${world.appUrl}/`);
  await second.locator('.shell[data-ready="true"]').waitFor({ timeout: 60_000 });
  await expect(heldWriters(second).then((names) => names.sort())).resolves.toEqual([
    'tally.writer.0',
    'tally.writer.1',
  ]);

  await second.close();
  for (let reload = 0; reload < 3; reload += 1) {
    await device.reload();
    // A reload may start before the closing page has let go of its slot; it then takes the next.
    const held = await heldWriters(device.page);
    expect(held).toHaveLength(1);
    expect(['tally.writer.0', 'tally.writer.1']).toContain(held[0]);
  }
});
