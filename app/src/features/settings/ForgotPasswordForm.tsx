import { type FormEvent, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { RelayApi } from '../../sync/index.js';
import { describedBy, Field, wordMessages } from '../../ui/index.js';
import { accountMailMessages } from './account-mail-messages.js';
import { isEmailAddress } from './email-address.js';
import { settingsMessages } from './messages.js';
import { relayFormRefusal } from './relay-form-refusal.js';

type Issues = Partial<Record<'email' | 'form', string>>;

/** Asks the relay to mail a link to choose a new password; the answer says nothing of whether the account exists. */
export function ForgotPasswordForm({
  relayUrl,
  email: typed,
  onBack,
}: {
  readonly relayUrl: string;
  readonly email: string;
  readonly onBack: () => void;
}) {
  const text = useText(accountMailMessages);
  const settings = useText(settingsMessages);
  const words = useText(wordMessages);
  const [email, setEmail] = useState(typed);
  const [issues, setIssues] = useState<Issues>({});
  const [asked, setAsked] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const sending = await sendForm<string, Issues>({
      check: () => (isEmailAddress(email) ? { fields: email.trim() } : { issues: { email: settings('emailInvalid') } }),
      send: (address) => new RelayApi(relayUrl).requestPasswordReset(address),
      refused: relayFormRefusal(settings, words),
    }).finally(() => setBusy(false));
    setIssues('issues' in sending ? sending.issues : {});
    if ('saved' in sending) setAsked(email.trim());
  };

  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate data-testid="reset-form">
      <h2>{text('resetTitle')}</h2>
      <p className="hint">{text('resetHint')}</p>
      <Field id="reset-email" label={settings('email')} error={issues.email}>
        <input
          id="reset-email"
          data-testid="reset-email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          {...describedBy('reset-email', issues.email)}
        />
      </Field>
      {asked !== undefined && (
        <p className="hint" role="status" data-testid="reset-asked">
          {text('resetAsked', { email: asked })}
        </p>
      )}
      {issues.form && (
        <p className="form__error" role="alert" data-testid="reset-error">
          {issues.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" data-testid="back-to-login" onClick={onBack}>
          {text('backToLogIn')}
        </button>
        <span className="form__spacer" />
        <button type="submit" className="button button--primary" data-testid="send-reset" disabled={busy}>
          {text('sendResetLink')}
        </button>
      </div>
    </form>
  );
}
