import { describe, expect, it } from 'vitest';
import { storageImplementations } from '../storage/storage-implementations.test-support.js';
import { AdvisorRelay } from '../testing/advisor-harness.js';

interface BookingJson {
  readonly id: string;
  readonly status: string;
  readonly start: string;
  readonly shareActive: boolean;
}

/** Monday 12 January 2026 in Berlin (UTC+1): 09:00 local is 08:00Z. */
const monday = (time: string) => `2026-01-12T${time}:00+01:00`;

describe.each(storageImplementations)('[D4] sessions that overlap, over $name', (implementation) => {
  it('two requests for overlapping sessions of one advisor, raced, leave exactly one holding its time', async () => {
    const opened = await implementation.open();
    const relay = await AdvisorRelay.start({ storage: opened.storage });
    try {
      // Two spans that overlap on Monday: 60-minute sessions from 09:00 and from 09:30.
      await relay.ask(relay.advisor, 'PUT', '/api/advisor/availability', {
        weekly: [
          { weekday: 1, start: '09:00', end: '11:00' },
          { weekday: 1, start: '09:30', end: '11:30' },
        ],
        exceptions: [],
      });
      const clients = await Promise.all(
        Array.from({ length: 10 }, (_, i) => relay.register(`client-${i}@example.com`)),
      );
      const replies = await Promise.all(
        clients.map((client, i) => relay.book(client, i % 2 === 0 ? monday('09:00') : monday('09:30'))),
      );
      expect(replies.filter((reply) => reply.statusCode === 201)).toHaveLength(1);
      for (const reply of replies.filter((candidate) => candidate.statusCode !== 201)) {
        expect(reply.statusCode).toBe(409);
        expect(reply.json().error.code).toBe('slot_taken');
      }
    } finally {
      await relay.close();
      await opened.dispose();
    }
  });
});

describe('[D4] a session held stays held when the advisor changes their session length', () => {
  it('a 30-minute slot inside a held 60-minute session is neither offered nor bookable', async () => {
    const relay = await AdvisorRelay.start();
    try {
      const first = await relay.register('first@example.com');
      const second = await relay.register('second@example.com');
      expect((await relay.book(first, monday('09:00'))).statusCode).toBe(201);
      const profile = (await relay.ask(relay.advisor, 'GET', `/api/advisors/${relay.advisor.userId}`)).json();
      await relay.ask(relay.advisor, 'PUT', '/api/advisor/profile', {
        ...profile,
        userId: undefined,
        updatedAt: undefined,
        sessionMinutes: 30,
      });
      const offered = (await relay.slots(14)).map((slot) => slot.start);
      expect(offered).not.toContain('2026-01-12T08:30:00.000Z');
      const reply = await relay.book(second, monday('09:30'));
      expect(reply.statusCode).toBe(409);
      expect(reply.json().error.code).toBe('slot_taken');
    } finally {
      await relay.close();
    }
  });
});

describe('[D1][D9] an advisor whose role is taken back', () => {
  it('cannot accept a request any more, and so never reads the ledger it shares', async () => {
    const relay = await AdvisorRelay.start();
    try {
      const client = await relay.register('client@example.com');
      const docId = client.docId;
      const booking = (await relay.book(client, monday('09:00'), { shareDocId: docId })).json<BookingJson>();
      await relay.storage.accounts.setUserRole(relay.advisor.userId, 'user');
      const reply = await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`);
      expect(reply.statusCode).toBe(403);
      expect(reply.json().error.code).toBe('advisor_required');
      const read = (await relay.ask(client, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>();
      expect(read.status).toBe('requested');
      expect(read.shareActive).toBe(false);
      expect(await relay.storage.accounts.docRole(relay.advisor.userId, docId)).toBeNull();
    } finally {
      await relay.close();
    }
  });
});

describe('[D5] an idempotency key used again for another request', () => {
  it('is refused with idempotency_key_reused, and neither the first booking nor the new slot changes', async () => {
    const relay = await AdvisorRelay.start();
    try {
      const client = await relay.register('client@example.com');
      const first = await relay.book(client, monday('09:00'), { idempotencyKey: 'reused-key-1' });
      expect(first.statusCode).toBe(201);
      const other = await relay.book(client, monday('11:00'), { idempotencyKey: 'reused-key-1' });
      expect(other.statusCode).toBe(409);
      expect(other.json().error.code).toBe('idempotency_key_reused');
      const mine = (await relay.ask(client, 'GET', '/api/bookings')).json<BookingJson[]>();
      expect(mine.map((booking) => booking.start)).toEqual(['2026-01-12T08:00:00.000Z']);
      expect((await relay.slots(14)).map((slot) => slot.start)).toContain('2026-01-12T10:00:00.000Z');
    } finally {
      await relay.close();
    }
  });
});

describe('[D9] a ledger shared by a client who no longer owns it', () => {
  it('is not opened to the advisor on acceptance', async () => {
    const relay = await AdvisorRelay.start();
    try {
      const client = await relay.register('client@example.com');
      const household = await relay.register('household@example.com');
      await relay.storage.accounts.addMember(household.docId, client.userId, 'editor', relay.clock.at);
      await relay.storage.accounts.setMemberRole(household.docId, client.userId, 'owner', relay.clock.at);
      const booking = (await relay.book(client, monday('09:00'), { shareDocId: household.docId })).json<BookingJson>();
      await relay.storage.accounts.removeMember(household.docId, client.userId, relay.clock.at);
      const accepted = await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`);
      expect(accepted.json<BookingJson>().status).toBe('confirmed');
      expect(accepted.json<BookingJson>().shareActive).toBe(false);
      expect(await relay.storage.accounts.docRole(relay.advisor.userId, household.docId)).toBeNull();
    } finally {
      await relay.close();
    }
  });
});

describe('[D2] an exception on a date no calendar has', () => {
  it('is refused with invalid_request, and the hours stay as they were', async () => {
    const relay = await AdvisorRelay.start();
    try {
      const before = await relay.slots(62);
      const reply = await relay.ask(relay.advisor, 'PUT', '/api/advisor/availability', {
        weekly: [{ weekday: 1, start: '09:00', end: '10:00' }],
        exceptions: [{ date: '2026-02-30', hours: [] }],
      });
      expect(reply.statusCode).toBe(400);
      expect(reply.json().error.code).toBe('invalid_request');
      expect(await relay.slots(62)).toEqual(before);
    } finally {
      await relay.close();
    }
  });
});
