import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TallyDevice } from '../e2e/support/tally-device.js';

/**
 * What a profile records with TALLY_BENCH_TRACE_ONLY set: the browser's own trace, without V8's
 * sampling profiler, which slows a start's early part several times over (a profiled start's old
 * page took 190–680 ms to unload, against 23–38 ms unprofiled).
 */
const TRACE_ONLY = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'toplevel',
  'blink',
  'blink.user_timing',
  'loading',
];

/**
 * With TALLY_BENCH_PROFILE_DIR set, records a Chrome performance profile of `measured` there
 * (`<name>.json`, opened in DevTools' Performance panel) to show what its long tasks were.
 */
export async function profiled<T>(device: TallyDevice, name: string, measured: () => Promise<T>): Promise<T> {
  const dir = process.env.TALLY_BENCH_PROFILE_DIR;
  const browser = device.context.browser();
  if (!dir || !browser) return measured();
  await mkdir(dir, { recursive: true });
  await browser.startTracing(device.page, {
    path: join(dir, `${name}.json`),
    screenshots: false,
    ...(process.env.TALLY_BENCH_TRACE_ONLY && { categories: TRACE_ONLY }),
  });
  try {
    return await measured();
  } finally {
    await browser.stopTracing();
  }
}
