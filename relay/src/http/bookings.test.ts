import type { BookingStatus } from '@tally/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageImplementations } from '../storage/storage-implementations.test-support.js';
import { AdvisorRelay, advisorProfile } from '../testing/advisor-harness.js';
import { unreachableStripe } from '../testing/payment-relay.js';
import type { Session } from '../testing/relay-harness.js';

const minute = 60_000;
const hour = 60 * minute;
type Action = 'accept' | 'decline' | 'cancel' | 'complete' | 'no-show';
type Party = 'client' | 'advisor' | 'stranger';

interface BookingJson {
  readonly id: string;
  readonly status: BookingStatus;
  readonly start: string;
  readonly paymentDueAt: string | null;
  readonly history?: readonly { from: string | null; to: string; by: string; reason: string | null }[];
}

/**
 * [D3] Every action from every status, by each party: the status it leads to, or the refusal.
 * A stranger is told there is no such booking. Written out by hand, not derived from the machine.
 */
const machine: Record<BookingStatus, Record<Action, Record<Exclude<Party, 'stranger'>, BookingStatus | number>>> = {
  requested: {
    accept: { client: 403, advisor: 'confirmed' },
    decline: { client: 403, advisor: 'declined' },
    cancel: { client: 'cancelled', advisor: 403 },
    complete: { client: 409, advisor: 409 },
    'no-show': { client: 409, advisor: 409 },
  },
  accepted: {
    accept: { client: 409, advisor: 409 },
    decline: { client: 409, advisor: 409 },
    cancel: { client: 'cancelled', advisor: 'cancelled' },
    complete: { client: 409, advisor: 409 },
    'no-show': { client: 409, advisor: 409 },
  },
  awaiting_payment: {
    accept: { client: 409, advisor: 409 },
    decline: { client: 409, advisor: 409 },
    cancel: { client: 'cancelled', advisor: 'cancelled' },
    complete: { client: 409, advisor: 409 },
    'no-show': { client: 409, advisor: 409 },
  },
  confirmed: {
    accept: { client: 409, advisor: 409 },
    decline: { client: 409, advisor: 409 },
    cancel: { client: 'cancelled', advisor: 'cancelled' },
    complete: { client: 403, advisor: 'completed' },
    'no-show': { client: 403, advisor: 'no_show' },
  },
  ...Object.fromEntries(
    (['declined', 'expired', 'cancelled', 'completed', 'no_show'] as const).map((status) => [
      status,
      Object.fromEntries(
        (['accept', 'decline', 'cancel', 'complete', 'no-show'] as const).map((action) => [
          action,
          { client: 409, advisor: 409 },
        ]),
      ),
    ]),
  ),
} as Record<BookingStatus, Record<Action, Record<Exclude<Party, 'stranger'>, BookingStatus | number>>>;

/** Statuses a booking can be brought to through the routes and the clock (`accepted` passes at once). */
const reachable = Object.keys(machine).filter((status) => status !== 'accepted') as BookingStatus[];

describe('[D3] the booking status machine, through the routes', () => {
  let relay: AdvisorRelay;
  let client: Session;
  let stranger: Session;
  let free: { start: string }[];

  beforeAll(async () => {
    relay = await AdvisorRelay.start({ config: unreachableStripe });
    client = await relay.register('client@example.com');
    stranger = await relay.register('stranger@example.com');
    free = await relay.slots(40);
  });
  afterAll(() => relay.close());

  async function act(session: Session, id: string, action: Action, reason?: string) {
    return relay.ask(session, 'POST', `/api/bookings/${id}/${action}`, reason === undefined ? undefined : { reason });
  }

  /** Runs `work` with the clock just after the booking's start, then puts it back. */
  async function afterStart<T>(booking: BookingJson, work: () => Promise<T>): Promise<T> {
    const now = relay.clock.at;
    relay.clock.at = Date.parse(booking.start) + minute;
    try {
      return await work();
    } finally {
      relay.clock.at = now;
    }
  }

  async function bookingIn(status: BookingStatus): Promise<BookingJson> {
    const slot = free.shift();
    if (slot === undefined) throw new Error('out of slots');
    if (status === 'awaiting_payment') {
      await relay.ask(relay.advisor, 'PUT', '/api/advisor/profile', {
        ...(await relay.ask(relay.advisor, 'GET', `/api/advisors/${relay.advisor.userId}`)).json(),
        userId: undefined,
        updatedAt: undefined,
        price: { amountMinor: 5000, currency: 'EUR' },
      });
    }
    const booking = (await relay.book(client, slot.start)).json<BookingJson>();
    if (status === 'awaiting_payment') {
      await relay.ask(relay.advisor, 'PUT', '/api/advisor/profile', {
        ...(await relay.ask(relay.advisor, 'GET', `/api/advisors/${relay.advisor.userId}`)).json(),
        userId: undefined,
        updatedAt: undefined,
        price: null,
      });
    }
    const moved = async (reply: Promise<{ json: () => BookingJson }>) => (await reply).json();
    switch (status) {
      case 'requested':
        return booking;
      case 'confirmed':
      case 'awaiting_payment':
        return moved(act(relay.advisor, booking.id, 'accept'));
      case 'declined':
        return moved(act(relay.advisor, booking.id, 'decline'));
      case 'cancelled':
        return moved(act(client, booking.id, 'cancel'));
      case 'expired': {
        relay.clock.advance(49 * hour);
        await relay.sweep();
        relay.clock.advance(-49 * hour);
        return moved(relay.ask(client, 'GET', `/api/bookings/${booking.id}`));
      }
      case 'completed':
      case 'no_show': {
        const confirmed = await moved(act(relay.advisor, booking.id, 'accept'));
        return afterStart(confirmed, () =>
          moved(act(relay.advisor, booking.id, status === 'completed' ? 'complete' : 'no-show')),
        );
      }
      default:
        throw new Error(`cannot bring a booking to ${status}`);
    }
  }

  const rows = reachable.flatMap((from) =>
    (['accept', 'decline', 'cancel', 'complete', 'no-show'] as const).flatMap((action) =>
      (['client', 'advisor', 'stranger'] as const).map((party) => ({
        from,
        action,
        party,
        expected: party === 'stranger' ? 404 : machine[from][action][party],
      })),
    ),
  );

  it.each(rows)('$action on a $from booking by the $party: $expected', async ({ from, action, party, expected }) => {
    const booking = await bookingIn(from);
    expect(booking.status).toBe(from);
    const session = party === 'client' ? client : party === 'advisor' ? relay.advisor : stranger;
    const reply = await afterStart(booking, () => act(session, booking.id, action, 'Something came up'));
    if (typeof expected === 'number') {
      expect(reply.statusCode).toBe(expected);
      const code = { 403: 'forbidden', 404: 'not_found', 409: 'invalid_transition' }[expected];
      expect(reply.json().error.code).toBe(code);
      const after = (await relay.ask(client, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>();
      expect(after.status).toBe(from);
    } else {
      expect(reply.statusCode).toBe(200);
      expect(reply.json<BookingJson>().status).toBe(expected);
    }
  });

  it('[D3] every transition is in the booking’s trail, with who made it and why', async () => {
    const booking = await bookingIn('confirmed');
    await act(client, booking.id, 'cancel', 'I found the answer myself');
    const read = (await relay.ask(relay.advisor, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>();
    expect(read.history).toEqual([
      expect.objectContaining({ from: null, to: 'requested', by: 'client', reason: null }),
      expect.objectContaining({ from: 'requested', to: 'accepted', by: 'advisor' }),
      expect.objectContaining({ from: 'accepted', to: 'confirmed', by: 'relay' }),
      expect.objectContaining({
        from: 'confirmed',
        to: 'cancelled',
        by: 'client',
        reason: 'I found the answer myself',
      }),
    ]);
    expect((await relay.ask(stranger, 'GET', `/api/bookings/${booking.id}`)).statusCode).toBe(404);
  });

  it('[D3] a confirmed session is cancelled only with a reason', async () => {
    const booking = await bookingIn('confirmed');
    const reply = await act(relay.advisor, booking.id, 'cancel');
    expect(reply.statusCode).toBe(400);
    expect((await relay.ask(client, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>().status).toBe(
      'confirmed',
    );
  });

  it('[D3] a session is marked completed or missed only once it has started', async () => {
    const booking = await bookingIn('confirmed');
    const early = await act(relay.advisor, booking.id, 'complete');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_transition');
  });
});

describe.each(storageImplementations)('[D4] one slot, many requests, over $name', (implementation) => {
  it('20 clients asking at once for one slot: exactly one holds it, the rest are told slot_taken', async () => {
    const opened = await implementation.open();
    const relay = await AdvisorRelay.start({ storage: opened.storage });
    try {
      const clients = await Promise.all(
        Array.from({ length: 20 }, (_, i) => relay.register(`client-${i}@example.com`)),
      );
      const [slot] = await relay.slots(7);
      if (slot === undefined) throw new Error('no slot');
      const replies = await Promise.all(clients.map((client) => relay.book(client, slot.start)));
      expect(replies.filter((reply) => reply.statusCode === 201)).toHaveLength(1);
      const refused = replies.filter((reply) => reply.statusCode === 409);
      expect(refused).toHaveLength(19);
      for (const reply of refused) expect(reply.json().error.code).toBe('slot_taken');
      expect((await relay.slots(7)).map((free) => free.start)).not.toContain(slot.start);
    } finally {
      await relay.close();
      await opened.dispose();
    }
  });
});

describe('[D4–D6] requests, retries and expiry', () => {
  let relay: AdvisorRelay;
  let client: Session;

  beforeAll(async () => {
    relay = await AdvisorRelay.start({ config: unreachableStripe });
    client = await relay.register('client@example.com');
  });
  afterAll(() => relay.close());

  it('[D5] a request retried with its idempotency key books once and answers with the same booking', async () => {
    const [slot] = await relay.slots();
    if (slot === undefined) throw new Error('no slot');
    const first = await relay.book(client, slot.start, { idempotencyKey: 'flaky-network-1' });
    const again = await relay.book(client, slot.start, { idempotencyKey: 'flaky-network-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const mine = (await relay.ask(client, 'GET', '/api/bookings')).json<BookingJson[]>();
    expect(mine.filter((booking) => booking.start === slot.start)).toHaveLength(1);
  });

  it('[D5] a retry after the slot stopped being offered still answers with its booking; a changed one is still refused', async () => {
    const [, slot, other] = await relay.slots();
    if (slot === undefined || other === undefined) throw new Error('no slot');
    const first = (await relay.book(client, slot.start, { idempotencyKey: 'lost-reply-1' })).json<BookingJson>();
    await relay.ask(relay.advisor, 'POST', `/api/bookings/${first.id}/accept`);
    const afterAccept = await relay.book(client, slot.start, { idempotencyKey: 'lost-reply-1' });
    expect(afterAccept.statusCode).toBe(201);
    expect(afterAccept.json()).toMatchObject({ id: first.id, status: 'confirmed' });
    const profile = (await relay.ask(relay.advisor, 'GET', `/api/advisors/${relay.advisor.userId}`)).json();
    await relay.ask(relay.advisor, 'PUT', '/api/advisor/profile', {
      ...profile,
      userId: undefined,
      updatedAt: undefined,
      acceptingClients: false,
    });
    const afterClosing = await relay.book(client, slot.start, { idempotencyKey: 'lost-reply-1' });
    expect(afterClosing.statusCode).toBe(201);
    expect(afterClosing.json().id).toBe(first.id);
    const changed = await relay.book(client, other.start, { idempotencyKey: 'lost-reply-1' });
    expect(changed.json().error.code).toBe('idempotency_key_reused');
    expect((await relay.book(client, other.start)).json().error.code).toBe('slot_unavailable');
    await relay.ask(relay.advisor, 'PUT', '/api/advisor/profile', {
      ...profile,
      userId: undefined,
      updatedAt: undefined,
    });
  });

  it('[D7] the advisor reads the client’s name on each booking: the email’s local part, or the name they publish as an advisor', async () => {
    const [slot, other] = await relay.slots();
    if (slot === undefined || other === undefined) throw new Error('no slot');
    const booking = (await relay.book(client, slot.start)).json<BookingJson>();
    const named = (reply: { json: <T>() => T }) => reply.json<{ clientName: string }>().clientName;
    expect(named(await relay.ask(relay.advisor, 'GET', `/api/bookings/${booking.id}`))).toBe('client');
    const listed = (await relay.ask(relay.advisor, 'GET', '/api/bookings')).json<
      (BookingJson & { clientName: string })[]
    >();
    expect(listed.find((seen) => seen.id === booking.id)?.clientName).toBe('client');
    expect(named(await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/decline`))).toBe('client');

    const colleague = await relay.register('carla.m@example.com');
    await relay.storage.accounts.setUserRole(colleague.userId, 'advisor');
    await relay.ask(colleague, 'PUT', '/api/advisor/profile', { ...advisorProfile, displayName: 'Carla Méndez' });
    const asked = (await relay.book(colleague, other.start)).json<BookingJson>();
    expect(named(await relay.ask(relay.advisor, 'GET', `/api/bookings/${asked.id}`))).toBe('Carla Méndez');
  });

  it('[D6] a request nobody answers for 48 hours expires, and its slot is free again', async () => {
    const slots = await relay.slots(14);
    const slot = slots.find((candidate) => Date.parse(candidate.start) > relay.clock.at + 72 * hour);
    if (slot === undefined) throw new Error('no slot');
    const booking = (await relay.book(client, slot.start)).json<BookingJson>();
    const status = async () =>
      (await relay.ask(client, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>().status;
    relay.clock.advance(48 * hour - minute);
    await relay.sweep();
    expect(await status()).toBe('requested');
    relay.clock.advance(minute);
    await relay.sweep();
    expect(await status()).toBe('expired');
    expect((await relay.slots(14)).map((free) => free.start)).toContain(slot.start);
  });

  it('[D6] a request still unanswered when its session starts expires then', async () => {
    const [slot] = await relay.slots(2);
    if (slot === undefined) throw new Error('no slot');
    const booking = (await relay.book(client, slot.start)).json<BookingJson>();
    relay.clock.at = Date.parse(slot.start);
    await relay.sweep();
    expect((await relay.ask(client, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>().status).toBe('expired');
  });

  it('[D6] an accepted priced session waits 30 minutes for payment, then expires', async () => {
    const profile = (await relay.ask(relay.advisor, 'GET', `/api/advisors/${relay.advisor.userId}`)).json();
    await relay.ask(relay.advisor, 'PUT', '/api/advisor/profile', {
      ...profile,
      userId: undefined,
      updatedAt: undefined,
      price: { amountMinor: 5000, currency: 'EUR' },
    });
    const slot = (await relay.slots(14)).at(-1);
    if (slot === undefined) throw new Error('no slot');
    const booking = (await relay.book(client, slot.start)).json<BookingJson>();
    const accepted = (await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`)).json<BookingJson>();
    expect(accepted.status).toBe('awaiting_payment');
    expect(accepted.paymentDueAt).toBe(new Date(relay.clock.at + 30 * minute).toISOString());
    relay.clock.advance(30 * minute);
    await relay.sweep();
    expect((await relay.ask(client, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>().status).toBe('expired');
  });
});
