import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { APP_ROOT } from './support/build-app.js';
import { launchChromium } from './support/chromium.js';
import { StaticServer } from './support/static-server.js';
import { TallyDevice } from './support/tally-device.js';

let site: string;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'tally-site-'));
  await cp(join(APP_ROOT, 'dist'), site, { recursive: true });
  [server, browser] = await Promise.all([StaticServer.start(site), launchChromium()]);
});
afterAll(async () => {
  await browser.close();
  await server.stop();
  await rm(site, { recursive: true, force: true });
});

test('a new version waits until the person chooses to reload into it', async () => {
  const device = await TallyDevice.open(browser, server.url);
  await device.waitForServiceWorker();
  await device.reload();
  await device.addAccount('Checking');

  await appendFile(join(site, 'sw.js'), '\n// a new release\n');
  await device.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await device.byTestId('update-available').waitFor({ timeout: 60_000 });
  await expect(device.page.evaluate(() => navigator.serviceWorker.controller?.state)).resolves.toBe('activated');

  const reloaded = device.page.waitForEvent('load', { timeout: 60_000 });
  await device.byTestId('update-reload').click();
  await reloaded;
  await device.waitUntilReady();
  await expect(device.byTestId('update-available').count()).resolves.toBe(0);
  // The new version took over: nothing is waiting any more.
  await expect(
    device.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
  ).resolves.toBeNull();
  await device.open('accounts');
  await expect.poll(() => device.page.getByTestId('account-row-name').allTextContents()).toEqual(['Checking']);
});
