import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TallyDevice } from '../e2e/support/tally-device.js';

/**
 * With TALLY_BENCH_PROFILE_DIR set, records a Chrome performance profile of `measured` there
 * (`<name>.json`, opened in DevTools' Performance panel) to show what its long tasks were.
 */
export async function profiled<T>(device: TallyDevice, name: string, measured: () => Promise<T>): Promise<T> {
  const dir = process.env.TALLY_BENCH_PROFILE_DIR;
  const browser = device.context.browser();
  if (!dir || !browser) return measured();
  await mkdir(dir, { recursive: true });
  await browser.startTracing(device.page, { path: join(dir, `${name}.json`), screenshots: false });
  try {
    return await measured();
  } finally {
    await browser.stopTracing();
  }
}
