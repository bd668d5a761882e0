import { type Fields, fieldsOf, listOf, malformed, type RelayApi, text, textOrNull } from './relay-api.js';

/** The providers a relay may take payment through; `none` when priced sessions cannot be booked there. */
export type PaymentProviderName = 'none' | 'stripe' | 'razorpay';

/** What the relay says before anyone pays (relay SPEC PAY6). */
export interface PaymentTerms {
  readonly provider: PaymentProviderName;
  /** Razorpay's public key id, which its checkout opens with; null for other providers. */
  readonly razorpayKeyId: string | null;
  /** A client who cancels at least this many hours before the session is refunded in full. */
  readonly refundNoticeHours: number;
}

/** Where to send the person to pay: Stripe's hosted page, or what Razorpay's checkout opens with (PAY2). */
export type CheckoutStart =
  | { readonly provider: 'stripe'; readonly checkoutId: string; readonly url: string }
  | {
      readonly provider: 'razorpay';
      readonly checkoutId: string;
      readonly keyId: string;
      readonly amount: number;
      readonly currency: string;
    };

export const paymentStatuses = [
  'open',
  'paid',
  'mismatched',
  'late',
  'expired',
  'failed',
  'refunding',
  'refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** One checkout of a booking and what became of it, as the relay keeps it (PAY4). */
export interface PaymentRecord {
  readonly bookingId: string;
  readonly checkoutId: string;
  readonly status: PaymentStatus;
  /** What the booking costs, in minor units of `currency`. */
  readonly amount: number;
  readonly currency: string;
  /** What the provider reported paid, when it differs (mismatched) or once paid. */
  readonly paidAmount: number | null;
  readonly refundAmount: number | null;
  readonly createdAt: string;
}

function integer(fields: Fields, name: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw malformed();
  return value;
}

function integerOrNull(fields: Fields, name: string): number | null {
  return fields[name] === null ? null : integer(fields, name);
}

function parseTerms(reply: unknown): PaymentTerms {
  const fields = fieldsOf(reply);
  const provider = (['none', 'stripe', 'razorpay'] as const).find((known) => known === fields.provider);
  if (provider === undefined) throw malformed();
  return {
    provider,
    razorpayKeyId: textOrNull(fields, 'razorpayKeyId'),
    refundNoticeHours: integer(fields, 'refundNoticeHours'),
  };
}

function parseCheckout(reply: unknown): CheckoutStart {
  const fields = fieldsOf(reply);
  const checkoutId = text(fields, 'checkoutId');
  if (fields.provider === 'stripe') return { provider: 'stripe', checkoutId, url: text(fields, 'url') };
  if (fields.provider !== 'razorpay') throw malformed();
  return {
    provider: 'razorpay',
    checkoutId,
    keyId: text(fields, 'keyId'),
    amount: integer(fields, 'amount'),
    currency: text(fields, 'currency'),
  };
}

function parsePayment(fields: Fields): PaymentRecord {
  const status = paymentStatuses.find((known) => known === fields.status);
  if (status === undefined) throw malformed();
  return {
    bookingId: text(fields, 'bookingId'),
    checkoutId: text(fields, 'checkoutId'),
    status,
    amount: integer(fields, 'amount'),
    currency: text(fields, 'currency'),
    paidAmount: integerOrNull(fields, 'paidAmount'),
    refundAmount: integerOrNull(fields, 'refundAmount'),
    createdAt: text(fields, 'createdAt'),
  };
}

/** The relay's payments for priced sessions (relay SPEC PAY2, PAY4, PAY6), each reply parsed here. */
export const paymentApi = {
  async terms(api: RelayApi): Promise<PaymentTerms> {
    return parseTerms(await api.request('GET', '/api/payments/provider'));
  },

  async checkout(api: RelayApi, token: string, bookingId: string): Promise<CheckoutStart> {
    const path = `/api/bookings/${encodeURIComponent(bookingId)}/checkout`;
    return parseCheckout(await api.request('POST', path, undefined, token));
  },

  /** The payments of one booking, newest first, from the account's history. */
  async ofBooking(api: RelayApi, token: string, bookingId: string): Promise<PaymentRecord[]> {
    const reply = fieldsOf(await api.request('GET', '/api/payments', undefined, token));
    return listOf(reply.payments)
      .map(parsePayment)
      .filter((payment) => payment.bookingId === bookingId);
  },
};
