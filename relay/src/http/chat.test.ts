import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  advisorAndClient,
  bookingMonday,
  type Call,
  caller,
  type Parties,
  requestSession,
  TestClock,
} from '../testing/booked-session.js';
import { EventsClient } from '../testing/events-client.js';
import { DataDir, RunningRelay, register, type Session } from '../testing/relay-harness.js';
import { conversationOpenAfterSessionMs, maxMessageLength } from './chat-routes.js';

interface MessageSeen {
  readonly seq: number;
  readonly clientId: string;
  readonly senderId: string;
  readonly text: string;
}

interface Page {
  readonly messages: MessageSeen[];
  readonly reads: { userId: string; seq: number }[];
  readonly more: boolean;
}

let dataDir: DataDir;
let relay: RunningRelay;
let clock: TestClock;
let call: Call;
let parties: Parties;
let booking: { readonly id: string; readonly start: string; readonly end: string };
const clients: EventsClient[] = [];

async function events(session: Session, after?: number): Promise<EventsClient> {
  const client = await EventsClient.open(relay.httpUrl, session.accessToken, after);
  clients.push(client);
  return client;
}

function send(session: Session, clientId: string, text = `text ${clientId}`) {
  return call(session, 'POST', `/api/bookings/${booking.id}/messages`, { clientId, text });
}

async function page(session: Session, query = ''): Promise<Page> {
  const reply = await call(session, 'GET', `/api/bookings/${booking.id}/messages${query}`);
  expect(reply.status).toBe(200);
  return reply.body as Page;
}

beforeEach(async () => {
  dataDir = new DataDir();
  clock = new TestClock(bookingMonday);
  relay = await RunningRelay.start(dataDir, { clock: clock.now, authRequestsPerMinute: 10_000 });
  call = caller(relay.httpUrl);
  parties = await advisorAndClient(relay.httpUrl, relay.storage);
  booking = await requestSession(relay.httpUrl, parties, clock.at);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await relay.stop();
  dataDir.remove();
});

describe('chat per booking', () => {
  it('[C4] 1,000 messages in a conversation load the newest page first, and page back to the first once each', async () => {
    for (let batch = 0; batch < 20; batch++) {
      const sends = Array.from({ length: 50 }, (_, index) => {
        const n = batch * 50 + index;
        return send(n % 2 === 0 ? parties.client : parties.advisor, `message-${String(n).padStart(4, '0')}`);
      });
      expect((await Promise.all(sends)).every((reply) => reply.status === 201)).toBe(true);
    }
    const newest = await page(parties.advisor);
    expect(newest.messages.map((message) => message.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 951 + i));
    expect(newest.more).toBe(true);

    const seen = [...newest.messages];
    let earlier = newest;
    while (earlier.more) {
      earlier = await page(parties.advisor, `?before=${earlier.messages[0]?.seq}&limit=200`);
      seen.unshift(...earlier.messages);
    }
    expect(seen.map((message) => message.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(seen.map((message) => message.clientId)).size).toBe(1000);

    const later = await page(parties.client, '?after=990&limit=5');
    expect(later.messages.map((message) => message.seq)).toEqual([991, 992, 993, 994, 995]);
    expect(later.more).toBe(true);
    expect((await page(parties.client, '?after=995&limit=5')).more).toBe(false);
  }, 300_000);

  it('[C3] a resend with the same clientId stores one message, and the other party hears of it once', async () => {
    const advisorPhone = await events(parties.advisor);
    const first = await send(parties.client, 'offline-1', 'Can we talk about rent?');
    const again = await send(parties.client, 'offline-1', 'Can we talk about rent?');
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 200, body: first.body });
    await send(parties.client, 'offline-2', 'And savings?');
    await advisorPhone.until((frames) => frames.filter((frame) => frame.type === 'message.created').length === 2);
    const told = advisorPhone.events.filter((event) => event.type === 'message.created');
    expect(told.map((event) => (event.data.message as MessageSeen).clientId)).toEqual(['offline-1', 'offline-2']);
    expect((await page(parties.advisor)).messages).toMatchObject([
      { seq: 1, clientId: 'offline-1', senderId: parties.client.userId, text: 'Can we talk about rent?' },
      { seq: 2, clientId: 'offline-2', senderId: parties.client.userId, text: 'And savings?' },
    ]);
  });

  it('[E9] both parties hear a booking requested and each of its moves, live and on replay', async () => {
    const clientPhone = await events(parties.client);
    const advisorPhone = await events(parties.advisor);
    const second = await requestSession(relay.httpUrl, parties, clock.at, 'second-request');
    expect((await call(parties.advisor, 'POST', `/api/bookings/${second.id}/accept`)).status).toBe(200);
    for (const phone of [clientPhone, advisorPhone]) {
      await phone.until((frames) => frames.length === 4);
      expect(phone.events.map((event) => [event.type, event.data.to, event.data.by])).toEqual([
        ['booking.requested', 'requested', 'client'],
        ['booking.updated', 'accepted', 'advisor'],
        ['booking.updated', 'confirmed', 'relay'],
      ]);
      expect(phone.events.at(-1)?.data.booking).toMatchObject({ id: second.id, status: 'confirmed' });
    }
    const replayed = await events(parties.advisor, 0);
    expect(replayed.events.map((event) => event.data.to)).toEqual(['requested', 'requested', 'accepted', 'confirmed']);
  });

  it('[C1] only the booking’s two parties may read or write, until 30 days after its session ends', async () => {
    const stranger = await register(relay.httpUrl, 'stranger@example.com');
    expect((await send(stranger, 'stranger-1')).status).toBe(404);
    expect((await call(stranger, 'GET', `/api/bookings/${booking.id}/messages`)).status).toBe(404);
    expect((await call(stranger, 'GET', '/api/bookings/no-such-booking/messages')).status).toBe(404);

    clock.at = Date.parse(booking.end) + conversationOpenAfterSessionMs;
    expect((await send(parties.advisor, 'last-word')).status).toBe(201);
    clock.at += 1;
    expect((await send(parties.client, 'too-late-1')).status).toBe(403);
    expect((await call(parties.advisor, 'GET', `/api/bookings/${booking.id}/messages`)).status).toBe(403);
  });

  it('[C1] a message must hold some text, at most 4,000 characters, with a client id; paging one way at a time', async () => {
    expect((await send(parties.client, 'message-1', '')).status).toBe(400);
    expect((await send(parties.client, 'message-1', '   \n ')).status).toBe(400);
    expect((await send(parties.client, 'message-1', 'x'.repeat(maxMessageLength + 1))).status).toBe(400);
    expect((await send(parties.client, 'short', 'hello')).status).toBe(400);
    expect((await send(parties.client, 'message-1', 'x'.repeat(maxMessageLength))).status).toBe(201);
    const extra = await call(parties.client, 'POST', `/api/bookings/${booking.id}/messages`, {
      clientId: 'message-2',
      text: 'hi',
      sentAt: 1,
    });
    expect(extra.status).toBe(400);
    expect((await call(parties.client, 'GET', `/api/bookings/${booking.id}/messages?after=1&before=3`)).status).toBe(
      400,
    );
    expect((await call(parties.client, 'GET', `/api/bookings/${booking.id}/messages?limit=0`)).status).toBe(400);
    expect((await page(parties.client)).messages.map((message) => message.seq)).toEqual([1]);
  });

  it('[C5] read receipts: a party marks how far it read, the other hears it, and it never moves back', async () => {
    for (const id of ['message-1', 'message-2', 'message-3']) await send(parties.client, id);
    const clientPhone = await events(parties.client);
    const read = await call(parties.advisor, 'POST', `/api/bookings/${booking.id}/messages/read`, { seq: 2 });
    expect(read.body).toMatchObject({ userId: parties.advisor.userId, seq: 2 });
    await clientPhone.until((frames) => frames.some((frame) => frame.type === 'message.read'));
    expect(clientPhone.events.at(-1)).toMatchObject({
      type: 'message.read',
      data: { bookingId: booking.id, userId: parties.advisor.userId, seq: 2 },
    });
    const back = await call(parties.advisor, 'POST', `/api/bookings/${booking.id}/messages/read`, { seq: 1 });
    expect(back.body).toMatchObject({ seq: 2 });
    const beyond = await call(parties.advisor, 'POST', `/api/bookings/${booking.id}/messages/read`, { seq: 99 });
    expect(beyond.body).toMatchObject({ seq: 3 });
    expect((await page(parties.client)).reads).toMatchObject([{ userId: parties.advisor.userId, seq: 3 }]);
  });
});
