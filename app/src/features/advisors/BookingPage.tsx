import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { advisorApi, type Booking, type BookingAction, RelayApiError } from '../../sync/index.js';
import { type Tally, useTally } from '../../tally/index.js';
import { wordMessages } from '../../ui/index.js';
import { bookingOfEvent, useAdvisorNames, useLiveEvents } from './advisor-services.js';
import { Checkout, PaymentHistory } from './BookingPayment.js';
import { actionsFor } from './booking-actions.js';
import { Conversation } from './Conversation.js';
import { advisorMessages } from './messages.js';

const BOOKING_EVENTS = ['booking.requested', 'booking.updated'];

/** One booking: when, its status and what either side may do now, the shared ledger, and the conversation. */
export function BookingPage({ bookingId }: { readonly bookingId: string }) {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const own = tally.sync.accountUser?.userId;
  const [booking, setBooking] = useState<Booking | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const names = useAdvisorNames();

  const refused = useCallback(
    (error: unknown) => {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(error.unreachable ? text('unreachable') : words('relayRefused', { reason: error.message }));
    },
    [text, words],
  );
  const load = useCallback(async () => {
    try {
      setBooking(await tally.sync.relayCall((api, token) => advisorApi.booking(api, token, bookingId)));
    } catch (error) {
      refused(error);
    }
  }, [tally, bookingId, refused]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveEvents(
    BOOKING_EVENTS,
    useCallback((event) => bookingOfEvent(event) === bookingId && void load(), [bookingId, load]),
  );

  const act = async (action: BookingAction) => {
    // The relay asks a reason for cancelling a confirmed session (the other side is told it, D3).
    const needsReason = action === 'cancel' && booking?.status === 'confirmed';
    const reason = needsReason ? (window.prompt(text('cancelReason')) ?? '').trim() : undefined;
    if (needsReason && reason === '') return;
    if (action === 'cancel' && !needsReason && !window.confirm(text('confirmCancel'))) return;
    setBusy(true);
    try {
      setBooking(await tally.sync.relayCall((api, token) => advisorApi.act(api, token, bookingId, action, reason)));
      setProblem(undefined);
    } catch (error) {
      refused(error);
    }
    setBusy(false);
  };

  // Offline, the booking cannot be read, but its conversation (and what waits to be sent) still shows.
  // Both returns give the conversation the same key, so React keeps it when the booking arrives, with
  // whatever is being typed in it.
  if (!booking)
    return (
      <>
        {problem ? (
          <p className="form__error" role="alert">
            {problem}
          </p>
        ) : (
          <p className="empty">{text('loading')}</p>
        )}
        <Conversation key={bookingId} bookingId={bookingId} own={own} />
      </>
    );
  const side = booking.advisorId === own ? 'advisor' : 'client';
  const when = new Intl.DateTimeFormat(text.locale, { dateStyle: 'full', timeStyle: 'short' });
  const other =
    side === 'advisor' ? (booking.clientName ?? text('aClient')) : (names.get(booking.advisorId) ?? text('someone'));
  const shared =
    booking.shareDocId !== null && ['accepted', 'awaiting_payment', 'confirmed', 'completed'].includes(booking.status);
  return (
    <>
      <a className="link" href="#/bookings">
        {text('backToBookings')}
      </a>
      <article className="card" data-testid="booking-page" data-status={booking.status}>
        <h2>{text(side === 'advisor' ? 'sessionWithClient' : 'sessionWithAdvisor', { name: other })}</h2>
        <p>{when.format(new Date(booking.start))}</p>
        <p data-testid="booking-status">{text(`status.${booking.status}`)}</p>
        {booking.message !== '' && <p className="advisors__bio">{booking.message}</p>}
        {problem && (
          <p className="form__error" role="alert">
            {problem}
          </p>
        )}
        <div className="advisors__actions">
          {actionsFor(booking.status, side).map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'accept' ? 'button button--primary' : 'button'}
              data-testid={`booking-${action}`}
              disabled={busy}
              onClick={() => void act(action)}
            >
              {text(`action.${action}`)}
            </button>
          ))}
        </div>
        {shared && booking.shareDocId !== null && side === 'advisor' && (
          <SharedLedger tally={tally} docId={booking.shareDocId} />
        )}
        {shared && side === 'client' && <p className="hint">{text('ledgerSharedWithAdvisor')}</p>}
      </article>
      {side === 'client' && booking.status === 'awaiting_payment' && <Checkout booking={booking} />}
      {booking.price !== null && <PaymentHistory booking={booking} />}
      <Conversation key={bookingId} bookingId={bookingId} own={own} />
    </>
  );
}

/** The advisor's way into the ledger the client shared for the session: opened read-only. */
function SharedLedger({ tally, docId }: { readonly tally: Tally; readonly docId: string }) {
  const text = useText(advisorMessages);
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setOpening(true);
    await tally.ledgers.refresh();
    await tally.switchLedger(docId);
    window.location.hash = '#/';
    window.location.reload();
  };
  return (
    <button
      type="button"
      className="button"
      data-testid="open-shared-ledger"
      disabled={opening}
      onClick={() => void open()}
    >
      {text('openSharedLedger')}
    </button>
  );
}
