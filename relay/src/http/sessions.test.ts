import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRelay } from '../build-relay.js';
import type { RelayConfig } from '../relay-config.js';
import type { RelayApp } from '../relay-context.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import type { Session } from '../testing/relay-harness.js';

const apps: RelayApp[] = [];
async function relay(config: Partial<RelayConfig> = {}): Promise<RelayApp> {
  const app = await buildRelay({
    storage: new MemoryStorage(),
    signingKey: new Uint8Array(randomBytes(32)),
    passwordCost: 2 ** 10,
    logLevel: 'silent',
    ...config,
  });
  apps.push(app);
  return app;
}

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

const password = 'correct horse battery';

async function register(app: RelayApp, email = 'alice@example.com'): Promise<Session> {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password, deviceName: 'Phone' },
  });
  expect(reply.statusCode).toBe(201);
  return reply.json<Session>();
}

function refresh(app: RelayApp, refreshToken: string, remoteAddress = '127.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken }, remoteAddress });
}

function devices(app: RelayApp, accessToken: string) {
  return app.inject({ method: 'GET', url: '/api/devices', headers: { authorization: `Bearer ${accessToken}` } });
}

describe('refreshing within the grace', () => {
  it('[S3] five concurrent refreshes with one token all get the same new pair, and it works', async () => {
    const app = await relay();
    const session = await register(app);
    const replies = await Promise.all(Array.from({ length: 5 }, () => refresh(app, session.refreshToken)));
    expect(replies.map((reply) => reply.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const pairs = new Set(replies.map((reply) => reply.body));
    expect(pairs.size).toBe(1);
    const pair = replies[0]?.json<{ accessToken: string; refreshToken: string }>();
    if (pair === undefined) throw new Error('no reply');
    expect(pair.refreshToken).not.toBe(session.refreshToken);
    expect((await devices(app, pair.accessToken)).statusCode).toBe(200);
    expect((await refresh(app, pair.refreshToken)).statusCode).toBe(200);
  });

  it('[S3] a retry after a lost reply gets the pair the lost reply held', async () => {
    const app = await relay();
    const session = await register(app);
    const lost = (await refresh(app, session.refreshToken)).body;
    const retried = await refresh(app, session.refreshToken);
    expect(retried.statusCode).toBe(200);
    expect(retried.body).toBe(lost);
  });

  it('[S3] the same token from another address within the grace revokes the device', async () => {
    const app = await relay();
    const session = await register(app);
    const rotated = (await refresh(app, session.refreshToken)).json<{ accessToken: string }>();
    const stolen = await refresh(app, session.refreshToken, '198.51.100.9');
    expect(stolen.statusCode).toBe(401);
    expect(stolen.json()).toMatchObject({ error: { code: 'invalid_refresh_token' } });
    expect((await devices(app, rotated.accessToken)).statusCode).toBe(401);
  });
});

describe('guessing a password', () => {
  function login(app: RelayApp, email: string, attempt: string, remoteAddress: string) {
    return app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: attempt, deviceName: 'Laptop' },
      remoteAddress,
    });
  }

  it('[A4] wrong passwords for one account from several addresses make the next attempt wait, the right one too', async () => {
    const app = await relay();
    await register(app);
    const statuses = [];
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      statuses.push((await login(app, 'alice@example.com', 'not the password', address)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401]);
    const waiting = await login(app, 'Alice@example.com', password, '198.51.100.4');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await login(app, 'bob@example.com', 'not the password', '198.51.100.4')).statusCode).toBe(401);
  });

  it.each([
    ['one trusted hop', 1],
    ['the proxy’s address', ['127.0.0.1']],
  ] as const)(
    '[S5] behind %s, addresses a client writes into X-Forwarded-For do not escape the limit',
    async (_case, trustProxy) => {
      const app = await relay({ trustProxy, authRequestsPerMinute: 5 });
      const attempt = (index: number, client: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `user${index}@example.com`, password, deviceName: 'x' },
          remoteAddress: '127.0.0.1',
          // The proxy appends the address it saw; everything before it is the client's own writing.
          headers: { 'x-forwarded-for': `10.0.0.${index}, 192.0.2.${index}, ${client}` },
        });
      const statuses = [];
      for (let index = 0; index < 10; index++) statuses.push((await attempt(index, '203.0.113.7')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
      expect((await attempt(10, '203.0.113.8')).statusCode).toBe(401);
    },
  );

  it('[A4] an address without an account waits alike, so the wait tells nothing', async () => {
    const app = await relay();
    for (let attempt = 0; attempt < 3; attempt++)
      await login(app, 'nobody@example.com', 'wrong password', '198.51.100.1');
    expect((await login(app, 'nobody@example.com', 'wrong password', '198.51.100.2')).statusCode).toBe(429);
  });
});
