import { Agent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisRelayBus } from '../bus/redis-relay-bus.js';
import { loadOrCreateVapidKeys } from '../push/vapid-keys.js';
import { PostgresStorage } from '../storage/postgres-storage.js';
import { createPostgresDatabase } from '../storage/storage-implementations.test-support.js';
import {
  advisorAndClient,
  bookingMonday,
  caller,
  type Parties,
  requestSession,
  TestClock,
} from '../testing/booked-session.js';
import { BrowserSubscription } from '../testing/browser-subscription.js';
import { EventsClient } from '../testing/events-client.js';
import { PushEndpoint, throwawayCertificate } from '../testing/push-endpoint.js';
import { RedisServer } from '../testing/redis-server.js';
import { DataDir, RunningRelay, type Session } from '../testing/relay-harness.js';
import { chatQuietMs } from './offline-notices.js';

const certificate = throwawayCertificate();
let redis: RedisServer;
let pushService: PushEndpoint;
let clock: TestClock;
let a: RunningRelay;
let b: RunningRelay;
let busOfB: RedisRelayBus;
let parties: Parties;
const cleanup: (() => unknown)[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(() => redis.stop());

/** Relays A and B on one PostgreSQL database and one Redis, sending pushes to a local push service. */
beforeEach(async () => {
  pushService = await PushEndpoint.start(certificate);
  cleanup.push(() => pushService.stop());
  const database = await createPostgresDatabase();
  cleanup.push(database.drop);
  const dataDir = new DataDir();
  cleanup.push(() => dataDir.remove());
  clock = new TestClock(bookingMonday);
  const relays: RunningRelay[] = [];
  const buses: RedisRelayBus[] = [];
  for (let index = 0; index < 2; index++) {
    const bus = await RedisRelayBus.open(redis.url);
    const storage = await PostgresStorage.open(database.url);
    const relay = await RunningRelay.start(
      dataDir,
      {
        bus,
        counters: bus,
        presence: bus,
        clock: clock.now,
        authRequestsPerMinute: 10_000,
        vapidKeys: loadOrCreateVapidKeys(dataDir.path),
        pushAgent: new Agent({ ca: certificate.cert }),
        pushRetryMs: 10,
      },
      0,
      storage,
    );
    cleanup.push(() => bus.close());
    cleanup.push(() => relay.stop());
    relays.push(relay);
    buses.push(bus);
  }
  [a, b] = relays as [RunningRelay, RunningRelay];
  busOfB = buses[1] as RedisRelayBus;
  parties = await advisorAndClient(a.httpUrl, a.storage);
});
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function eventsOn(relay: RunningRelay, session: Session): Promise<EventsClient> {
  const client = await EventsClient.open(relay.httpUrl, session.accessToken);
  cleanup.push(() => client.close());
  return client;
}

async function subscribe(session: Session, path: string): Promise<BrowserSubscription> {
  const subscription = new BrowserSubscription(pushService.url(path));
  expect((await caller(a.httpUrl)(session, 'POST', '/api/push/subscriptions', subscription.json)).status).toBe(201);
  return subscription;
}

describe('live events and presence across relays (REDIS_URL)', () => {
  it('[E11] a device on relay B hears live of a booking made and accepted through relay A', async () => {
    const clientOnB = await eventsOn(b, parties.client);
    const booking = await requestSession(a.httpUrl, parties, clock.at);
    expect((await caller(a.httpUrl)(parties.advisor, 'POST', `/api/bookings/${booking.id}/accept`)).status).toBe(200);
    await clientOnB.until((frames) => frames.some((frame) => frame.data.to === 'confirmed'));
    expect(clientOnB.events.map((event) => [event.seq, event.type, event.data.to])).toEqual([
      [1, 'booking.requested', 'requested'],
      [2, 'booking.updated', 'accepted'],
      [3, 'booking.updated', 'confirmed'],
    ]);
  });

  it('[E11] events stored while Redis is down reach the device on relay B once Redis is back, without it reconnecting', async () => {
    const clientOnB = await eventsOn(b, parties.client);
    await redis.crash();
    const booking = await requestSession(a.httpUrl, parties, clock.at);
    await redis.revive();
    await clientOnB.until((frames) => frames.some((frame) => frame.type === 'booking.requested'));
    expect(clientOnB.events).toMatchObject([
      { seq: 1, type: 'booking.requested', data: { booking: { id: booking.id } } },
    ]);
    expect(clientOnB.socket.readyState).toBe(clientOnB.socket.OPEN);
  });

  it('[N6] a person connected only to relay B is not pushed for a message sent through relay A; once gone, they are', async () => {
    const advisorDevice = await subscribe(parties.advisor, '/advisor');
    const clientDevice = await subscribe(parties.client, '/client');
    const booking = await requestSession(a.httpUrl, parties, clock.at);
    const send = (clientId: string) =>
      caller(a.httpUrl)(parties.client, 'POST', `/api/bookings/${booking.id}/messages`, {
        clientId,
        text: `text ${clientId}`,
      });
    // The advisor's request push was queued before their socket opened; from now on they are connected.
    const advisorOnB = await eventsOn(b, parties.advisor);
    expect((await send('message-1')).status).toBe(201);
    await advisorOnB.until((frames) => frames.some((frame) => frame.type === 'message.created'));
    // The client, connected nowhere, hears of the decline after any push the message might have made.
    expect((await caller(a.httpUrl)(parties.advisor, 'POST', `/api/bookings/${booking.id}/decline`)).status).toBe(200);
    const devices = new Map([
      ['/advisor', advisorDevice],
      ['/client', clientDevice],
    ]);
    const shown = async (count: number) =>
      (await pushService.receivedCount(count)).map((push) => {
        const device = devices.get(push.path);
        if (device === undefined) throw new Error(`a push to an unknown device ${push.path}`);
        return [push.path, (JSON.parse(device.decrypt(push.body)) as { title: string }).title];
      });
    expect(await shown(2)).toEqual([
      ['/advisor', 'Session requested'],
      ['/client', 'Session declined'],
    ]);

    // Gone from relay B: once B has taken its mark back, a message through A is pushed again.
    await advisorOnB.close();
    while (await busOfB.isPresent(parties.advisor.userId, Date.now())) await sleep(10);
    clock.at += chatQuietMs;
    expect((await send('message-2')).status).toBe(201);
    expect((await shown(3))[2]).toEqual(['/advisor', 'New messages']);
  });
});
