import { useState, type FormEvent } from 'react';
import { useTally } from '../../app/tally-context.js';
import { RelayApiError } from '../../sync/index.js';
import { describedBy, Field } from '../../ui/Field.js';

type Issues = Partial<Record<'relayUrl' | 'email' | 'password' | 'deviceName' | 'form', string>>;

function defaultDeviceName(): string {
  const agent = navigator.userAgent;
  const system = /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Mac/.test(agent) ? 'Mac' : /Windows/.test(agent) ? 'Windows' : /Linux/.test(agent) ? 'Linux' : 'this device';
  return `Browser on ${system}`;
}

function check(relayUrl: string, email: string, password: string, deviceName: string): Issues {
  const issues: Issues = {};
  try {
    const url = new URL(relayUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') issues.relayUrl = 'The relay address starts with https://.';
  } catch {
    issues.relayUrl = 'Enter the relay address, like https://tally.example.com.';
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) issues.email = 'Enter an email address.';
  if (password.length < 8) issues.password = 'The password needs at least 8 characters.';
  if (deviceName.trim() === '') issues.deviceName = 'Name this device so you can tell it apart.';
  return issues;
}

/** Links this device to a relay account: a new account (register) or an existing one (log in). */
export function RelayConnectForm() {
  const { sync } = useTally();
  const [relayUrl, setRelayUrl] = useState(window.location.origin);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [issues, setIssues] = useState<Issues>({});
  const [busy, setBusy] = useState(false);

  const connect = async (action: 'register' | 'login') => {
    const found = check(relayUrl, email, password, deviceName);
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const credentials = { email: email.trim(), password, deviceName: deviceName.trim() };
      await (action === 'register' ? sync.register(relayUrl, credentials) : sync.login(relayUrl, credentials));
      setPassword('');
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setIssues({ form: error.message });
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
      <h2>Sync your devices</h2>
      <p className="hint">Tally works fully on this device. Connect to your relay to keep your other devices in step.</p>
      <Field id="relay-url" label="Relay address" error={issues.relayUrl}>
        <input id="relay-url" data-testid="relay-url" type="url" inputMode="url" autoComplete="url" value={relayUrl} onChange={(event) => setRelayUrl(event.target.value)} {...describedBy('relay-url', issues.relayUrl)} />
      </Field>
      <Field id="email" label="Email" error={issues.email}>
        <input id="email" data-testid="email" type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} {...describedBy('email', issues.email)} />
      </Field>
      <Field id="password" label="Password" error={issues.password}>
        <input id="password" data-testid="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} {...describedBy('password', issues.password)} />
      </Field>
      <Field id="device-name" label="Name of this device" error={issues.deviceName}>
        <input id="device-name" data-testid="device-name" value={deviceName} onChange={(event) => setDeviceName(event.target.value)} {...describedBy('device-name', issues.deviceName)} />
      </Field>
      {issues.form && (
        <p className="form__error" role="alert" data-testid="relay-error">
          {issues.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" data-testid="register" disabled={busy} onClick={() => void connect('register')}>
          Create account
        </button>
        <span className="form__spacer" />
        <button type="submit" className="button button--primary" data-testid="login" disabled={busy}>
          Log in
        </button>
      </div>
    </form>
  );
}
