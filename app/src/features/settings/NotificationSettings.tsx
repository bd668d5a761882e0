import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import {
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
  notificationChannels,
  notificationKinds,
  RelayApiError,
} from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages, wordMessages } from '../../ui/index.js';
import { DevicePush } from './DevicePush.js';
import { notificationMessages } from './notification-messages.js';
import { deviceTimeZone } from './time-zone.js';

/** What the relay tells this account about, by which channel; saving also sends this device's time zone. */
export function NotificationSettings() {
  const text = useText(notificationMessages);
  const words = useText(wordMessages);
  const form = useText(formMessages);
  const { sync } = useTally();
  const [preferences, setPreferences] = useState<NotificationPreferences | undefined>();
  const [status, setStatus] = useState<{ readonly saved: boolean; readonly problem?: string }>({ saved: false });

  /** What a refusal of the relay, or the relay out of reach, means for the person; undefined for a bug. */
  const problemOf = useCallback(
    (error: unknown): string | undefined => {
      if (!(error instanceof RelayApiError)) return undefined;
      return error.unreachable ? words('relayUnreachable') : words('relayRefused', { reason: error.message });
    },
    [words],
  );

  useEffect(() => {
    let current = true;
    sync.notificationPreferences().then(
      (loaded) => {
        if (current) setPreferences(loaded);
      },
      (error: unknown) => {
        const problem = problemOf(error);
        if (problem === undefined) throw error;
        if (current) setStatus({ saved: false, problem });
      },
    );
    return () => {
      current = false;
    };
  }, [sync, problemOf]);

  const toggle = (kind: NotificationKind, channel: NotificationChannel, on: boolean) => {
    if (preferences === undefined) return;
    setPreferences({
      ...preferences,
      kinds: { ...preferences.kinds, [kind]: { ...preferences.kinds[kind], [channel]: on } },
    });
    setStatus({ saved: false });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Nothing to save until the relay said what is chosen now (the button is disabled till then).
    if (preferences === undefined) return;
    const sending = await sendForm({
      check: () => ({ fields: { ...preferences, timeZone: deviceTimeZone() } }),
      send: (chosen) => sync.setNotificationPreferences(chosen),
      refused: problemOf,
    });
    if ('issues' in sending) {
      setStatus({ saved: false, problem: sending.issues });
      return;
    }
    setPreferences(sending.sent);
    setStatus({ saved: true });
  };

  return (
    <form className="card" data-testid="notification-settings" onSubmit={(event) => void save(event)}>
      <h2>{text('title')}</h2>
      <p className="hint">{text('hint')}</p>
      <DevicePush />
      {status.problem && (
        <p className="form__error" role="alert">
          {status.problem}
        </p>
      )}
      {preferences === undefined && !status.problem && <p className="hint">{form('loading')}</p>}
      {preferences !== undefined &&
        notificationKinds.map((kind) => (
          <fieldset key={kind} data-testid={`notify-${kind}`}>
            <legend>{text(kind)}</legend>
            {notificationChannels.map((channel) => (
              <label key={channel} className="choice">
                <input
                  type="checkbox"
                  data-testid={`notify-${kind}-${channel}`}
                  checked={preferences.kinds[kind][channel]}
                  onChange={(event) => toggle(kind, channel, event.target.checked)}
                />{' '}
                {text(channel)}
              </label>
            ))}
          </fieldset>
        ))}
      {preferences !== undefined && <p className="hint">{text('timeZone', { zone: deviceTimeZone() })}</p>}
      <button type="submit" className="button" data-testid="save-notifications" disabled={preferences === undefined}>
        {text('save')}
      </button>
      {status.saved && (
        <p className="hint" role="status">
          {text('saved')}
        </p>
      )}
    </form>
  );
}
