import { randomBytes } from 'node:crypto';
import { buildRelay } from '../build-relay.js';
import type { RelayConfig } from '../relay-config.js';
import type { RelayApp } from '../relay-context.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import type { Session } from './relay-harness.js';

/** A relay taking payments, with a clock a test moves, and two accounts: a client and an advisor. */
export interface PaymentRelay {
  readonly app: RelayApp;
  readonly storage: RelayStorage;
  readonly client: Session;
  readonly advisor: Session;
  readonly clock: { now: number };
}

/**
 * Stripe settings for a relay that books priced sessions but whose tests never pay: its API is an
 * address where nothing listens, so a stray call fails rather than reaching Stripe (PAY6).
 */
export const unreachableStripe = {
  paymentProvider: 'stripe',
  stripeSecretKey: 'sk_test_tally_0000000000',
  stripeWebhookSecret: 'whsec_tally_0000000000',
  stripeApiUrl: 'http://127.0.0.1:9',
} as const satisfies Partial<RelayConfig>;

export const sessionStart = Date.UTC(2026, 11, 10, 9, 0, 0);

export async function startPaymentRelay(
  storage: RelayStorage,
  config: Partial<RelayConfig>,
  clock: { now: number },
  signingKey = new Uint8Array(randomBytes(32)),
): Promise<PaymentRelay> {
  const app = await buildRelay({
    storage,
    signingKey,
    passwordCost: 2 ** 10,
    logLevel: 'silent',
    authRequestsPerMinute: 10_000,
    publicUrl: 'https://tally.example',
    clock: () => clock.now,
    ...config,
  });
  const register = async (email: string): Promise<Session> => {
    const existing = await storage.accounts.findUserByEmail(email);
    const response = await app.inject({
      method: 'POST',
      url: existing === null ? '/api/auth/register' : '/api/auth/login',
      payload: { email, password: 'correct horse battery', deviceName: 'Phone' },
    });
    return response.json<Session>();
  };
  return {
    app,
    storage,
    client: await register('client@example.com'),
    advisor: await register('advisor@example.com'),
    clock,
  };
}

/**
 * A priced booking accepted and waiting for payment, its hold ending 30 minutes from now, as the
 * advisors' routes leave one (made here through storage: the booking flow has its own tests).
 */
export async function bookingAwaitingPayment(
  relay: PaymentRelay,
  id: string,
  price = { amountMinor: 6000, currency: 'EUR' },
  start = sessionStart,
): Promise<void> {
  const { storage, client, advisor, clock } = relay;
  await storage.advisors.createBooking({
    id,
    advisorId: advisor.userId,
    clientId: client.userId,
    start,
    end: start + 45 * 60_000,
    message: 'Help me with my budget',
    price,
    shareDocId: null,
    idempotencyKey: id,
    createdAt: clock.now,
    respondBy: start,
  });
  const move = (from: 'requested' | 'accepted', to: 'accepted' | 'awaiting_payment') =>
    storage.advisors.transitionBooking({
      bookingId: id,
      from,
      to,
      actor: { kind: 'advisor', userId: advisor.userId },
      at: clock.now,
      reason: null,
      ...(to === 'awaiting_payment' && { paymentDueAt: clock.now + 30 * 60_000 }),
    });
  await move('requested', 'accepted');
  await move('accepted', 'awaiting_payment');
}
