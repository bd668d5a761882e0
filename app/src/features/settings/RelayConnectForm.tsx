import { type FormEvent, useEffect, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { type Text, useText } from '../../i18n/index.js';
import { type Credentials, type RegistrationPolicy, RelayApi, RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, wordMessages } from '../../ui/index.js';
import { accountMailMessages } from './account-mail-messages.js';
import { isEmailAddress } from './email-address.js';
import { ForgotPasswordForm } from './ForgotPasswordForm.js';
import { settingsMessages } from './messages.js';
import { relayFormRefusal } from './relay-form-refusal.js';

type Issues = Partial<Record<'relayUrl' | 'email' | 'password' | 'deviceName' | 'form', string>>;
type Action = 'register' | 'login';

/** The relay's rule for a new account's password; it also refuses common ones and the email. */
const NEW_PASSWORD_LENGTH = 10;
/** Wait this long after the relay address was last typed before asking the relay who may register. */
const POLICY_DELAY_MS = 400;
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

function relayOrigin(relayUrl: string): string | undefined {
  try {
    const url = new URL(relayUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function check(
  action: Action,
  fields: { relayUrl: string; email: string; password: string; deviceName: string },
  text: SettingsText,
): Issues {
  const issues: Issues = {};
  try {
    const url = new URL(fields.relayUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') issues.relayUrl = text('relayUrlScheme');
  } catch {
    issues.relayUrl = text('relayUrlMissing');
  }
  if (!isEmailAddress(fields.email)) issues.email = text('emailInvalid');
  if (action === 'register' && [...fields.password].length < NEW_PASSWORD_LENGTH)
    issues.password = text('passwordShort');
  if (action === 'login' && fields.password === '') issues.password = text('passwordMissing');
  if (fields.deviceName.trim() === '') issues.deviceName = text('deviceNameMissing');
  return issues;
}

/** Who may create an account on the relay at this address, once the person stops typing it; undefined until known. */
function useRegistrationPolicy(relayUrl: string): RegistrationPolicy | undefined {
  const [policy, setPolicy] = useState<{ origin: string; policy: RegistrationPolicy }>();
  const origin = relayOrigin(relayUrl);
  useEffect(() => {
    if (origin === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      new RelayApi(origin).registrationPolicy().then(
        (found) => current && setPolicy({ origin, policy: found }),
        // An older relay, or none there: the form offers the code once a refusal asks for it.
        () => undefined,
      );
    }, POLICY_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [origin]);
  return policy !== undefined && policy.origin === origin ? policy.policy : undefined;
}

/** Links this device to a relay account: a new account (register) or an existing one (log in). */
export function RelayConnectForm() {
  const [forgot, setForgot] = useState(false);
  const [relayUrl, setRelayUrl] = useState(window.location.origin);
  const [email, setEmail] = useState('');
  return forgot ? (
    <ForgotPasswordForm relayUrl={relayUrl} email={email} onBack={() => setForgot(false)} />
  ) : (
    <ConnectForm
      relayUrl={relayUrl}
      setRelayUrl={setRelayUrl}
      email={email}
      setEmail={setEmail}
      onForgot={() => setForgot(true)}
    />
  );
}

function ConnectForm({
  relayUrl,
  setRelayUrl,
  email,
  setEmail,
  onForgot,
}: {
  readonly relayUrl: string;
  readonly setRelayUrl: (relayUrl: string) => void;
  readonly email: string;
  readonly setEmail: (email: string) => void;
  readonly onForgot: () => void;
}) {
  const text = useText(settingsMessages);
  const mailText = useText(accountMailMessages);
  const words = useText(wordMessages);
  const { sync } = useTally();
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(() => defaultDeviceName(text));
  const [invitationCode, setInvitationCode] = useState('');
  const [invitationAsked, setInvitationAsked] = useState(false);
  const [issues, setIssues] = useState<Issues>({});
  const [busy, setBusy] = useState(false);
  const [mailedTo, setMailedTo] = useState<string>();
  const policy = useRegistrationPolicy(relayUrl);
  const showInvitation = policy === 'invite' || invitationAsked;

  const connect = async (action: Action) => {
    setBusy(true);
    const refusal = relayFormRefusal(text, words);
    setMailedTo(undefined);
    const sending = await sendForm<Credentials, Issues>({
      check: () => {
        const found = check(action, { relayUrl, email, password, deviceName }, text);
        if (Object.keys(found).length > 0) return { issues: found };
        return { fields: { email: email.trim(), password, deviceName: deviceName.trim() } };
      },
      send: async (credentials) => {
        if (action === 'login') return sync.login(relayUrl, credentials);
        const outcome = await sync.register(relayUrl, { ...credentials, invitationCode: invitationCode.trim() });
        if (outcome === 'check-mail') setMailedTo(credentials.email);
      },
      refused: (error) => {
        if (error instanceof RelayApiError && ['invitation_required', 'invitation_invalid'].includes(error.code))
          setInvitationAsked(true);
        return refusal(error);
      },
    }).finally(() => setBusy(false));
    setIssues('issues' in sending ? sending.issues : {});
    if ('saved' in sending) setPassword('');
  };
  const passwordDescribedBy = ['password-rule', issues.password && 'password-error'].filter(Boolean).join(' ');

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
          aria-invalid={issues.password ? true : undefined}
          aria-describedby={passwordDescribedBy}
        />
        <p className="hint" id="password-rule" data-testid="password-rule">
          {text('passwordRule')}
        </p>
        <button type="button" className="button" data-testid="forgot-password" onClick={onForgot}>
          {mailText('forgotPassword')}
        </button>
      </Field>
      {showInvitation && (
        <Field id="invitation-code" label={text('invitationCode')}>
          <input
            id="invitation-code"
            data-testid="invitation-code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            value={invitationCode}
            onChange={(event) => setInvitationCode(event.target.value)}
            aria-describedby="invitation-hint"
          />
          <p className="hint" id="invitation-hint">
            {text('invitationHint')}
          </p>
        </Field>
      )}
      {policy === 'closed' && (
        <p className="hint" data-testid="registration-closed">
          {text('registrationClosed')}
        </p>
      )}
      <Field id="device-name" label={text('deviceName')} error={issues.deviceName}>
        <input
          id="device-name"
          data-testid="device-name"
          value={deviceName}
          onChange={(event) => setDeviceName(event.target.value)}
          {...describedBy('device-name', issues.deviceName)}
        />
      </Field>
      {mailedTo !== undefined && (
        <p className="notice notice--info" role="status" data-testid="check-mail">
          {text('checkMail', { email: mailedTo })}
        </p>
      )}
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
