import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import { defaultNotificationPreferences, type NewPush, type PushSubscriptionRecord } from './push-store.js';

const alice = {
  id: 'user-alice',
  email: 'alice@example.com',
  passwordHash: 'hash-a',
  docId: 'ledger-alice',
  createdAt: 1,
};
const bob = { id: 'user-bob', email: 'bob@example.com', passwordHash: 'hash-b', docId: 'ledger-bob', createdAt: 2 };

function subscription(endpoint: string, deviceId = 'phone', userId = alice.id, createdAt = 10): PushSubscriptionRecord {
  return { endpoint, userId, deviceId, p256dh: `key-${endpoint}`, auth: `auth-${endpoint}`, createdAt };
}

function push(endpoint: string, createdAt = 100): NewPush {
  return { endpoint, payload: JSON.stringify({ title: 'Rent is due tomorrow' }), createdAt };
}

describe.each(storageImplementations)('$name push store keeps its contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
    await storage.accounts.createUser(alice);
    await storage.accounts.createUser(bob);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 5 });
    await storage.accounts.createDevice({ id: 'laptop', userId: alice.id, name: 'Laptop', createdAt: 6 });
    await storage.accounts.createDevice({ id: 'bob-phone', userId: bob.id, name: 'Phone', createdAt: 7 });
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('[N1] a device subscribes and unsubscribes; another account cannot remove its subscription', async () => {
    await storage.push.subscribe(subscription('https://push.example/a'));
    await storage.push.subscribe(subscription('https://push.example/b', 'laptop', alice.id, 20));
    expect((await storage.push.subscriptionsOf(alice.id)).map((s) => s.endpoint)).toEqual([
      'https://push.example/a',
      'https://push.example/b',
    ]);
    expect(await storage.push.unsubscribe(bob.id, 'https://push.example/a')).toBe(false);
    expect(await storage.push.unsubscribe(alice.id, 'https://push.example/a')).toBe(true);
    expect(await storage.push.unsubscribe(alice.id, 'https://push.example/a')).toBe(false);
    expect(await storage.push.findSubscription('https://push.example/b')).toEqual(
      subscription('https://push.example/b', 'laptop', alice.id, 20),
    );
  });

  it('[N1] an endpoint subscribed again belongs to the device that subscribed it last', async () => {
    await storage.push.subscribe(subscription('https://push.example/a'));
    await storage.push.subscribe(subscription('https://push.example/a', 'bob-phone', bob.id, 30));
    expect(await storage.push.subscriptionsOf(alice.id)).toEqual([]);
    expect(await storage.push.subscriptionsOf(bob.id)).toEqual([
      subscription('https://push.example/a', 'bob-phone', bob.id, 30),
    ]);
  });

  it('[N1] a revoked device loses its subscriptions, and a gone endpoint is removed', async () => {
    await storage.push.subscribe(subscription('https://push.example/a'));
    await storage.push.subscribe(subscription('https://push.example/b', 'laptop'));
    expect(await storage.push.removeDeviceSubscriptions('phone')).toBe(1);
    await storage.push.removeSubscription('https://push.example/b');
    expect(await storage.push.subscriptionsOf(alice.id)).toEqual([]);
  });

  it('[N2] a notification is made once per dedupe key, its pushes queued with it, even after reopening', async () => {
    expect(await storage.push.notify('reminder:1', alice.id, 100, [push('a'), push('b')])).toBe(true);
    expect(await storage.push.notify('reminder:1', alice.id, 200, [push('c', 200)])).toBe(false);
    const reopened = await reopen();
    expect(await reopened.push.notified('reminder:1')).toBe(true);
    expect(await reopened.push.notify('reminder:1', alice.id, 300, [push('c', 300)])).toBe(false);
    expect((await reopened.push.duePushes(1_000, 10)).map((due) => due.endpoint)).toEqual(['a', 'b']);
    if (reopened !== storage) await reopened.close();
  });

  it('[N2][N3] a notification by push and email queues its pushes and its mail once, in one transaction, even after reopening', async () => {
    const reminder = {
      dedupeKey: 'bill-reminder:ledger-alice:rent:2026-03-30',
      userId: alice.id,
      createdAt: 100,
      pushes: [push('https://push.example/a'), push('https://push.example/b')],
      mail: {
        dedupeKey: 'bill-reminder:ledger-alice:rent:2026-03-30',
        to: alice.email,
        kind: 'bill-reminder' as const,
        language: 'de' as const,
        values: {
          link: 'https://tally.example/#/recurring',
          payee: 'Miete',
          amount: '850,00 €',
          date: '30. März 2026',
        },
        createdAt: 100,
      },
    };
    expect(await storage.notify(reminder)).toBe(true);
    const reopened = await reopen();
    expect(await reopened.notify({ ...reminder, createdAt: 200, mail: { ...reminder.mail, createdAt: 200 } })).toBe(
      false,
    );
    expect(await reopened.push.notified(reminder.dedupeKey)).toBe(true);
    expect((await reopened.push.duePushes(1_000, 10)).map((due) => due.endpoint)).toEqual([
      'https://push.example/a',
      'https://push.example/b',
    ]);
    expect((await reopened.mail.dueMails(1_000, 10)).map((due) => [due.dedupeKey, due.to, due.values])).toEqual([
      [reminder.dedupeKey, alice.email, reminder.mail.values],
    ]);

    // A key already made by push alone is not made again with a mail; a mail-less notification queues none.
    await reopened.push.notify('bill-reminder:ledger-alice:rent:2026-04-30', alice.id, 300, []);
    expect(
      await reopened.notify({ ...reminder, dedupeKey: 'bill-reminder:ledger-alice:rent:2026-04-30', pushes: [] }),
    ).toBe(false);
    expect(await reopened.notify({ ...reminder, dedupeKey: 'invitation:1', pushes: [], mail: null })).toBe(true);
    expect(await reopened.mail.dueMails(1_000, 10)).toHaveLength(1);
    if (reopened !== storage) await reopened.close();
  });

  it('[N2] a retried push waits for its next attempt; a sent or failed one is never due again', async () => {
    await storage.push.notify('n', alice.id, 100, [push('a'), push('b'), push('c')]);
    const [a, b, c] = await storage.push.duePushes(100, 10);
    if (a === undefined || b === undefined || c === undefined) throw new Error('three pushes are due');
    expect(await storage.push.duePushes(99, 10)).toEqual([]);
    await storage.push.markRetry(a.id, 500, 'push service answered 503');
    await storage.push.markSent(b.id, 110);
    await storage.push.markFailed(c.id, 120, 'push service answered 410: the subscription is gone');
    expect(await storage.push.duePushes(499, 10)).toEqual([]);
    expect(await storage.push.nextDueAt()).toBe(500);
    expect(await storage.push.duePushes(500, 10)).toMatchObject([
      { id: a.id, attempts: 1, state: 'pending', lastError: 'push service answered 503' },
    ]);
    expect(await storage.push.prune(100)).toBe(0);
    expect(await storage.push.notified('n')).toBe(true);
    expect(await storage.push.prune(121)).toBe(2);
    expect(await storage.push.notified('n')).toBe(false);
    expect(await storage.push.nextDueAt()).toBe(500);
  });

  it('[N3] preferences default until set, and are kept per account with the time zone', async () => {
    expect(await storage.push.preferencesOf(alice.id)).toEqual(defaultNotificationPreferences);
    const chosen = {
      timeZone: 'Europe/Berlin',
      kinds: {
        billReminders: { email: true, push: false },
        invitations: { email: false, push: true },
        bookings: { email: false, push: false },
        messages: { email: true, push: false },
        payments: { email: false, push: false },
      },
    };
    await storage.push.setPreferences(alice.id, chosen);
    expect(await storage.push.preferencesOf(alice.id)).toEqual(chosen);
    expect(await storage.push.preferencesOf(bob.id)).toEqual(defaultNotificationPreferences);
    expect(await storage.push.accountsWithPreferences()).toEqual([{ userId: alice.id, preferences: chosen }]);
  });
});
