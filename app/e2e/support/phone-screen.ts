import { expect } from 'vitest';
import { axeViolations } from './axe.js';
import type { TallyDevice } from './tally-device.js';

/** The screen as it is now fits a 360 px phone with no sideways scroll, and axe finds nothing on it. */
export async function checkPhoneScreen(device: TallyDevice): Promise<void> {
  await expect(device.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  expect(await axeViolations(device.page)).toEqual([]);
}
