import { type FormEvent, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { RelayApi, RelayApiError } from '../../sync/index.js';
import { Field, wordMessages } from '../../ui/index.js';
import { accountMailMessages } from './account-mail-messages.js';
import { settingsMessages } from './messages.js';
import { relayFormRefusal } from './relay-form-refusal.js';

type Issues = Partial<Record<'password' | 'form', string>>;

/**
 * The link that finishes an open registration (relay SPEC A5) makes the account only with the
 * password chosen when registering, so a link someone else asked for with this address makes
 * nothing its reader would share with them.
 */
export function FinishRegistrationForm({ relayUrl, token }: { readonly relayUrl: string; readonly token: string }) {
  const text = useText(accountMailMessages);
  const settings = useText(settingsMessages);
  const words = useText(wordMessages);
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  const otherwise = relayFormRefusal(settings, words);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const sending = await sendForm<string, Issues>({
      check: () => (password === '' ? { issues: { password: text('finishPasswordMissing') } } : { fields: password }),
      send: (chosen) => new RelayApi(relayUrl).verifyEmail(token, chosen),
      refused: (error) => {
        if (error instanceof RelayApiError && error.code === 'invalid_credentials')
          return { password: text('finishWrongPassword') };
        if (error instanceof RelayApiError && error.code === 'link_invalid') return { form: text('verifyLinkInvalid') };
        return otherwise(error);
      },
    }).finally(() => setBusy(false));
    setIssues('issues' in sending ? sending.issues : {});
    if ('saved' in sending) {
      setPassword('');
      setReady(true);
    }
  };

  if (ready)
    return (
      <div className="card">
        <p role="status" data-testid="account-ready">
          {text('accountReady')}
        </p>
        <p>
          <a href="#/settings" data-testid="to-settings">
            {text('toSettings')}
          </a>
        </p>
      </div>
    );
  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate data-testid="finish-registration">
      <p className="hint">{text('finishHint')}</p>
      <Field id="finish-password" label={settings('password')} error={issues.password}>
        <input
          id="finish-password"
          data-testid="finish-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={issues.password ? true : undefined}
          aria-describedby={issues.password ? 'finish-password-error' : undefined}
        />
      </Field>
      {issues.form && (
        <p className="form__error" role="alert" data-testid="finish-refused">
          {issues.form}
        </p>
      )}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="submit" className="button button--primary" data-testid="finish-account" disabled={busy}>
          {text('finishAction')}
        </button>
      </div>
    </form>
  );
}
