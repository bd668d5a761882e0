import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { advisorApi, type Booking, RelayApiError } from '../../sync/index.js';
import { useSyncState, useTally } from '../../tally/index.js';
import { routeMessages, wordMessages } from '../../ui/index.js';
import { useIdInAddress } from './address.js';
import { useAdvisorNames, useLiveEvents } from './advisor-services.js';
import { BookingPage } from './BookingPage.js';
import { advisorMessages } from './messages.js';
import { SignInFirst } from './SignInFirst.js';
import './advisors.css';

const BOOKING_EVENTS = ['booking.requested', 'booking.updated'];

/** My bookings: those I asked for, and, for an advisor, the requests and schedule; `?id=` opens one. */
export function BookingsScreen() {
  const routes = useText(routeMessages);
  const { account } = useSyncState();
  const id = useIdInAddress();
  return (
    <section className="screen" aria-labelledby="bookings-title">
      <h1 id="bookings-title">{routes('bookings')}</h1>
      {account === undefined || account.revoked ? (
        <SignInFirst />
      ) : id === undefined ? (
        <BookingList />
      ) : (
        <BookingPage bookingId={id} />
      )}
    </section>
  );
}

function BookingList() {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const own = tally.sync.accountUser?.userId;
  const [bookings, setBookings] = useState<readonly Booking[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setBookings(await tally.sync.relayCall((api, token) => advisorApi.bookings(api, token)));
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(error.unreachable ? text('unreachable') : words('relayRefused', { reason: error.message }));
    }
  }, [tally, text, words]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveEvents(
    BOOKING_EVENTS,
    useCallback(() => void load(), [load]),
  );

  const asAdvisor = (bookings ?? []).filter((booking) => booking.advisorId === own);
  const asClient = (bookings ?? []).filter((booking) => booking.clientId === own);
  return (
    <>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      {bookings !== undefined && bookings.length === 0 && (
        <p className="empty">
          {text('noBookings')}{' '}
          <a className="link" href="#/advisors">
            {text('findAdvisor')}
          </a>
        </p>
      )}
      {asAdvisor.length > 0 && <BookingGroup title={text('requestsAndSchedule')} bookings={asAdvisor} side="advisor" />}
      {asClient.length > 0 && <BookingGroup title={text('sessionsBooked')} bookings={asClient} side="client" />}
    </>
  );
}

function BookingGroup({
  title,
  bookings,
  side,
}: {
  readonly title: string;
  readonly bookings: readonly Booking[];
  readonly side: 'client' | 'advisor';
}) {
  const text = useText(advisorMessages);
  const names = useAdvisorNames();
  const when = new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="card" data-testid={`bookings-${side}`}>
      <h2>{title}</h2>
      <ul className="list">
        {[...bookings]
          .sort((a, b) => a.start.localeCompare(b.start))
          .map((booking) => (
            <li key={booking.id}>
              <a
                className="list__row advisors__row"
                href={`#/bookings?id=${encodeURIComponent(booking.id)}`}
                data-testid="booking-row"
                data-id={booking.id}
                data-status={booking.status}
              >
                <span className="list__title">
                  {side === 'advisor'
                    ? (booking.clientName ?? text('aClient'))
                    : (names.get(booking.advisorId) ?? text('someone'))}
                </span>
                <span className="list__detail">
                  {when.format(new Date(booking.start))} · {text(`status.${booking.status}`)}
                </span>
              </a>
            </li>
          ))}
      </ul>
    </div>
  );
}
