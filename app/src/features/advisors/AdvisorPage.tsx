import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { type AdvisorProfile, advisorApi, type Booking, RelayApiError, type Slot } from '../../sync/index.js';
import { useLedgers, useTally } from '../../tally/index.js';
import { describedBy, Field, wordMessages } from '../../ui/index.js';
import { deviceMadeId } from './address.js';
import { languageName } from './language-name.js';
import { advisorMessages } from './messages.js';
import { paymentMessages } from './payment-messages.js';
import { usePaymentTerms } from './payment-terms.js';
import { priceText } from './price.js';
import { slotDays } from './slot-days.js';

/** How far ahead the slot picker looks. */
const SLOT_DAYS_AHEAD = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The person's own time zone, which slots are shown in. */
function ownTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An advisor's profile page and the form that books a session with them. */
export function AdvisorPage({ advisorId }: { readonly advisorId: string }) {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const [profile, setProfile] = useState<AdvisorProfile | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const paymentText = useText(paymentMessages);
  const terms = usePaymentTerms();

  useEffect(() => {
    let current = true;
    tally.sync
      .relayCall((api, token) => advisorApi.profile(api, token, advisorId))
      .then(
        (read) => current && setProfile(read),
        (error: unknown) => {
          if (!(error instanceof RelayApiError)) throw error;
          if (current)
            setProblem(error.unreachable ? text('unreachable') : words('relayRefused', { reason: error.message }));
        },
      );
    return () => {
      current = false;
    };
  }, [tally, advisorId, text, words]);

  if (problem)
    return (
      <p className="form__error" role="alert">
        {problem}
      </p>
    );
  if (!profile) return <p className="empty">{text('loading')}</p>;
  return (
    <>
      <a className="link" href="#/advisors">
        {text('backToDirectory')}
      </a>
      <article className="card" data-testid="advisor-profile-page">
        <h2>{profile.displayName}</h2>
        <p className="advisors__headline">{profile.headline}</p>
        <p className="advisors__bio">{profile.bio}</p>
        <dl className="advisors__facts">
          <dt>{text('specialties')}</dt>
          <dd>{profile.specialties.map((specialty) => text(`specialty.${specialty}`)).join(', ')}</dd>
          <dt>{text('languages')}</dt>
          <dd>{profile.languages.map((language) => languageName(language, text.locale)).join(', ')}</dd>
          <dt>{text('price')}</dt>
          <dd data-testid="advisor-price">{priceText(profile.price, text.locale) ?? text('free')}</dd>
          <dt>{text('sessionLength')}</dt>
          <dd>{text('minutes', { minutes: String(profile.sessionMinutes) })}</dd>
        </dl>
      </article>
      {!profile.acceptingClients ? (
        <p className="hint">{text('notAccepting')}</p>
      ) : profile.price !== null && terms?.provider === 'none' ? (
        <p className="hint" data-testid="payments-off">
          {paymentText('paymentsOff')}
        </p>
      ) : (
        <BookingForm profile={profile} />
      )}
    </>
  );
}

interface BookingFields {
  readonly start: string;
  readonly message: string;
  readonly shareDocId: string | undefined;
}

function BookingForm({ profile }: { readonly profile: AdvisorProfile }) {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const { ledgers } = useLedgers();
  const shareable = ledgers.filter((ledger) => ledger.docId !== null && ledger.role === 'owner');
  const zone = ownTimeZone();
  const [slots, setSlots] = useState<readonly Slot[] | undefined>();
  const [start, setStart] = useState('');
  const [message, setMessage] = useState('');
  const [share, setShare] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [slotProblem, setSlotProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // One key per booking the person means to make, so a retried request books once.
  const [idempotencyKey, setIdempotencyKey] = useState(deviceMadeId);
  const [loadCount, setLoadCount] = useState(0);

  useEffect(() => {
    const from = new Date();
    const to = new Date(from.getTime() + SLOT_DAYS_AHEAD * DAY_MS);
    let current = true;
    void loadCount;
    tally.sync
      .relayCall((api, token) => advisorApi.slots(api, token, profile.advisorId, from.toISOString(), to.toISOString()))
      .then(
        (read) => current && setSlots(read),
        (error: unknown) => {
          if (!(error instanceof RelayApiError)) throw error;
          if (current)
            setProblem(error.unreachable ? text('unreachable') : words('relayRefused', { reason: error.message }));
        },
      );
    return () => {
      current = false;
    };
  }, [tally, profile.advisorId, text, words, loadCount]);

  const days = useMemo(() => slotDays(slots ?? [], zone), [slots, zone]);
  const dayFormat = new Intl.DateTimeFormat(text.locale, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const timeFormat = new Intl.DateTimeFormat(text.locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const sending = await sendForm<BookingFields, { slot?: string; problem?: string }, Booking>({
      check: () =>
        start === ''
          ? { issues: { slot: text('chooseSlot') } }
          : { fields: { start, message, shareDocId: share || undefined } },
      send: (fields) =>
        tally.sync.relayCall((api, token) =>
          advisorApi.book(api, token, {
            advisorId: profile.advisorId,
            start: fields.start,
            message: fields.message,
            idempotencyKey,
            ...(fields.shareDocId !== undefined && { shareDocId: fields.shareDocId }),
          }),
        ),
      refused: (error) => {
        if (!(error instanceof RelayApiError)) return undefined;
        if (error.status === 409) return { slot: text('slotTaken') };
        return { problem: error.unreachable ? text('unreachable') : words('relayRefused', { reason: error.message }) };
      },
    });
    setBusy(false);
    if ('issues' in sending) {
      setSlotProblem(sending.issues.slot);
      setProblem(sending.issues.problem);
      if (sending.issues.slot !== undefined) {
        setStart('');
        setIdempotencyKey(deviceMadeId());
        setLoadCount((count) => count + 1);
      }
      return;
    }
    window.location.hash = `#/bookings?id=${encodeURIComponent(sending.sent.id)}`;
  };

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate data-testid="booking-form">
      <h2>{text('bookTitle')}</h2>
      <fieldset className="advisors__slots" {...describedBy('booking-slot', slotProblem)}>
        <legend>{text('chooseTime', { zone })}</legend>
        {slots === undefined && <p className="empty">{text('loading')}</p>}
        {slots !== undefined && days.length === 0 && <p className="empty">{text('noSlots')}</p>}
        {days.map((day) => (
          <div key={day.day} className="advisors__day">
            <p className="advisors__day-name">{dayFormat.format(new Date(day.slots[0]?.start ?? day.day))}</p>
            <div className="advisors__times">
              {day.slots.map((slot) => (
                <label key={slot.start} className="choice advisors__time">
                  <input
                    type="radio"
                    name="booking-slot"
                    data-testid="booking-slot"
                    value={slot.start}
                    checked={start === slot.start}
                    onChange={() => setStart(slot.start)}
                  />
                  {timeFormat.format(new Date(slot.start))}
                </label>
              ))}
            </div>
          </div>
        ))}
        {slotProblem && (
          <p className="field__error" id="booking-slot-error" data-testid="booking-slot-error" role="alert">
            {slotProblem}
          </p>
        )}
      </fieldset>
      <Field id="booking-message" label={text('message')}>
        <textarea
          id="booking-message"
          data-testid="booking-message"
          maxLength={2000}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </Field>
      <Field id="booking-share" label={text('shareLedger')}>
        <select
          id="booking-share"
          data-testid="booking-share"
          value={share}
          onChange={(event) => setShare(event.target.value)}
        >
          <option value="">{text('shareNone')}</option>
          {shareable.map((ledger) => (
            <option key={ledger.key} value={ledger.docId ?? ''}>
              {ledger.personal ? text('personalLedger') : (ledger.name ?? text('personalLedger'))}
            </option>
          ))}
        </select>
      </Field>
      <p className="hint">{text('shareHint')}</p>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="request-booking" disabled={busy}>
        {text('requestBooking')}
      </button>
    </form>
  );
}
