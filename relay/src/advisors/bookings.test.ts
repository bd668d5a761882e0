import { describe, expect, it } from 'vitest';
import { silentLogger } from '../relay-logger.js';
import type { BookingEvent, NewBooking } from '../storage/advisors/advisors.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import { MemberSockets } from '../sync/member-sockets.js';
import { FakeClock, winterMonday } from '../testing/advisor-harness.js';
import { Bookings } from './bookings.js';

const hour = 3_600_000;

async function bookings() {
  const storage = new MemoryStorage();
  for (const name of ['advisor', 'client']) {
    await storage.accounts.createUser({
      id: name,
      email: `${name}@example.com`,
      passwordHash: 'hash',
      docId: `ledger-${name}`,
      createdAt: 1,
    });
  }
  await storage.accounts.setUserRole('advisor', 'advisor');
  const clock = new FakeClock(winterMonday);
  const failures: string[] = [];
  const service = new Bookings({
    storage,
    memberSockets: new MemberSockets(),
    now: clock.now,
    reporting: { logger: silentLogger, metrics: { countFailure: (kind) => failures.push(kind) } },
  });
  return { storage, clock, service, failures };
}

function request(id: string, price: NewBooking['price'] = null, key = `key-${id}`): NewBooking {
  return {
    id,
    advisorId: 'advisor',
    clientId: 'client',
    start: winterMonday + 30 * hour,
    end: winterMonday + 31 * hour,
    message: 'Hello',
    price,
    shareDocId: null,
    idempotencyKey: key,
    createdAt: winterMonday,
    respondBy: winterMonday + 30 * hour,
  };
}

describe('[D3] Bookings: the one place a booking changes', () => {
  it('tells its listeners of each stored change once, in order, and not of a request returned again', async () => {
    const { service } = await bookings();
    const heard: BookingEvent[] = [];
    service.onChange((_booking, event) => heard.push(event));
    await service.request(request('b1'));
    await service.request(request('b1-retry', null, 'key-b1'));
    await service.transition('b1', 'accepted', { userId: 'advisor' });
    expect(heard.map((event) => [event.from, event.to, event.actor.kind])).toEqual([
      [null, 'requested', 'client'],
      ['requested', 'accepted', 'advisor'],
      ['accepted', 'confirmed', 'relay'],
    ]);
  });

  it('lets the relay confirm a session awaiting payment, as a payment would', async () => {
    const { service } = await bookings();
    await service.request(request('b1', { amountMinor: 5000, currency: 'EUR' }));
    const waiting = await service.transition('b1', 'accepted', { userId: 'advisor' });
    expect(waiting.status).toBe('awaiting_payment');
    await expect(service.transition('b1', 'confirmed', { userId: 'client' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await service.transition('b1', 'confirmed', 'relay')).status).toBe('confirmed');
  });

  it('a sweep finishes an acceptance a stopped relay left halfway', async () => {
    const { service, storage } = await bookings();
    await service.request(request('b1'));
    await storage.advisors.transitionBooking({
      bookingId: 'b1',
      from: 'requested',
      to: 'accepted',
      actor: { kind: 'advisor', userId: 'advisor' },
      at: winterMonday,
      reason: null,
    });
    await service.sweep();
    expect((await storage.advisors.findBooking('b1'))?.status).toBe('confirmed');
  });

  it('a listener that throws is reported, and the change stands', async () => {
    const { service, storage, failures } = await bookings();
    service.onChange(() => {
      throw new Error('listener broke');
    });
    await service.request(request('b1'));
    expect(failures).toEqual(['bookings']);
    expect((await storage.advisors.findBooking('b1'))?.status).toBe('requested');
  });
});
