import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

async function register(app: RelayApp, email = 'alice@example.com', deviceName = 'Phone'): Promise<Session> {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password, deviceName },
  });
  expect(reply.statusCode).toBe(201);
  return reply.json<Session>();
}

function bearer(session: Pick<Session, 'accessToken'>): { authorization: string } {
  return { authorization: `Bearer ${session.accessToken}` };
}

describe('accounts and devices', () => {
  it('registering gives a user, a device, a ledger and both tokens', async () => {
    const app = await relay();
    const session = await register(app);
    expect(Object.keys(session).sort()).toEqual(['accessToken', 'deviceId', 'docId', 'refreshToken', 'userId']);
  });

  it('logging in adds a new device of the same user, sharing the same ledger', async () => {
    const app = await relay();
    const phone = await register(app);
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Alice@Example.com', password, deviceName: 'Laptop' },
    });
    expect(reply.statusCode).toBe(200);
    const laptop = reply.json<Session>();
    expect(laptop.userId).toBe(phone.userId);
    expect(laptop.docId).toBe(phone.docId);
    expect(laptop.deviceId).not.toBe(phone.deviceId);

    const devices = await app.inject({ method: 'GET', url: '/api/devices', headers: bearer(laptop) });
    expect(devices.statusCode).toBe(200);
    const listed = devices.json<{ devices: { name: string; current: boolean; lastSyncedAt: string | null }[] }>()
      .devices;
    expect(listed.map((device) => [device.name, device.current])).toEqual([
      ['Phone', false],
      ['Laptop', true],
    ]);
    expect(listed[0]?.lastSyncedAt).toBeNull();
  });

  it("a device's last seen moves with its requests, to the minute", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-03T09:00:00Z') });
    try {
      const app = await relay();
      const phone = await register(app);
      const lastSeen = async () => {
        const reply = await app.inject({ method: 'GET', url: '/api/devices', headers: bearer(phone) });
        return reply.json<{ devices: { lastSeenAt: string | null }[] }>().devices[0]?.lastSeenAt;
      };
      expect(await lastSeen()).toBe('2026-12-03T09:00:00.000Z');
      vi.setSystemTime(Date.parse('2026-12-03T09:00:59Z'));
      expect(await lastSeen()).toBe('2026-12-03T09:00:00.000Z');
      vi.setSystemTime(Date.parse('2026-12-03T09:01:00Z'));
      expect(await lastSeen()).toBe('2026-12-03T09:01:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a second account with the same email is refused with 409', async () => {
    const app = await relay();
    await register(app);
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'alice@example.com', password, deviceName: 'Other' },
    });
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toEqual({ error: { code: 'email_taken', message: expect.any(String) } });
  });

  it('a wrong password and an unknown email are refused alike', async () => {
    const app = await relay();
    await register(app);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'alice@example.com', password: 'not the password', deviceName: 'Laptop' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'bob@example.com', password, deviceName: 'Laptop' },
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('a refresh token rotates: the new pair works and the old token is spent', async () => {
    const app = await relay();
    const session = await register(app);
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(reply.statusCode).toBe(200);
    const rotated = reply.json<{ accessToken: string; refreshToken: string }>();
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    expect((await app.inject({ method: 'GET', url: '/api/devices', headers: bearer(rotated) })).statusCode).toBe(200);
  });

  it('[S3] a refresh token reused after the grace is refused and revokes its device', async () => {
    const app = await relay({ refreshGraceSeconds: 0 });
    const session = await register(app);
    const first = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    const rotated = first.json<{ accessToken: string; refreshToken: string }>();

    const reuse = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toMatchObject({ error: { code: 'invalid_refresh_token' } });
    const afterTheft = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: rotated.refreshToken },
    });
    expect(afterTheft.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/devices', headers: bearer(rotated) })).statusCode).toBe(401);
  });

  it('revoking a device stops its tokens; the other devices keep working', async () => {
    const app = await relay();
    const phone = await register(app);
    const laptop = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'alice@example.com', password, deviceName: 'Laptop' },
      })
    ).json<Session>();

    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/devices/${phone.deviceId}`,
      headers: bearer(laptop),
    });
    expect(revoke.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/devices', headers: bearer(phone) })).statusCode).toBe(401);
    const refresh = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: phone.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const remaining = await app.inject({ method: 'GET', url: '/api/devices', headers: bearer(laptop) });
    expect(remaining.json<{ devices: { id: string }[] }>().devices.map((device) => device.id)).toEqual([
      laptop.deviceId,
    ]);
  });

  it('one user cannot revoke another user’s device', async () => {
    const app = await relay();
    const alice = await register(app);
    const bob = await register(app, 'bob@example.com');
    const reply = await app.inject({ method: 'DELETE', url: `/api/devices/${alice.deviceId}`, headers: bearer(bob) });
    expect(reply.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/devices', headers: bearer(alice) })).statusCode).toBe(200);
  });

  it('[S7] unknown fields are refused', async () => {
    const app = await relay();
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'alice@example.com', password, deviceName: 'Phone', admin: true },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('[S7] auth routes are rate limited per client address', async () => {
    const app = await relay({ authRequestsPerMinute: 3 });
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a@example.com', password, deviceName: 'x' },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('[S7] every response carries the security headers and no CORS header by default', async () => {
    const app = await relay();
    const reply = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('listed origins get CORS on the API, others do not', async () => {
    const app = await relay({ allowedOrigins: ['https://app.example'] });
    const allowed = await app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    // The app changes a member's role with PATCH and saves its notification preferences with PUT (N3).
    expect(String(allowed.headers['access-control-allow-methods']).split(', ')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    );
    const refused = await app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('health and metrics answer', async () => {
    const app = await relay();
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toEqual({ status: 'ok', uptime: expect.any(Number), connections: 0, docsLoaded: 0 });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('# TYPE tally_relay_persist_seconds histogram');
    expect(metrics.body).toContain('tally_relay_auth_failures_total 0');
  });

  it('[H4] with a metrics token set, /metrics answers only its bearer', async () => {
    const app = await relay({ metricsToken: 'a-long-random-scrape-token' });
    const scrape = (authorization?: string) =>
      app.inject({ method: 'GET', url: '/metrics', headers: authorization === undefined ? {} : { authorization } });
    expect((await scrape()).json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await scrape('Bearer not-the-token')).statusCode).toBe(401);
    const allowed = await scrape('Bearer a-long-random-scrape-token');
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('tally_relay_connections');
  });
});
