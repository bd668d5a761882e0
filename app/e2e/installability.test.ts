import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { APP_ROOT } from './support/build-app.js';
import { TallyWorld } from './support/tally-world.js';

interface ManifestIcon {
  readonly src: string;
  readonly sizes: string;
  readonly type: string;
  readonly purpose?: string;
}

interface Manifest {
  readonly name: string;
  readonly short_name: string;
  readonly start_url: string;
  readonly display: string;
  readonly theme_color: string;
  readonly icons: readonly ManifestIcon[];
}

const dist = join(APP_ROOT, 'dist');

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

async function pngSize(path: string): Promise<string> {
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the built manifest names Tally, opens standalone, and carries any and maskable icons at 192 and 512', async () => {
  const manifest = JSON.parse(await readFile(join(dist, 'manifest.webmanifest'), 'utf8')) as Manifest;
  expect(manifest).toMatchObject({
    name: 'Tally',
    short_name: 'Tally',
    start_url: '/',
    display: 'standalone',
    theme_color: '#0f766e',
  });
  for (const purpose of ['any', 'maskable']) {
    const sizes = manifest.icons.filter((icon) => (icon.purpose ?? 'any') === purpose).map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  }
  for (const icon of manifest.icons) {
    expect(icon.type).toBe('image/png');
    await expect(pngSize(join(dist, icon.src))).resolves.toBe(icon.sizes);
  }
  await expect(readFile(join(dist, 'index.html'), 'utf8')).resolves.toMatch(
    /<link rel="manifest" href="\/manifest.webmanifest"/,
  );
});

test('the app registers its service worker, which then controls the page, and Chromium finds it installable', async () => {
  const device = await world.device();
  const scriptUrl = await device.waitForServiceWorker();
  expect(new URL(scriptUrl).pathname).toBe('/sw.js');
  await device.reload();
  await expect(device.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).resolves.toBe(scriptUrl);

  const cdp = await device.context.newCDPSession(device.page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  // Every test context is a private profile, which Chromium never offers to install from.
  expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
  expect(new URL(manifest.url).pathname).toBe('/manifest.webmanifest');
  expect(manifest.errors).toEqual([]);
});
