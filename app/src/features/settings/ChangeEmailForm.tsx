import { type FormEvent, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, wordMessages } from '../../ui/index.js';
import { isEmailAddress } from './email-address.js';
import { emailChangeMessages } from './email-change-messages.js';
import { settingsMessages } from './messages.js';
import { relayFormRefusal } from './relay-form-refusal.js';

type Issues = Partial<Record<'email' | 'password' | 'form', string>>;

/**
 * Asks the relay to mail the new address a link that changes the account's address to it
 * (relay SPEC M7). The answer is the same whether or not the address has an account.
 */
export function ChangeEmailForm() {
  const text = useText(emailChangeMessages);
  const settings = useText(settingsMessages);
  const words = useText(wordMessages);
  const { sync } = useTally();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const [asked, setAsked] = useState<string>();
  const [busy, setBusy] = useState(false);
  const relayRefused = relayFormRefusal(settings, words);

  const refused = (error: unknown): Issues | undefined => {
    if (error instanceof RelayApiError && error.code === 'invalid_credentials') {
      return { password: text('wrongPassword') };
    }
    if (error instanceof RelayApiError && error.code === 'mail_off') return { form: text('mailOff') };
    return relayRefused(error);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAsked(undefined);
    const sending = await sendForm<{ email: string; password: string }, Issues>({
      check: () => {
        const found: Issues = {
          ...(!isEmailAddress(email) && { email: settings('emailInvalid') }),
          ...(password === '' && { password: text('passwordMissing') }),
        };
        return Object.keys(found).length > 0 ? { issues: found } : { fields: { email: email.trim(), password } };
      },
      send: (typed) => sync.changeEmail(typed.email, typed.password),
      refused,
    }).finally(() => setBusy(false));
    setIssues('issues' in sending ? sending.issues : {});
    if ('saved' in sending) {
      setAsked(email.trim());
      setPassword('');
    }
  };

  return (
    <form
      className="form card"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="change-email-title"
      data-testid="change-email-form"
    >
      <h2 id="change-email-title">{text('changeTitle')}</h2>
      <p className="hint">{text('changeHint')}</p>
      <Field id="change-email-address" label={text('newEmail')} error={issues.email}>
        <input
          id="change-email-address"
          data-testid="change-email-address"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          {...describedBy('change-email-address', issues.email)}
        />
      </Field>
      <Field id="change-email-password" label={text('currentPassword')} error={issues.password}>
        <input
          id="change-email-password"
          data-testid="change-email-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          {...describedBy('change-email-password', issues.password)}
        />
      </Field>
      {asked !== undefined && (
        <p className="hint" role="status" data-testid="change-email-asked">
          {text('changeAsked', { email: asked })}
        </p>
      )}
      {issues.form && (
        <p className="form__error" role="alert" data-testid="change-email-error">
          {issues.form}
        </p>
      )}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="submit" className="button button--primary" data-testid="send-email-change" disabled={busy}>
          {text('sendChange')}
        </button>
      </div>
    </form>
  );
}
