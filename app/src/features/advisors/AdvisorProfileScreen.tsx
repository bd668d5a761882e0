import { type FormEvent, useEffect, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import {
  type AdvisorProfileFields,
  type AdvisorSpecialty,
  type AvailabilityException,
  advisorApi,
  advisorSpecialties,
  RelayApiError,
  type WeeklyHours,
} from '../../sync/index.js';
import { useSyncState, useTally } from '../../tally/index.js';
import { describedBy, Field, routeMessages, wordMessages } from '../../ui/index.js';
import { useAdvisorRole } from './advisor-role.js';
import { DatedHours } from './DatedHours.js';
import { languageName } from './language-name.js';
import { advisorMessages } from './messages.js';
import { SignInFirst } from './SignInFirst.js';
import './advisors.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'pt'] as const;

/** The advisor's own profile, weekly hours and exceptions; an account that is not an advisor is told so. */
export function AdvisorProfileScreen() {
  const routes = useText(routeMessages);
  const text = useText(advisorMessages);
  const { account } = useSyncState();
  const role = useAdvisorRole();
  const signedIn = account !== undefined && !account.revoked;
  return (
    <section className="screen" aria-labelledby="advisor-profile-title">
      <h1 id="advisor-profile-title">{routes('advisor-profile')}</h1>
      {!signedIn && <SignInFirst />}
      {signedIn && role === 'client' && <p className="hint">{text('notAdvisor')}</p>}
      {signedIn && role === 'unknown' && <p className="empty">{text('loading')}</p>}
      {signedIn && role === 'advisor' && (
        <>
          <ProfileForm />
          <HoursForm />
        </>
      )}
    </section>
  );
}

function relayProblem(
  error: unknown,
  text: ReturnType<typeof useText<keyof (typeof advisorMessages)['en']>>,
  words: ReturnType<typeof useText<keyof (typeof wordMessages)['en']>>,
): string | undefined {
  if (!(error instanceof RelayApiError)) return undefined;
  return error.unreachable ? text('unreachable') : words('relayRefused', { reason: error.message });
}

const EMPTY_PROFILE: AdvisorProfileFields = {
  displayName: '',
  headline: '',
  bio: '',
  specialties: [],
  languages: [],
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  sessionMinutes: 60,
  price: null,
  acceptingClients: true,
};

function ProfileForm() {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const [profile, setProfile] = useState<AdvisorProfileFields>(EMPTY_PROFILE);
  const [priceText, setPriceText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [nameProblem, setNameProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void tally.sync
      .relayCall((api, token) => advisorApi.ownProfile(api, token))
      .then((own) => {
        if (own === 'unpublished') return;
        setProfile(own);
        setPriceText(own.price === null ? '' : String(own.price.amountMinor / 100));
      })
      .catch(() => undefined);
  }, [tally]);

  const change = <Key extends keyof AdvisorProfileFields>(key: Key, value: AdvisorProfileFields[Key]) => {
    setSaved(false);
    setProfile((current) => ({ ...current, [key]: value }));
  };
  const toggle = <Item extends string>(list: readonly Item[], item: Item, on: boolean): Item[] =>
    on ? [...list.filter((known) => known !== item), item] : list.filter((known) => known !== item);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sending = await sendForm<AdvisorProfileFields, { name?: string; problem?: string }>({
      check: () => {
        if (profile.displayName.trim() === '') return { issues: { name: text('nameRequired') } };
        const amount = Number(priceText.replace(',', '.'));
        if (priceText.trim() !== '' && !(amount >= 0)) return { issues: { problem: text('priceInvalid') } };
        const price =
          priceText.trim() === '' || amount === 0
            ? null
            : { amountMinor: Math.round(amount * 100), currency: profile.price?.currency ?? 'EUR' };
        return { fields: { ...profile, displayName: profile.displayName.trim(), price } };
      },
      send: async (fields) => {
        await tally.sync.relayCall((api, token) => advisorApi.publishProfile(api, token, fields));
      },
      refused: (error) => {
        const said = relayProblem(error, text, words);
        return said === undefined ? undefined : { problem: said };
      },
    });
    setNameProblem('issues' in sending ? sending.issues.name : undefined);
    setProblem('issues' in sending ? sending.issues.problem : undefined);
    setSaved(!('issues' in sending));
  };

  return (
    <form
      className="card form advisors__form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="advisor-profile-form"
    >
      <h2>{text('profileTitle')}</h2>
      <Field id="advisor-name" label={text('displayName')} error={nameProblem}>
        <input
          id="advisor-name"
          data-testid="advisor-name"
          maxLength={100}
          value={profile.displayName}
          onChange={(event) => change('displayName', event.target.value)}
          {...describedBy('advisor-name', nameProblem)}
        />
      </Field>
      <Field id="advisor-headline" label={text('headline')}>
        <input
          id="advisor-headline"
          data-testid="advisor-headline"
          maxLength={140}
          value={profile.headline}
          onChange={(event) => change('headline', event.target.value)}
        />
      </Field>
      <Field id="advisor-bio" label={text('bio')}>
        <textarea
          id="advisor-bio"
          data-testid="advisor-bio"
          maxLength={4000}
          value={profile.bio}
          onChange={(event) => change('bio', event.target.value)}
        />
      </Field>
      <fieldset className="advisors__choices">
        <legend>{text('specialties')}</legend>
        {advisorSpecialties.map((specialty: AdvisorSpecialty) => (
          <label key={specialty} className="choice">
            <input
              type="checkbox"
              data-testid={`advisor-specialty-${specialty}`}
              checked={profile.specialties.includes(specialty)}
              onChange={(event) => change('specialties', toggle(profile.specialties, specialty, event.target.checked))}
            />
            {text(`specialty.${specialty}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="advisors__choices">
        <legend>{text('languages')}</legend>
        {LANGUAGES.map((language) => (
          <label key={language} className="choice">
            <input
              type="checkbox"
              data-testid={`advisor-language-${language}`}
              checked={profile.languages.includes(language)}
              onChange={(event) => change('languages', toggle(profile.languages, language, event.target.checked))}
            />
            {languageName(language, text.locale)}
          </label>
        ))}
      </fieldset>
      <Field id="advisor-zone" label={text('timeZone')}>
        <input
          id="advisor-zone"
          data-testid="advisor-zone"
          value={profile.timeZone}
          onChange={(event) => change('timeZone', event.target.value)}
        />
      </Field>
      <Field id="advisor-minutes" label={text('sessionLength')}>
        <select
          id="advisor-minutes"
          data-testid="advisor-minutes"
          value={profile.sessionMinutes}
          onChange={(event) => change('sessionMinutes', Number(event.target.value))}
        >
          {[30, 45, 60, 90].map((minutes) => (
            <option key={minutes} value={minutes}>
              {text('minutes', { minutes: String(minutes) })}
            </option>
          ))}
        </select>
      </Field>
      <Field id="advisor-price" label={text('priceEuro')}>
        <input
          id="advisor-price"
          data-testid="advisor-price-input"
          inputMode="decimal"
          value={priceText}
          onChange={(event) => {
            setSaved(false);
            setPriceText(event.target.value);
          }}
        />
      </Field>
      <p className="hint">{text('priceHint')}</p>
      <label className="choice">
        <input
          type="checkbox"
          data-testid="advisor-accepting"
          checked={profile.acceptingClients}
          onChange={(event) => change('acceptingClients', event.target.checked)}
        />
        {text('accepting')}
      </label>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      {saved && (
        <p className="hint" role="status" data-testid="advisor-profile-saved">
          {text('published')}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="publish-profile">
        {text('publish')}
      </button>
    </form>
  );
}

interface DayHours {
  readonly on: boolean;
  readonly start: string;
  readonly end: string;
}

/** The weekly hours of the days switched on. */
function weeklyHours(days: Readonly<Record<number, DayHours>>): WeeklyHours[] {
  return WEEKDAYS.flatMap((day) => {
    const hours = days[day];
    return hours?.on ? [{ weekday: day, start: hours.start, end: hours.end }] : [];
  });
}

function HoursForm() {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const [days, setDays] = useState<Readonly<Record<number, DayHours>>>(() =>
    Object.fromEntries(WEEKDAYS.map((day) => [day, { on: day <= 5, start: '09:00', end: '17:00' }])),
  );
  const [exceptions, setExceptions] = useState<readonly AvailabilityException[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const dayName = (weekday: number) =>
    new Intl.DateTimeFormat(text.locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, weekday)),
    );

  useEffect(() => {
    void tally.sync
      .relayCall((api, token) => advisorApi.ownAvailability(api, token))
      .then((own) => {
        if (own.weekly.length > 0)
          setDays(
            Object.fromEntries(
              WEEKDAYS.map((day) => {
                const hours = own.weekly.find((weekly) => weekly.weekday === day);
                return [
                  day,
                  hours
                    ? { on: true, start: hours.start, end: hours.end }
                    : { on: false, start: '09:00', end: '17:00' },
                ];
              }),
            ),
          );
        setExceptions(own.exceptions);
      })
      .catch(() => undefined);
  }, [tally]);

  const setDay = (day: number, change: Partial<DayHours>) => {
    setSaved(false);
    setDays((current) => ({
      ...current,
      [day]: { ...(current[day] ?? { on: false, start: '09:00', end: '17:00' }), ...change },
    }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sending = await sendForm<{ weekly: WeeklyHours[]; exceptions: readonly AvailabilityException[] }, string>({
      check: () => {
        const weekly = weeklyHours(days);
        if (weekly.some((hours) => hours.start >= hours.end)) return { issues: text('hoursOrder') };
        return { fields: { weekly, exceptions } };
      },
      send: (availability) =>
        tally.sync.relayCall((api, token) => advisorApi.setAvailability(api, token, availability)),
      refused: (error) => relayProblem(error, text, words),
    });
    setProblem('issues' in sending ? sending.issues : undefined);
    setSaved(!('issues' in sending));
  };

  return (
    <form
      className="card form advisors__form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="advisor-hours-form"
    >
      <h2>{text('hoursTitle')}</h2>
      <p className="hint">{text('hoursHint')}</p>
      {WEEKDAYS.map((day) => {
        const hours = days[day] ?? { on: false, start: '09:00', end: '17:00' };
        return (
          <fieldset key={day} className="advisors__hours">
            <legend>
              <label className="choice">
                <input
                  type="checkbox"
                  data-testid={`hours-on-${day}`}
                  checked={hours.on}
                  onChange={(event) => setDay(day, { on: event.target.checked })}
                />
                {dayName(day)}
              </label>
            </legend>
            {hours.on && (
              <div className="advisors__times">
                <Field id={`hours-start-${day}`} label={text('from')}>
                  <input
                    id={`hours-start-${day}`}
                    data-testid={`hours-start-${day}`}
                    type="time"
                    value={hours.start}
                    onChange={(event) => setDay(day, { start: event.target.value })}
                  />
                </Field>
                <Field id={`hours-end-${day}`} label={text('to')}>
                  <input
                    id={`hours-end-${day}`}
                    data-testid={`hours-end-${day}`}
                    type="time"
                    value={hours.end}
                    onChange={(event) => setDay(day, { end: event.target.value })}
                  />
                </Field>
              </div>
            )}
          </fieldset>
        );
      })}
      <DatedHours
        exceptions={exceptions}
        weekly={weeklyHours(days)}
        onChange={(changed) => {
          setSaved(false);
          setExceptions(changed);
        }}
      />
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      {saved && (
        <p className="hint" role="status" data-testid="advisor-hours-saved">
          {text('hoursSaved')}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="save-hours">
        {text('saveHours')}
      </button>
    </form>
  );
}
