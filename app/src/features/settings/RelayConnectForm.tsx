import { type FormEvent, useState } from 'react';
import { type Text, useText } from '../../i18n/index.js';
import { RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field } from '../../ui/index.js';
import { settingsMessages } from './messages.js';
import { relayRefusal } from './relay-refusal.js';

type Issues = Partial<Record<'relayUrl' | 'email' | 'password' | 'deviceName' | 'form', string>>;
type SettingsText = Text<keyof (typeof settingsMessages)['en']>;

const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac/, 'Mac'],
  [/Windows/, 'Windows'],
  [/Linux/, 'Linux'],
];

function defaultDeviceName(text: SettingsText): string {
  const system = SYSTEMS.find(([pattern]) => pattern.test(navigator.userAgent))?.[1] ?? text('thisSystem');
  return text('defaultDeviceName', { system });
}

function check(relayUrl: string, email: string, password: string, deviceName: string, text: SettingsText): Issues {
  const issues: Issues = {};
  try {
    const url = new URL(relayUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') issues.relayUrl = text('relayUrlScheme');
  } catch {
    issues.relayUrl = text('relayUrlMissing');
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) issues.email = text('emailInvalid');
  if (password.length < 8) issues.password = text('passwordShort');
  if (deviceName.trim() === '') issues.deviceName = text('deviceNameMissing');
  return issues;
}

/** Links this device to a relay account: a new account (register) or an existing one (log in). */
export function RelayConnectForm() {
  const text = useText(settingsMessages);
  const { sync } = useTally();
  const [relayUrl, setRelayUrl] = useState(window.location.origin);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(() => defaultDeviceName(text));
  const [issues, setIssues] = useState<Issues>({});
  const [busy, setBusy] = useState(false);

  const connect = async (action: 'register' | 'login') => {
    const found = check(relayUrl, email, password, deviceName, text);
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const credentials = { email: email.trim(), password, deviceName: deviceName.trim() };
      await (action === 'register' ? sync.register(relayUrl, credentials) : sync.login(relayUrl, credentials));
      setPassword('');
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setIssues({ form: relayRefusal(error, text) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connect('login');
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="relay-form">
      <h2>{text('connectTitle')}</h2>
      <p className="hint">{text('connectHint')}</p>
      <Field id="relay-url" label={text('relayUrl')} error={issues.relayUrl}>
        <input
          id="relay-url"
          data-testid="relay-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          value={relayUrl}
          onChange={(event) => setRelayUrl(event.target.value)}
          {...describedBy('relay-url', issues.relayUrl)}
        />
      </Field>
      <Field id="email" label={text('email')} error={issues.email}>
        <input
          id="email"
          data-testid="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          {...describedBy('email', issues.email)}
        />
      </Field>
      <Field id="password" label={text('password')} error={issues.password}>
        <input
          id="password"
          data-testid="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          {...describedBy('password', issues.password)}
        />
      </Field>
      <Field id="device-name" label={text('deviceName')} error={issues.deviceName}>
        <input
          id="device-name"
          data-testid="device-name"
          value={deviceName}
          onChange={(event) => setDeviceName(event.target.value)}
          {...describedBy('device-name', issues.deviceName)}
        />
      </Field>
      {issues.form && (
        <p className="form__error" role="alert" data-testid="relay-error">
          {issues.form}
        </p>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          data-testid="register"
          disabled={busy}
          onClick={() => void connect('register')}
        >
          {text('register')}
        </button>
        <span className="form__spacer" />
        <button type="submit" className="button button--primary" data-testid="login" disabled={busy}>
          {text('logIn')}
        </button>
      </div>
    </form>
  );
}
