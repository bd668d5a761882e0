import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRelay } from '../build-relay.js';
import type { RelayApp } from '../relay-context.js';
import { MemoryStorage } from '../storage/memory-storage.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

async function relay(appDir?: string): Promise<RelayApp> {
  const app = await buildRelay({
    storage: new MemoryStorage(),
    signingKey: new Uint8Array(randomBytes(32)),
    logLevel: 'silent',
    ...(appDir === undefined ? {} : { appDir }),
  });
  cleanup.push(() => app.close());
  return app;
}

describe('the app served by the relay', () => {
  it('serves the built app, and index.html for the app’s own page paths', async () => {
    const appDir = mkdtempSync(join(tmpdir(), 'tally-app-'));
    cleanup.push(() => rmSync(appDir, { recursive: true, force: true }));
    mkdirSync(join(appDir, 'assets'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Tally app</title>');
    writeFileSync(join(appDir, 'assets', 'main.js'), 'console.log("tally")');
    const app = await relay(appDir);

    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('Tally app');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect((await app.inject({ method: 'GET', url: '/assets/main.js' })).body).toContain('tally');
    const page = await app.inject({ method: 'GET', url: '/transactions/2026', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tally app');
    const api = await app.inject({ method: 'GET', url: '/api/nothing', headers: { accept: 'text/html' } });
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('lets browsers keep the hashed build files a year, and ask again for every other file', async () => {
    const appDir = mkdtempSync(join(tmpdir(), 'tally-app-'));
    cleanup.push(() => rmSync(appDir, { recursive: true, force: true }));
    mkdirSync(join(appDir, 'assets'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Tally app</title>');
    writeFileSync(join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(appDir, 'assets', 'index-C0ffee12.js'), 'console.log("tally")');
    const app = await relay(appDir);

    const cacheControl = async (url: string) =>
      (await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).headers['cache-control'];
    await expect(cacheControl('/assets/index-C0ffee12.js')).resolves.toBe('public, max-age=31536000, immutable');
    await expect(cacheControl('/')).resolves.toBe('no-cache');
    await expect(cacheControl('/index.html')).resolves.toBe('no-cache');
    await expect(cacheControl('/sw.js')).resolves.toBe('no-cache');
    await expect(cacheControl('/transactions/2026')).resolves.toBe('no-cache');
    await expect(cacheControl('/assets/../sw.js')).resolves.toBe('no-cache');
    const missing = await app.inject({ method: 'GET', url: '/assets/index-Deadbeef.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
  });

  it('shows a placeholder page until the app is built', async () => {
    const app = await relay(join(tmpdir(), 'no-such-tally-build'));
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('The relay is running');
  });
});
