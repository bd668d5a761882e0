import { Agent } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateVapidKeys } from '../push/vapid-keys.js';
import {
  advisorAndClient,
  bookingMonday,
  type Call,
  caller,
  type Parties,
  requestSession,
  TestClock,
} from '../testing/booked-session.js';
import { BrowserSubscription } from '../testing/browser-subscription.js';
import { EventsClient } from '../testing/events-client.js';
import { PushEndpoint, throwawayCertificate } from '../testing/push-endpoint.js';
import { DataDir, RunningRelay, type Session } from '../testing/relay-harness.js';
import { chatQuietMs } from './offline-notices.js';

interface Shown {
  readonly title: string;
  readonly body: string;
  readonly screen: string;
}

const certificate = throwawayCertificate();
let dataDir: DataDir;
let pushService: PushEndpoint;
let relay: RunningRelay;
let clock: TestClock;
let call: Call;
let parties: Parties;
let devices: Map<string, BrowserSubscription>;
const sockets: EventsClient[] = [];

async function subscribe(session: Session, path: string): Promise<void> {
  const subscription = new BrowserSubscription(pushService.url(path));
  devices.set(path, subscription);
  expect((await call(session, 'POST', '/api/push/subscriptions', subscription.json)).status).toBe(201);
}

/** The pushes received once there are `count`: where each went and what it shows. */
async function pushes(count: number): Promise<{ path: string; shown: Shown }[]> {
  const received = await pushService.receivedCount(count);
  return received.map((push) => {
    const device = devices.get(push.path);
    if (device === undefined) throw new Error(`a push to an unknown device ${push.path}`);
    return { path: push.path, shown: JSON.parse(device.decrypt(push.body)) as Shown };
  });
}

function send(session: Session, bookingId: string, clientId: string) {
  return call(session, 'POST', `/api/bookings/${bookingId}/messages`, { clientId, text: `text ${clientId}` });
}

beforeEach(async () => {
  dataDir = new DataDir();
  pushService = await PushEndpoint.start(certificate);
  clock = new TestClock(bookingMonday);
  relay = await RunningRelay.start(dataDir, {
    clock: clock.now,
    vapidKeys: loadOrCreateVapidKeys(dataDir.path),
    pushAgent: new Agent({ ca: certificate.cert }),
    pushRetryMs: 10,
  });
  call = caller(relay.httpUrl);
  parties = await advisorAndClient(relay.httpUrl, relay.storage);
  devices = new Map();
  await subscribe(parties.client, '/client');
  await subscribe(parties.advisor, '/advisor');
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await relay.stop();
  await pushService.stop();
  dataDir.remove();
});

describe('people away hear of bookings and messages by push', () => {
  it('[N5] an advisor away hears of a request, then of a conversation once per quarter hour however many messages come', async () => {
    const booking = await requestSession(relay.httpUrl, parties, clock.at);
    for (const id of ['message-1', 'message-2', 'message-3'])
      expect((await send(parties.client, booking.id, id)).status).toBe(201);
    clock.at += chatQuietMs;
    expect((await send(parties.client, booking.id, 'message-4')).status).toBe(201);
    // The client, away too, hears of the decline: it comes after all the advisor's pushes.
    expect((await call(parties.advisor, 'POST', `/api/bookings/${booking.id}/decline`)).status).toBe(200);

    const received = await pushes(4);
    expect(received.map((push) => push.path)).toEqual(['/advisor', '/advisor', '/advisor', '/client']);
    expect(received.map((push) => push.shown)).toEqual([
      {
        title: 'Session requested',
        body: 'The session on January 5, 2026 at 8:00 AM is now requested.',
        screen: `/bookings/${booking.id}`,
      },
      {
        title: 'New messages',
        body: 'About the session on January 5, 2026 at 8:00 AM.',
        screen: `/bookings/${booking.id}/conversation`,
      },
      {
        title: 'New messages',
        body: 'About the session on January 5, 2026 at 8:00 AM.',
        screen: `/bookings/${booking.id}/conversation`,
      },
      {
        title: 'Session declined',
        body: 'The session on January 5, 2026 at 8:00 AM is now declined.',
        screen: `/bookings/${booking.id}`,
      },
    ]);
  });

  it('[N5] a person with an events socket open, or who chose no push for the kind, gets no push', async () => {
    sockets.push(await EventsClient.open(relay.httpUrl, parties.advisor.accessToken));
    const booking = await requestSession(relay.httpUrl, parties, clock.at);
    await send(parties.client, booking.id, 'message-1');
    const preferences = await call(parties.client, 'GET', '/api/notifications/preferences');
    const chosen = preferences.body as { timeZone: string | null; kinds: Record<string, object> };
    // A device that knows only the older kinds leaves the others as they are.
    await call(parties.client, 'PUT', '/api/notifications/preferences', {
      timeZone: 'Europe/Berlin',
      kinds: { billReminders: chosen.kinds.billReminders, invitations: chosen.kinds.invitations },
    });
    await call(parties.client, 'PUT', '/api/notifications/preferences', {
      ...chosen,
      timeZone: 'Europe/Berlin',
      kinds: { ...chosen.kinds, messages: { email: true, push: false } },
    });
    expect((await call(parties.client, 'GET', '/api/notifications/preferences')).body).toMatchObject({
      kinds: { bookings: { email: true, push: true }, messages: { email: true, push: false } },
    });
    await send(parties.advisor, booking.id, 'reply-1');
    expect((await call(parties.advisor, 'POST', `/api/bookings/${booking.id}/accept`)).status).toBe(200);

    const received = await pushes(1);
    expect(received).toEqual([
      {
        path: '/client',
        shown: {
          title: 'Session confirmed',
          body: 'The session on January 5, 2026 at 9:00 AM is now confirmed.',
          screen: `/bookings/${booking.id}`,
        },
      },
    ]);
  });
});
