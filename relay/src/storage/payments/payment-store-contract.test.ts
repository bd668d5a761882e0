import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentEvent } from '../../payments/payment-event.js';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import type { NewCheckout } from './payment-store.js';

const client = { id: 'user-client', email: 'client@example.com', passwordHash: 'h', docId: 'ledger-c', createdAt: 1 };
const advisor = { id: 'user-advisor', email: 'adv@example.com', passwordHash: 'h', docId: 'ledger-a', createdAt: 2 };
const stranger = { id: 'user-other', email: 'other@example.com', passwordHash: 'h', docId: 'ledger-o', createdAt: 3 };

function checkout(attempt: number, overrides: Partial<NewCheckout> = {}): NewCheckout {
  return {
    provider: 'stripe',
    checkoutId: `cs_test_${attempt}`,
    bookingId: 'booking-1',
    attempt,
    clientId: client.id,
    advisorId: advisor.id,
    amount: 6000,
    currency: 'EUR',
    createdAt: 100 * attempt,
    url: `https://checkout.example/cs_test_${attempt}`,
    ...overrides,
  };
}

function event(eventId: string, overrides: Partial<PaymentEvent> = {}): PaymentEvent {
  return {
    provider: 'stripe',
    eventId,
    kind: 'paid',
    checkoutId: 'cs_test_1',
    paymentId: 'pi_1',
    amount: 6000,
    currency: 'EUR',
    refundId: null,
    ...overrides,
  };
}

describe.each(storageImplementations)('$name payment store keeps its contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
    for (const user of [client, advisor, stranger]) await storage.accounts.createUser(user);
    for (const [index, id] of ['booking-1', 'booking-2'].entries()) {
      await storage.advisors.createBooking({
        id,
        advisorId: advisor.id,
        clientId: client.id,
        start: 10_000_000 + index * 3_600_000,
        end: 10_000_000 + index * 3_600_000 + 1_800_000,
        message: '',
        price: { amountMinor: 6000, currency: 'EUR' },
        shareDocId: null,
        idempotencyKey: id,
        createdAt: 10,
        respondBy: 9_000_000,
      });
    }
  });

  /** The booking accepted and waiting for its payment, as the relay leaves a priced one (PAY2). */
  async function awaitingPayment(bookingId: string): Promise<void> {
    for (const [from, to] of [
      ['requested', 'accepted'],
      ['accepted', 'awaiting_payment'],
    ] as const) {
      await storage.advisors.transitionBooking({ bookingId, from, to, actor: { kind: 'relay' }, at: 20, reason: null });
    }
  }
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('[PAY2] keeps each checkout of a booking, once, in the order of its attempts', async () => {
    await storage.payments.openCheckout(checkout(2));
    await storage.payments.openCheckout(checkout(1));
    await storage.payments.openCheckout(checkout(1, { amount: 1 }));
    expect((await storage.payments.checkoutsOf('booking-1')).map((p) => [p.checkoutId, p.status, p.amount])).toEqual([
      ['cs_test_1', 'open', 6000],
      ['cs_test_2', 'open', 6000],
    ]);
  });

  it('[PAY3] a paid event marks its checkout paid once; the same event again is a duplicate and changes nothing', async () => {
    await storage.payments.openCheckout(checkout(1));
    const first = await storage.payments.fulfil(event('evt_1'), 500);
    expect(first.outcome).toBe('paid');
    expect(first.payment).toMatchObject({ status: 'paid', paymentId: 'pi_1', paidAmount: 6000, paidAt: 500 });
    expect(await storage.payments.fulfil(event('evt_1'), 600)).toEqual({ outcome: 'duplicate', payment: null });
    const again = await reopen();
    expect(await again.payments.fulfil(event('evt_1'), 700)).toEqual({ outcome: 'duplicate', payment: null });
    expect(await again.payments.checkoutsOf('booking-1')).toEqual([first.payment]);
    if (again !== storage) await again.close();
  });

  it('[PAY3] an amount one minor unit short, or another currency, is recorded as mismatched', async () => {
    await storage.payments.openCheckout(checkout(1));
    await storage.payments.openCheckout(checkout(2));
    expect((await storage.payments.fulfil(event('evt_short', { amount: 5999 }), 500)).outcome).toBe('mismatched');
    expect(
      (await storage.payments.fulfil(event('evt_usd', { checkoutId: 'cs_test_2', currency: 'USD' }), 500)).outcome,
    ).toBe('mismatched');
    expect(
      (await storage.payments.checkoutsOf('booking-1')).map((p) => [p.status, p.paidAmount, p.paidCurrency]),
    ).toEqual([
      ['mismatched', 5999, 'EUR'],
      ['mismatched', 6000, 'USD'],
    ]);
  });

  it('[PAY3] an expiry releases an open checkout, and one after the payment changes nothing', async () => {
    await storage.payments.openCheckout(checkout(1));
    await storage.payments.openCheckout(checkout(2));
    expect((await storage.payments.fulfil(event('evt_exp', { kind: 'expired', paymentId: null }), 500)).outcome).toBe(
      'released',
    );
    await storage.payments.fulfil(event('evt_paid', { checkoutId: 'cs_test_2' }), 600);
    const late = await storage.payments.fulfil(
      event('evt_exp2', { kind: 'expired', checkoutId: 'cs_test_2', paymentId: null }),
      700,
    );
    expect(late.outcome).toBe('unchanged');
    expect((await storage.payments.checkoutsOf('booking-1')).map((p) => p.status)).toEqual(['expired', 'paid']);
  });

  it('[PAY3] an event about no checkout the relay made is kept as seen and changes nothing', async () => {
    expect(await storage.payments.fulfil(event('evt_x', { checkoutId: 'cs_elsewhere' }), 500)).toEqual({
      outcome: 'unknown',
      payment: null,
    });
    expect((await storage.payments.fulfil(event('evt_x', { checkoutId: 'cs_elsewhere' }), 500)).outcome).toBe(
      'duplicate',
    );
  });

  it('[PAY4] a refund is asked for a paid checkout only, and its webhook records it refunded once', async () => {
    await storage.payments.openCheckout(checkout(1));
    const refund = { refundId: 're_1', amount: 6000, at: 800 };
    expect(await storage.payments.startRefund('stripe', 'cs_test_1', refund)).toBe(false);
    await storage.payments.fulfil(event('evt_paid'), 500);
    expect(await storage.payments.startRefund('stripe', 'cs_test_1', refund)).toBe(true);
    expect(await storage.payments.startRefund('stripe', 'cs_test_1', refund)).toBe(false);
    const refunded = await storage.payments.fulfil(
      event('evt_refund', { kind: 'refunded', checkoutId: null, refundId: 're_1' }),
      900,
    );
    expect(refunded.outcome).toBe('refunded');
    expect(refunded.payment).toMatchObject({
      status: 'refunded',
      refundId: 're_1',
      refundAmount: 6000,
      refundRequestedAt: 800,
      refundedAt: 900,
    });
    const again = await storage.payments.fulfil(
      event('evt_refund_again', { kind: 'refunded', checkoutId: null, refundId: 're_1' }),
      950,
    );
    expect(again.outcome).toBe('unchanged');
  });

  it('[PAY3] a payment its booking could not take becomes late, and can be refunded', async () => {
    await storage.payments.openCheckout(checkout(1));
    await storage.payments.fulfil(event('evt_paid'), 500);
    await storage.payments.markLate('stripe', 'cs_test_1', 510);
    expect((await storage.payments.checkoutsOf('booking-1'))[0]?.status).toBe('late');
    expect(await storage.payments.startRefund('stripe', 'cs_test_1', { refundId: 're_2', amount: 6000, at: 520 })).toBe(
      true,
    );
  });

  it('[PAY7] a refund owed is kept until it is asked, deferred after a failure, and found again when due, across a reopen', async () => {
    await storage.payments.openCheckout(checkout(1));
    expect(await storage.payments.oweRefund('stripe', 'cs_test_1', 400)).toBeNull();
    await storage.payments.fulfil(event('evt_paid'), 500);
    expect(await storage.payments.oweRefund('stripe', 'cs_test_1', 600)).toMatchObject({ refundDueAt: 600 });
    expect(await storage.payments.oweRefund('stripe', 'cs_test_1', 650)).toBeNull();
    await storage.payments.deferRefund('stripe', 'cs_test_1', 60_600);
    const reopened = await reopen();
    expect(await reopened.payments.refundsDue(60_599, 10)).toEqual([]);
    expect(await reopened.payments.refundsDue(60_600, 10)).toEqual([
      expect.objectContaining({ checkoutId: 'cs_test_1', status: 'paid', refundDueAt: 60_600, refundAttempts: 1 }),
    ]);
    if (reopened !== storage) await reopened.close();
    await storage.payments.startRefund('stripe', 'cs_test_1', { refundId: 're_1', amount: 6000, at: 60_700 });
    expect(await storage.payments.refundsDue(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
    await storage.payments.deferRefund('stripe', 'cs_test_1', 90_000);
    expect((await storage.payments.checkoutsOf('booking-1'))[0]).toMatchObject({
      status: 'refunding',
      refundDueAt: null,
    });
  });

  it('[PAY7] a mismatched payment owes its refund from when it is recorded, and can be refunded', async () => {
    await storage.payments.openCheckout(checkout(1));
    await storage.payments.fulfil(event('evt_short', { amount: 5999 }), 500);
    expect(await storage.payments.refundsDue(500, 10)).toEqual([
      expect.objectContaining({ status: 'mismatched', paidAmount: 5999, refundDueAt: 500 }),
    ]);
    expect(await storage.payments.startRefund('stripe', 'cs_test_1', { refundId: 're_3', amount: 5999, at: 510 })).toBe(
      true,
    );
    const refunded = await storage.payments.fulfil(
      event('evt_refund', { kind: 'refunded', checkoutId: null, refundId: 're_3', amount: 5999 }),
      520,
    );
    expect(refunded.payment).toMatchObject({ status: 'refunded', refundAmount: 5999 });
  });

  it('[PAY4] the client and the advisor each see the payment in their history, newest first; nobody else does', async () => {
    await storage.payments.openCheckout(checkout(1));
    await storage.payments.openCheckout(
      checkout(1, { bookingId: 'booking-2', checkoutId: 'cs_other', createdAt: 900 }),
    );
    for (const user of [client, advisor]) {
      expect((await storage.payments.historyOf(user.id, 50)).map((p) => p.checkoutId)).toEqual([
        'cs_other',
        'cs_test_1',
      ]);
    }
    expect(await storage.payments.historyOf(client.id, 1)).toHaveLength(1);
    expect(await storage.payments.historyOf(stranger.id, 50)).toEqual([]);
  });

  it('[PAY3] a paid event confirms its booking in the same transaction, once; the audit names the relay', async () => {
    await awaitingPayment('booking-1');
    await storage.payments.openCheckout(checkout(1));
    const paid = await storage.fulfilPayment(event('evt_paid'), 500);
    expect(paid.outcome).toBe('paid');
    expect(paid.booking?.status).toBe('confirmed');
    expect(await storage.fulfilPayment(event('evt_paid'), 600)).toEqual({
      outcome: 'duplicate',
      payment: null,
      booking: null,
    });
    expect((await storage.advisors.bookingEvents('booking-1')).at(-1)).toEqual({
      bookingId: 'booking-1',
      from: 'awaiting_payment',
      to: 'confirmed',
      actor: { kind: 'relay' },
      at: 500,
      reason: null,
    });
  });

  it('[PAY3] a mismatched amount leaves the booking waiting; an expiry lets its slot go', async () => {
    await awaitingPayment('booking-1');
    await storage.payments.openCheckout(checkout(1));
    await storage.payments.openCheckout(checkout(2));
    const short = await storage.fulfilPayment(event('evt_short', { amount: 5999 }), 500);
    expect([short.outcome, short.booking]).toEqual(['mismatched', null]);
    expect((await storage.advisors.findBooking('booking-1'))?.status).toBe('awaiting_payment');
    const expired = await storage.fulfilPayment(
      event('evt_exp', { kind: 'expired', checkoutId: 'cs_test_2', paymentId: null }),
      600,
    );
    expect(expired.outcome).toBe('released');
    expect(expired.booking?.status).toBe('expired');
    expect(await storage.advisors.heldSlots(advisor.id, 0)).toEqual([
      { start: 10_000_000 + 3_600_000, end: 10_000_000 + 3_600_000 + 1_800_000 },
    ]);
  });

  it('[PAY3] money for a booking that no longer waits for it is kept as late, and the booking stays as it is', async () => {
    await awaitingPayment('booking-1');
    await storage.advisors.transitionBooking({
      bookingId: 'booking-1',
      from: 'awaiting_payment',
      to: 'expired',
      actor: { kind: 'relay' },
      at: 400,
      reason: null,
    });
    await storage.payments.openCheckout(checkout(1));
    const late = await storage.fulfilPayment(event('evt_paid'), 500);
    expect(late.outcome).toBe('late');
    expect(late.payment?.status).toBe('late');
    expect((await storage.advisors.findBooking('booking-1'))?.status).toBe('expired');
  });
});
