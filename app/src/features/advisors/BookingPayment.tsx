import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { type Booking, type PaymentRecord, paymentApi, RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { wordMessages } from '../../ui/index.js';
import { bookingOfEvent, useLiveEvents } from './advisor-services.js';
import { advisorMessages } from './messages.js';
import { paymentMessages } from './payment-messages.js';
import { usePaymentTerms } from './payment-terms.js';
import { priceText } from './price.js';
import { openRazorpayCheckout } from './razorpay-checkout.js';

const PAYMENT_EVENTS = ['payment.updated'];

/**
 * The client's checkout step for a booking awaiting payment: the price, how long the slot is held,
 * the refund policy (shown before paying) and Pay. Stripe sends the person to its hosted page and
 * back to this booking; Razorpay opens over the page. Neither decides the booking is paid: the
 * relay does, from the provider's webhook, and the booking page shows its status live.
 */
export function Checkout({ booking }: { readonly booking: Booking }) {
  const text = useText(paymentMessages);
  const advisorText = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const terms = usePaymentTerms();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const amount = priceText(booking.price, text.locale) ?? '';
  const when = new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short' });

  const pay = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const start = await tally.sync.relayCall((api, token) => paymentApi.checkout(api, token, booking.id));
      if (start.provider === 'stripe') {
        window.location.assign(start.url);
        return;
      }
      await openRazorpayCheckout(start);
    } catch (error) {
      if (!(error instanceof RelayApiError)) setProblem(text('payFailed'));
      else
        setProblem(error.unreachable ? advisorText('unreachable') : words('relayRefused', { reason: error.message }));
    }
    setBusy(false);
  };

  return (
    <section className="card" aria-labelledby="checkout-title" data-testid="checkout">
      <h2 id="checkout-title">{text('checkoutTitle')}</h2>
      <dl className="advisors__facts">
        <dt>{text('amount')}</dt>
        <dd data-testid="checkout-amount">{amount}</dd>
        {booking.paymentDueAt !== null && (
          <>
            <dt>{text('holdEnds')}</dt>
            <dd data-testid="checkout-hold-ends">{when.format(new Date(booking.paymentDueAt))}</dd>
          </>
        )}
      </dl>
      <p className="hint" data-testid="refund-policy">
        {text('refundPolicy', { hours: String(terms?.refundNoticeHours ?? 24) })}
      </p>
      {terms?.provider === 'none' ? (
        <p className="hint">{text('paymentsOff')}</p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          data-testid="pay"
          disabled={busy}
          onClick={() => void pay()}
        >
          {busy ? text('paying') : text('pay', { amount })}
        </button>
      )}
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <p className="hint">{text('waitingForPayment')}</p>
    </section>
  );
}

/** The booking's payments as the relay keeps them (amount and status), for the client and the advisor alike. */
export function PaymentHistory({ booking }: { readonly booking: Booking }) {
  const text = useText(paymentMessages);
  const tally = useTally();
  const [payments, setPayments] = useState<readonly PaymentRecord[]>([]);

  const load = useCallback(async () => {
    try {
      setPayments(await tally.sync.relayCall((api, token) => paymentApi.ofBooking(api, token, booking.id)));
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
    }
  }, [tally, booking.id]);
  // Asked again whenever the booking moves (a payment confirms it, a cancellation refunds it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the status is what makes it ask again.
  useEffect(() => {
    void load();
  }, [load, booking.status]);
  // And whenever one of its checkouts changes status: a refund asked, then made (relay SPEC E12).
  useLiveEvents(
    PAYMENT_EVENTS,
    useCallback((event) => bookingOfEvent(event) === booking.id && void load(), [booking.id, load]),
  );

  if (payments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="payments-title" data-testid="payment-history">
      <h2 id="payments-title">{text('historyTitle')}</h2>
      <ul className="list">
        {payments.map((payment) => (
          <li key={payment.checkoutId} className="list__row" data-testid="payment-row" data-status={payment.status}>
            <span className="list__title">
              {priceText(
                { amountMinor: payment.paidAmount ?? payment.amount, currency: payment.currency },
                text.locale,
              )}
            </span>
            <span className="list__detail">{text(`payment.${payment.status}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
