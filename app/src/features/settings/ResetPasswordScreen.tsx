import { type FormEvent, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { RelayApi } from '../../sync/index.js';
import { useSyncState } from '../../tally/index.js';
import { Field, wordMessages } from '../../ui/index.js';
import { accountMailMessages } from './account-mail-messages.js';
import { relayOfLink, tokenOfLink } from './mail-link.js';
import { settingsMessages } from './messages.js';
import { relayFormRefusal } from './relay-form-refusal.js';

type Issues = Partial<Record<'password' | 'form', string>>;

/** The relay's rule for a new password (relay SPEC A3); it also refuses common ones and the email. */
const NEW_PASSWORD_LENGTH = 10;

/**
 * What the link in a password-reset mail opens (`#/reset-password?token=…`): a new password, with
 * the relay's rule shown. Once set, the relay has signed out every device of the account.
 */
export function ResetPasswordScreen() {
  const text = useText(accountMailMessages);
  const settings = useText(settingsMessages);
  const words = useText(wordMessages);
  const { account } = useSyncState();
  const [token] = useState(() => tokenOfLink(window.location.hash));
  const [relayUrl] = useState(() => relayOfLink(account?.relayUrl, window.location.origin));
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (token === undefined) return;
    setBusy(true);
    const sending = await sendForm<string, Issues>({
      check: () =>
        [...password].length < NEW_PASSWORD_LENGTH
          ? { issues: { password: text('newPasswordShort') } }
          : { fields: password },
      send: (chosen) => new RelayApi(relayUrl).confirmPasswordReset(token, chosen),
      refused: relayFormRefusal(settings, words),
    }).finally(() => setBusy(false));
    setIssues('issues' in sending ? sending.issues : {});
    if ('saved' in sending) {
      setPassword('');
      setChanged(true);
    }
  };

  const passwordDescribedBy = ['new-password-rule', issues.password && 'new-password-error'].filter(Boolean).join(' ');

  return (
    <section className="screen" aria-labelledby="reset-password-title" data-testid="reset-password">
      <h1 id="reset-password-title">{text('newPasswordTitle')}</h1>
      {token === undefined ? (
        <p className="card" role="status" data-testid="reset-password-incomplete">
          {text('linkIncomplete')}
        </p>
      ) : changed ? (
        <div className="card">
          <p role="status" data-testid="password-changed">
            {text('passwordChanged')}
          </p>
          <p>
            <a href="#/settings" data-testid="to-settings">
              {text('toSettings')}
            </a>
          </p>
        </div>
      ) : (
        <form className="form card" onSubmit={(event) => void submit(event)} noValidate data-testid="new-password-form">
          <Field id="new-password" label={text('newPassword')} error={issues.password}>
            <input
              id="new-password"
              data-testid="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={issues.password ? true : undefined}
              aria-describedby={passwordDescribedBy}
            />
            <p className="hint" id="new-password-rule" data-testid="new-password-rule">
              {text('newPasswordRule')}
            </p>
          </Field>
          {issues.form && (
            <p className="form__error" role="alert" data-testid="new-password-refused">
              {issues.form}
            </p>
          )}
          <div className="form__actions">
            <span className="form__spacer" />
            <button type="submit" className="button button--primary" data-testid="set-password" disabled={busy}>
              {text('setPassword')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
