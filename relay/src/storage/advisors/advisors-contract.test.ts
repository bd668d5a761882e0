import type { BookingStatus } from '@tally/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import type { AdvisorProfile, BookingActor, NewBooking } from './advisors.js';

const hour = 3_600_000;
const users = ['advisor', 'client', 'other', ...Array.from({ length: 20 }, (_, i) => `racer-${i}`)];

const profile: AdvisorProfile = {
  userId: 'user-advisor',
  displayName: 'Ana Advisor',
  headline: 'Budgets that hold',
  bio: 'Ten years of household budgets.',
  specialties: ['budgeting', 'debt'],
  languages: ['en', 'es-CO'],
  timeZone: 'Europe/Berlin',
  sessionMinutes: 60,
  price: { amountMinor: 5000, currency: 'EUR' },
  acceptingClients: true,
  updatedAt: 10,
};

function booking(id: string, clientId = 'user-client', start = 100 * hour, key = `key-${id}`): NewBooking {
  return {
    id,
    advisorId: 'user-advisor',
    clientId,
    start,
    end: start + hour,
    message: 'Help me plan',
    price: null,
    shareDocId: null,
    idempotencyKey: key,
    createdAt: 1_000,
    respondBy: 1_000 + 48 * hour,
  };
}

describe.each(storageImplementations)('$name advisors keep their contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
    for (const [index, name] of users.entries()) {
      await storage.accounts.createUser({
        id: `user-${name}`,
        email: `${name}@example.com`,
        passwordHash: 'hash',
        docId: `ledger-${name}`,
        createdAt: index,
      });
    }
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('[D1] a profile is published, replaced, and listed by display name', async () => {
    expect(await storage.advisors.findProfile(profile.userId)).toBeNull();
    await storage.advisors.saveProfile(profile);
    await storage.advisors.saveProfile({ ...profile, userId: 'user-other', displayName: 'Ben', price: null });
    await storage.advisors.saveProfile({ ...profile, headline: 'Debts paid off', updatedAt: 20 });
    expect(await storage.advisors.findProfile(profile.userId)).toEqual({
      ...profile,
      headline: 'Debts paid off',
      updatedAt: 20,
    });
    expect((await storage.advisors.listProfiles()).map((listed) => [listed.displayName, listed.price])).toEqual([
      ['Ana Advisor', { amountMinor: 5000, currency: 'EUR' }],
      ['Ben', null],
    ]);
  });

  it('[D2] hours are none until set, then exactly what was set last', async () => {
    expect(await storage.advisors.availabilityOf(profile.userId)).toEqual({ weekly: [], exceptions: [] });
    const hours = {
      weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
      exceptions: [{ date: '2026-12-24', hours: [] }],
    };
    await storage.advisors.saveAvailability(profile.userId, { weekly: [], exceptions: [] }, 1);
    await storage.advisors.saveAvailability(profile.userId, hours, 2);
    expect(await storage.advisors.availabilityOf(profile.userId)).toEqual(hours);
  });

  it('[D4] a booking holds its slot until it is declined; then the slot can be booked again', async () => {
    const first = await storage.advisors.createBooking(booking('b1'));
    expect(first).toMatchObject({ kind: 'created', booking: { id: 'b1', status: 'requested', shareState: null } });
    expect(await storage.advisors.createBooking(booking('b2', 'user-other'))).toEqual({ kind: 'slot_taken' });
    expect(await storage.advisors.heldSlots('user-advisor', 0)).toEqual([{ start: 100 * hour, end: 101 * hour }]);
    await storage.advisors.transitionBooking({
      bookingId: 'b1',
      from: 'requested',
      to: 'declined',
      actor: { kind: 'advisor', userId: 'user-advisor' },
      at: 2_000,
      reason: null,
    });
    expect(await storage.advisors.heldSlots('user-advisor', 0)).toEqual([]);
    expect(await storage.advisors.createBooking(booking('b3', 'user-other'))).toMatchObject({ kind: 'created' });
  });

  it('[D5] the same idempotency key from the same client returns the first booking, unchanged', async () => {
    await storage.advisors.createBooking(booking('b1', 'user-client', 100 * hour, 'retry-key'));
    const again = await storage.advisors.createBooking(booking('b9', 'user-client', 200 * hour, 'retry-key'));
    expect(again).toMatchObject({ kind: 'existing', booking: { id: 'b1', start: 100 * hour } });
    expect(await storage.advisors.createBooking(booking('b2', 'user-other', 300 * hour, 'retry-key'))).toMatchObject({
      kind: 'created',
    });
    expect((await storage.advisors.bookingsOf('user-client')).map((b) => b.id)).toEqual(['b1']);
    expect((await storage.advisors.bookingsOf('user-advisor')).map((b) => b.id)).toEqual(['b1', 'b2']);
  });

  it('[D5] a booking is found by its client’s idempotency key, whatever its status, and by no one else’s', async () => {
    await storage.advisors.createBooking(booking('b1', 'user-client', 100 * hour, 'retry-key'));
    await storage.advisors.transitionBooking({
      bookingId: 'b1',
      from: 'requested',
      to: 'declined',
      actor: { kind: 'advisor', userId: 'user-advisor' },
      at: 2_000,
      reason: null,
    });
    expect(await storage.advisors.findBookingByKey('user-client', 'retry-key')).toMatchObject({
      id: 'b1',
      status: 'declined',
      start: 100 * hour,
    });
    expect(await storage.advisors.findBookingByKey('user-other', 'retry-key')).toBeNull();
    expect(await storage.advisors.findBookingByKey('user-client', 'other-key')).toBeNull();
  });

  it('[D4] 20 requests raced for one slot, over two connections, leave exactly one holding it', async () => {
    const second = await reopen();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? storage : second).advisors.createBooking(booking(`race-${i}`, `user-racer-${i}`)),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'created')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'slot_taken')).toHaveLength(19);
    expect(await storage.advisors.heldSlots('user-advisor', 0)).toHaveLength(1);
    if (second !== storage) await second.close();
  });

  it('[D3] a transition is a compare-and-swap: of racing moves from one status exactly one wins, and the trail says who', async () => {
    await storage.advisors.createBooking(booking('b1'));
    const second = await reopen();
    const moves = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? storage : second).advisors.transitionBooking({
          bookingId: 'b1',
          from: 'requested',
          to: i % 2 === 0 ? 'accepted' : 'cancelled',
          actor: i % 2 === 0 ? { kind: 'advisor', userId: 'user-advisor' } : { kind: 'client', userId: 'user-client' },
          at: 2_000 + i,
          reason: i % 2 === 0 ? null : 'found someone else',
        }),
      ),
    );
    const winners = moves.filter((move) => move !== null);
    expect(winners).toHaveLength(1);
    const events = await storage.advisors.bookingEvents('b1');
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      bookingId: 'b1',
      from: null,
      to: 'requested',
      actor: { kind: 'client', userId: 'user-client' },
      at: 1_000,
      reason: null,
    });
    expect(events[1]?.from).toBe('requested');
    expect(events[1]?.to).toBe(winners[0]?.status);
    expect((await storage.advisors.findBooking('b1'))?.status).toBe(winners[0]?.status);
    if (second !== storage) await second.close();
  });

  it('[D6] requests past their answer time and payments past their hold are due to expire', async () => {
    await storage.advisors.createBooking({ ...booking('late'), respondBy: 5_000 });
    await storage.advisors.createBooking({ ...booking('fresh', 'user-other', 200 * hour), respondBy: 9_000 });
    await storage.advisors.createBooking({ ...booking('priced', 'user-racer-0', 300 * hour), respondBy: 9_000 });
    const advisor = { kind: 'advisor', userId: 'user-advisor' } as const;
    await storage.advisors.transitionBooking({
      bookingId: 'priced',
      from: 'requested',
      to: 'accepted',
      actor: advisor,
      at: 2_000,
      reason: null,
    });
    const held = await storage.advisors.transitionBooking({
      bookingId: 'priced',
      from: 'accepted',
      to: 'awaiting_payment',
      actor: { kind: 'relay' },
      at: 2_000,
      reason: null,
      paymentDueAt: 4_000,
    });
    expect(held).toMatchObject({ status: 'awaiting_payment', paymentDueAt: 4_000 });
    expect((await storage.advisors.expiringBookings(4_999)).map((b) => b.id)).toEqual(['priced']);
    expect((await storage.advisors.bookingsInStatus('requested')).map((b) => b.id)).toEqual(['late', 'fresh']);
    expect((await storage.advisors.expiringBookings(5_000)).map((b) => b.id)).toEqual(['late', 'priced']);
  });

  it('[PAY7] confirmed sessions cancelled since a time are listed oldest first, nothing else', async () => {
    const advisor = { kind: 'advisor', userId: 'user-advisor' } as const;
    const client = { kind: 'client', userId: 'user-client' } as const;
    const move = (bookingId: string, from: BookingStatus, to: BookingStatus, at: number, actor: BookingActor) =>
      storage.advisors.transitionBooking({ bookingId, from, to, actor, at, reason: to === 'cancelled' ? 'Ill' : null });
    for (const [id, start] of [
      ['early', 100],
      ['late', 200],
      ['old', 300],
    ] as const) {
      await storage.advisors.createBooking(booking(id, 'user-client', start * hour));
      await move(id, 'requested', 'accepted', 2_000, advisor);
      await move(id, 'accepted', 'confirmed', 2_000, { kind: 'relay' });
    }
    await storage.advisors.createBooking(booking('unconfirmed', 'user-other', 400 * hour));
    await move('unconfirmed', 'requested', 'cancelled', 6_000, client);
    await move('late', 'confirmed', 'cancelled', 7_000, client);
    await move('early', 'confirmed', 'cancelled', 6_500, advisor);
    await move('old', 'confirmed', 'cancelled', 4_000, advisor);

    expect(await storage.advisors.cancellationsSince(5_000)).toEqual([
      { bookingId: 'early', from: 'confirmed', to: 'cancelled', actor: advisor, at: 6_500, reason: 'Ill' },
      { bookingId: 'late', from: 'confirmed', to: 'cancelled', actor: client, at: 7_000, reason: 'Ill' },
    ]);
  });

  it('[D9] a share moves through its states by compare-and-swap', async () => {
    await storage.advisors.createBooking({ ...booking('b1'), shareDocId: 'ledger-client' });
    expect((await storage.advisors.findBooking('b1'))?.shareState).toBe('pending');
    expect(await storage.advisors.setShareState('b1', 'granted', 'ended')).toBe(false);
    expect(await storage.advisors.setShareState('b1', 'pending', 'granted')).toBe(true);
    expect((await storage.advisors.bookingsWithShare('granted')).map((b) => b.shareDocId)).toEqual(['ledger-client']);
    expect(await storage.advisors.setShareState('b1', 'pending', 'granted')).toBe(false);
  });
});
