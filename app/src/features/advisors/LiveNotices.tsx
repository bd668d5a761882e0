import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import type { RelayEvent } from '../../sync/index.js';
import { useSyncState, useTally } from '../../tally/index.js';
import { advisorServices, bookingOfEvent, madeByAccount, useLiveEvents } from './advisor-services.js';
import { advisorMessages } from './messages.js';
import './advisors.css';

const NOTICED = ['booking.requested', 'booking.updated', 'message.created'] as const;
type Noticed = (typeof NOTICED)[number];
/** How many notices stay on screen at once; older ones make way. */
const SHOWN = 3;

interface Notice {
  readonly seq: number;
  readonly type: Noticed;
  readonly bookingId: string | undefined;
}

function isNoticed(type: string): type is Noticed {
  return NOTICED.some((noticed) => noticed === type);
}

/**
 * Drawn by the shell on a device signed in to a relay: the live events' notices as they arrive
 * (a booking asked for or changed, a message), each leading to its booking; and the chat outbox
 * sent at the start and whenever the browser is back online.
 */
export function LiveNotices() {
  const text = useText(advisorMessages);
  const tally = useTally();
  const { account } = useSyncState();
  const signedIn = account !== undefined && !account.revoked;
  const [notices, setNotices] = useState<readonly Notice[]>([]);

  useEffect(() => {
    if (!signedIn) return;
    const { outbox } = advisorServices(tally);
    void outbox.load().then(() => outbox.flush());
    const flush = () => void outbox.flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [tally, signedIn]);

  useLiveEvents(
    NOTICED,
    useCallback(
      (event: RelayEvent) => {
        if (!isNoticed(event.type)) return;
        // What the account did itself is no news to it.
        if (madeByAccount(event, tally.sync.accountUser?.userId)) return;
        const bookingId = bookingOfEvent(event);
        setNotices((current) => [...current, { seq: event.seq, type: event.type as Noticed, bookingId }].slice(-SHOWN));
      },
      [tally],
    ),
  );

  if (!signedIn || notices.length === 0) return null;
  return (
    <section className="advisors__notices" aria-label={text('notices')} data-testid="live-notices">
      <div role="status">
        <ul>
          {notices.map((notice) => (
            <li key={notice.seq} className="advisors__notice" data-testid="live-notice" data-type={notice.type}>
              {notice.bookingId === undefined ? (
                text(`notice.${notice.type}`)
              ) : (
                <a className="link" href={`#/bookings?id=${encodeURIComponent(notice.bookingId)}`}>
                  {text(`notice.${notice.type}`)}
                </a>
              )}
              <button
                type="button"
                className="button"
                aria-label={text('dismiss')}
                onClick={() => setNotices((current) => current.filter((kept) => kept.seq !== notice.seq))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
