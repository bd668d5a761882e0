import { Agent } from 'node:https';
import { importJWK, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserSubscription } from '../testing/browser-subscription.js';
import { monthlyBillUpdate } from '../testing/ledger-edits.js';
import { PushEndpoint, throwawayCertificate } from '../testing/push-endpoint.js';
import { DataDir, login, RunningRelay, register, type Session } from '../testing/relay-harness.js';
import { loadOrCreateVapidKeys, type VapidKeys } from './vapid-keys.js';

/** 09:30 in Berlin on 14 June 2026 (summer time): reminders for 15 June are due. */
const morningInBerlin = Date.parse('2026-06-14T07:30:00Z');

async function call(relay: RunningRelay, method: string, path: string, session: Session | null, body?: unknown) {
  const response = await fetch(`${relay.httpUrl}${path}`, {
    method,
    headers: {
      ...(session === null ? {} : { authorization: `Bearer ${session.accessToken}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

describe('Web Push', () => {
  const certificate = throwawayCertificate();
  let dataDir: DataDir;
  let vapidKeys: VapidKeys;
  let pushService: PushEndpoint;
  let relays: RunningRelay[];

  const startedAt = Date.now();

  async function startRelay(): Promise<RunningRelay> {
    const relay = await RunningRelay.start(dataDir, {
      vapidKeys,
      pushAgent: new Agent({ ca: certificate.cert }),
      // A clock set to that morning that runs on from there, so retries fall due.
      clock: () => morningInBerlin + (Date.now() - startedAt),
      pushRetryMs: 10,
    });
    relays.push(relay);
    return relay;
  }

  beforeEach(async () => {
    dataDir = new DataDir();
    vapidKeys = loadOrCreateVapidKeys(dataDir.path);
    pushService = await PushEndpoint.start(certificate);
    relays = [];
  });
  afterEach(async () => {
    for (const relay of relays) await relay.stop();
    await pushService.stop();
    dataDir.remove();
  });

  it('[N1] the VAPID key pair is made once and kept in the data directory', () => {
    expect(loadOrCreateVapidKeys(dataDir.path)).toEqual(vapidKeys);
    expect(Buffer.from(vapidKeys.publicKey, 'base64url')).toHaveLength(65);
  });

  it('[N1][N2][N4] a bill reminder reaches each subscribed device encrypted for it, signed with the published key; a 410 removes the subscription', async () => {
    const first = await startRelay();
    const phone = await register(first.httpUrl, 'alice@example.com');
    const laptop = await login(first.httpUrl, 'alice@example.com', 'Laptop');
    const key = await call(first, 'GET', '/api/push/key', null);
    expect(key).toEqual({ status: 200, body: { publicKey: vapidKeys.publicKey } });

    const phoneBrowser = new BrowserSubscription(pushService.url('/push/phone'));
    const laptopBrowser = new BrowserSubscription(pushService.url('/push/laptop'));
    pushService.answer('/push/laptop', 410);
    expect((await call(first, 'POST', '/api/push/subscriptions', phone, phoneBrowser.json)).status).toBe(201);
    expect((await call(first, 'POST', '/api/push/subscriptions', laptop, laptopBrowser.json)).status).toBe(201);
    const preferences = await call(first, 'GET', '/api/notifications/preferences', phone);
    expect(preferences.body).toMatchObject({ timeZone: null, kinds: { billReminders: { push: true } } });
    await call(first, 'PUT', '/api/notifications/preferences', phone, {
      ...(preferences.body as object),
      timeZone: 'Europe/Berlin',
    });
    await first.storage.documents.appendUpdate(
      phone.docId,
      monthlyBillUpdate({ payee: 'Rent', amount: -85_000, startDate: '2026-05-15' }),
    );
    await first.stop();

    const second = await startRelay();
    const received = await pushService.receivedCount(2);
    const toPhone = received.find((push) => push.path === '/push/phone');
    if (toPhone === undefined) throw new Error('the phone got no push');
    expect(toPhone.headers['content-encoding']).toBe('aes128gcm');
    expect(JSON.parse(phoneBrowser.decrypt(toPhone.body))).toEqual({
      title: 'Due tomorrow: Rent',
      body: '€850.00 is due tomorrow.',
      screen: '/recurring',
    });

    const authorization = /^vapid t=([^,]+), k=(.+)$/.exec(String(toPhone.headers.authorization));
    if (authorization === null) throw new Error(`not a VAPID authorization: ${toPhone.headers.authorization}`);
    const [, jwt = '', publishedKey = ''] = authorization;
    expect(publishedKey).toBe(vapidKeys.publicKey);
    const point = Buffer.from(publishedKey, 'base64url');
    const verificationKey = await importJWK(
      {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33, 65).toString('base64url'),
      },
      'ES256',
    );
    const { payload } = await jwtVerify(jwt, verificationKey, {
      algorithms: ['ES256'],
      audience: `https://127.0.0.1:${pushService.port}`,
    });
    expect(payload.sub).toMatch(/^(mailto:|https:)/);

    await vi.waitFor(async () => {
      expect(await second.storage.push.findSubscription(laptopBrowser.endpoint)).toBeNull();
    });
    expect(await second.storage.push.findSubscription(phoneBrowser.endpoint)).not.toBeNull();
  });

  it('[N2] a push service answering 503 or 429 gets the push again later; another 4xx fails it at once', async () => {
    const first = await startRelay();
    const phone = await register(first.httpUrl, 'alice@example.com');
    const laptop = await login(first.httpUrl, 'alice@example.com', 'Laptop');
    const phoneBrowser = new BrowserSubscription(pushService.url('/push/phone'));
    const laptopBrowser = new BrowserSubscription(pushService.url('/push/laptop'));
    pushService.answer('/push/phone', 503, 429, 201);
    pushService.answer('/push/laptop', 400);
    await call(first, 'POST', '/api/push/subscriptions', phone, phoneBrowser.json);
    await call(first, 'POST', '/api/push/subscriptions', laptop, laptopBrowser.json);
    await call(first, 'PUT', '/api/notifications/preferences', phone, {
      timeZone: 'Europe/Berlin',
      kinds: { billReminders: { email: false, push: true }, invitations: { email: true, push: true } },
    });
    await first.storage.documents.appendUpdate(
      phone.docId,
      monthlyBillUpdate({ payee: 'Rent', amount: -85_000, startDate: '2026-05-15' }),
    );
    await first.stop();

    const second = await startRelay();
    const received = await pushService.receivedCount(4);
    expect(received.map((push) => push.path).sort()).toEqual([
      '/push/laptop',
      '/push/phone',
      '/push/phone',
      '/push/phone',
    ]);
    const toPhone = received.filter((push) => push.path === '/push/phone');
    expect(toPhone.map((push) => JSON.parse(phoneBrowser.decrypt(push.body)).title)).toEqual([
      'Due tomorrow: Rent',
      'Due tomorrow: Rent',
      'Due tomorrow: Rent',
    ]);
    await vi.waitFor(async () => {
      const metrics = await (await fetch(`${second.httpUrl}/metrics`)).text();
      expect(metrics).toContain('tally_relay_pushes_total{outcome="sent"} 1');
      expect(metrics).toContain('tally_relay_pushes_total{outcome="retried"} 2');
      expect(metrics).toContain('tally_relay_pushes_total{outcome="failed"} 1');
    });
    // A refusal that is not 404 or 410 keeps the subscription.
    expect(await second.storage.push.findSubscription(laptopBrowser.endpoint)).not.toBeNull();
  });

  it('[N1] a device unsubscribes, and a revoked device’s subscription is removed', async () => {
    const relay = await startRelay();
    const phone = await register(relay.httpUrl, 'alice@example.com');
    const laptop = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
    const phoneBrowser = new BrowserSubscription(pushService.url('/push/phone'));
    const laptopBrowser = new BrowserSubscription(pushService.url('/push/laptop'));
    await call(relay, 'POST', '/api/push/subscriptions', phone, phoneBrowser.json);
    await call(relay, 'POST', '/api/push/subscriptions', laptop, laptopBrowser.json);

    const unsubscribe = { endpoint: phoneBrowser.endpoint };
    expect((await call(relay, 'DELETE', '/api/push/subscriptions', laptop, unsubscribe)).status).toBe(204);
    expect((await call(relay, 'DELETE', '/api/push/subscriptions', phone, unsubscribe)).status).toBe(404);

    expect((await call(relay, 'DELETE', `/api/devices/${laptop.deviceId}`, phone)).status).toBe(204);
    expect(await relay.storage.push.subscriptionsOf(phone.userId)).toEqual([]);
  });

  it('[N1] a subscription that is not an HTTPS endpoint with its keys is refused', async () => {
    const relay = await startRelay();
    const phone = await register(relay.httpUrl, 'alice@example.com');
    const browser = new BrowserSubscription('http://127.0.0.1/push');
    const refused = await call(relay, 'POST', '/api/push/subscriptions', phone, browser.json);
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const noKeys = await call(relay, 'POST', '/api/push/subscriptions', phone, { endpoint: pushService.url('/p') });
    expect(noKeys.status).toBe(400);
    const anonymous = new BrowserSubscription(pushService.url('/push/anyone'));
    expect((await call(relay, 'POST', '/api/push/subscriptions', null, anonymous.json)).status).toBe(401);
  });
});
