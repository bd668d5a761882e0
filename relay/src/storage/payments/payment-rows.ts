import type { PaymentProviderName } from '../../payments/payment-event.js';
import type { NewCheckout, PaymentRecord, PaymentStatus } from './payment-store.js';

/** A `payments` row: the same columns in SQLite and PostgreSQL. */
export interface PaymentRow {
  provider: PaymentProviderName;
  checkout_id: string;
  booking_id: string;
  attempt: number;
  client_id: string;
  advisor_id: string;
  amount: number;
  currency: string;
  url: string | null;
  created_at: number;
  status: PaymentStatus;
  payment_id: string | null;
  paid_amount: number | null;
  paid_currency: string | null;
  paid_at: number | null;
  refund_id: string | null;
  refund_amount: number | null;
  refund_requested_at: number | null;
  refunded_at: number | null;
  refund_due_at: number | null;
  refund_attempts: number;
  updated_at: number;
}

export const paymentColumns =
  'provider, checkout_id, booking_id, attempt, client_id, advisor_id, amount, currency, url, created_at, status, ' +
  'payment_id, paid_amount, paid_currency, paid_at, refund_id, refund_amount, refund_requested_at, refunded_at, refund_due_at, refund_attempts, updated_at';

/** The columns that change after a checkout is opened, in the order `changedValues` gives them. */
export const changingColumns = [
  'status',
  'payment_id',
  'paid_amount',
  'paid_currency',
  'paid_at',
  'refund_id',
  'refund_amount',
  'refund_requested_at',
  'refunded_at',
  'refund_due_at',
  'refund_attempts',
  'updated_at',
] as const;

export function changedValues(payment: PaymentRecord): unknown[] {
  return [
    payment.status,
    payment.paymentId,
    payment.paidAmount,
    payment.paidCurrency,
    payment.paidAt,
    payment.refundId,
    payment.refundAmount,
    payment.refundRequestedAt,
    payment.refundedAt,
    payment.refundDueAt,
    payment.refundAttempts,
    payment.updatedAt,
  ];
}

export function openedPayment(checkout: NewCheckout): PaymentRecord {
  return {
    ...checkout,
    status: 'open',
    paymentId: null,
    paidAmount: null,
    paidCurrency: null,
    paidAt: null,
    refundId: null,
    refundAmount: null,
    refundRequestedAt: null,
    refundedAt: null,
    refundDueAt: null,
    refundAttempts: 0,
    updatedAt: checkout.createdAt,
  };
}

/** A new row's values in the order of `paymentColumns`. */
export function rowValues(payment: PaymentRecord): unknown[] {
  return [
    payment.provider,
    payment.checkoutId,
    payment.bookingId,
    payment.attempt,
    payment.clientId,
    payment.advisorId,
    payment.amount,
    payment.currency,
    payment.url,
    payment.createdAt,
    ...changedValues(payment),
  ];
}

export function toPayment(row: PaymentRow): PaymentRecord {
  return {
    provider: row.provider,
    checkoutId: row.checkout_id,
    bookingId: row.booking_id,
    attempt: row.attempt,
    clientId: row.client_id,
    advisorId: row.advisor_id,
    amount: row.amount,
    currency: row.currency,
    url: row.url,
    createdAt: row.created_at,
    status: row.status,
    paymentId: row.payment_id,
    paidAmount: row.paid_amount,
    paidCurrency: row.paid_currency,
    paidAt: row.paid_at,
    refundId: row.refund_id,
    refundAmount: row.refund_amount,
    refundRequestedAt: row.refund_requested_at,
    refundedAt: row.refunded_at,
    refundDueAt: row.refund_due_at,
    refundAttempts: row.refund_attempts,
    updatedAt: row.updated_at,
  };
}
