import { request } from 'node:http';
import Database from 'better-sqlite3';
import Stripe from 'stripe';
import { afterEach, expect, it } from 'vitest';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { DataDir } from '../testing/relay-harness.js';
import { RelayProcess } from '../testing/relay-process.js';

// The provider is played by this test: it signs its webhook with the Stripe SDK's own helper and
// retries it, as Stripe does when it gets no 2xx answer. No Stripe API call is made.
const webhookSecret = 'whsec_tally_test_secret_0000';
const { webhooks } = new Stripe('sk_test_signing_only_000000');
const env = {
  PAYMENT_PROVIDER: 'stripe',
  STRIPE_SECRET_KEY: 'sk_test_tally_0000000000',
  STRIPE_WEBHOOK_SECRET: webhookSecret,
};

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A booking waiting for payment, with its open checkout, stored in the relay's SQLite file. */
async function seed(file: string): Promise<void> {
  const storage = new SqliteStorage(file);
  const now = Date.now();
  for (const id of ['client', 'advisor']) {
    await storage.accounts.createUser({
      id,
      email: `${id}@example.com`,
      passwordHash: 'x',
      docId: `ledger-${id}`,
      createdAt: now,
    });
  }
  await storage.advisors.createBooking({
    id: 'booking-1',
    advisorId: 'advisor',
    clientId: 'client',
    start: now + 86_400_000,
    end: now + 90_000_000,
    message: '',
    price: { amountMinor: 6000, currency: 'EUR' },
    shareDocId: null,
    idempotencyKey: 'booking-1',
    createdAt: now,
    respondBy: now + 3_600_000,
  });
  const actor = { kind: 'advisor', userId: 'advisor' } as const;
  await storage.advisors.transitionBooking({
    bookingId: 'booking-1',
    from: 'requested',
    to: 'accepted',
    actor,
    at: now,
    reason: null,
  });
  await storage.advisors.transitionBooking({
    bookingId: 'booking-1',
    from: 'accepted',
    to: 'awaiting_payment',
    actor: { kind: 'relay' },
    at: now,
    reason: null,
    paymentDueAt: now + 3_600_000,
  });
  await storage.payments.openCheckout({
    provider: 'stripe',
    checkoutId: 'cs_test_1',
    bookingId: 'booking-1',
    attempt: 1,
    clientId: 'client',
    advisorId: 'advisor',
    amount: 6000,
    currency: 'EUR',
    createdAt: now,
    url: null,
  });
  await storage.close();
}

const payload = JSON.stringify({
  id: 'evt_paid',
  object: 'event',
  type: 'checkout.session.completed',
  data: {
    object: {
      id: 'cs_test_1',
      object: 'checkout.session',
      payment_status: 'paid',
      amount_total: 6000,
      currency: 'eur',
      payment_intent: 'pi_1',
    },
  },
});

/** Sends the webhook; resolves with its status, or null when the relay never answered. */
function send(port: number): Promise<number | null> {
  const signature = webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
  return new Promise((resolve) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/payments/stripe/webhook',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? null);
      },
    );
    sent.on('error', () => resolve(null));
    sent.end(payload);
  });
}

/** Waits, with patience, until the relay has committed the event (read through a second connection). */
async function eventStored(file: string): Promise<void> {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    while (reader.prepare("SELECT 1 FROM payment_events WHERE event_id = 'evt_paid'").get() === undefined) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    reader.close();
  }
}

it('[PAY3] a relay killed once it stored a payment event, before the provider took its answer: the retry is answered 200, one payment, the booking confirmed', {
  timeout: 120_000,
}, async () => {
  const dataDir = new DataDir();
  cleanup.push(() => dataDir.remove());
  await seed(dataDir.dbFile);

  const first = await RelayProcess.spawn(dataDir.path, 0, env);
  cleanup.push(() => first.kill('SIGKILL'));
  void send(first.port);
  await eventStored(dataDir.dbFile);
  await first.kill('SIGKILL');

  const second = await RelayProcess.spawn(dataDir.path, 0, env);
  cleanup.push(() => second.kill('SIGKILL'));
  expect(await send(second.port)).toBe(200);
  expect(await second.kill('SIGTERM')).toEqual({ code: 0, signal: null });

  const storage = new SqliteStorage(dataDir.dbFile);
  cleanup.push(() => storage.close());
  expect((await storage.advisors.findBooking('booking-1'))?.status).toBe('confirmed');
  expect(await storage.payments.checkoutsOf('booking-1')).toEqual([
    expect.objectContaining({ status: 'paid', paymentId: 'pi_1' }),
  ]);
  const confirmations = (await storage.advisors.bookingEvents('booking-1')).filter((event) => event.to === 'confirmed');
  expect(confirmations).toHaveLength(1);
});
