import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { type RelayAccountSummary, RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { wordMessages } from '../../ui/index.js';
import { adminMessages } from './messages.js';

/** What the relay's admin sees of its accounts, and disabling or enabling one; nothing for anyone else. */
export function AccountAdmin({ ownEmail }: { readonly ownEmail: string }) {
  const text = useText(adminMessages);
  const words = useText(wordMessages);
  const { sync } = useTally();
  const [accounts, setAccounts] = useState<readonly RelayAccountSummary[] | undefined>();
  const [notAdmin, setNotAdmin] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setAccounts(await sync.accounts());
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      if (error.code === 'admin_required') setNotAdmin(true);
      else setProblem(words('relayRefused', { reason: error.message }));
    }
  }, [sync, words]);

  useEffect(() => {
    void load();
  }, [load]);

  const setDisabled = async (account: RelayAccountSummary, disabled: boolean) => {
    if (disabled && !window.confirm(text('confirmDisable', { email: account.email }))) return;
    try {
      await sync.setAccountDisabled(account.userId, disabled);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(words('relayRefused', { reason: error.message }));
    }
    await load();
  };

  // Shown once the relay has listed the accounts, so it has said this is its admin: anyone else
  // never sees the section, not even while the relay is asked or cannot be reached.
  if (notAdmin || accounts === undefined) return null;
  const size = new Intl.NumberFormat(text.locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  return (
    <div className="card" data-testid="account-admin">
      <div className="screen__head">
        <h2>{text('title')}</h2>
        <button type="button" className="button" data-testid="refresh-accounts" onClick={() => void load()}>
          {words('refresh')}
        </button>
      </div>
      <p className="hint">{text('intro')}</p>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <ul className="list">
        {accounts.map((account) => {
          const own = account.email === ownEmail;
          const disabled = account.disabledAt !== null;
          return (
            <li
              key={account.userId}
              className="list__row list__row--static"
              data-testid="account-row"
              data-email={account.email}
              data-disabled={disabled}
            >
              <span>
                <span className="list__title">
                  {account.email}
                  {own && <span className="tag"> {text('you')}</span>}
                  {disabled && <span className="tag"> {text('disabled')}</span>}
                </span>
                <span className="list__detail">
                  {text(`role.${account.role}`)} · {text.count('devices', account.devices)} ·{' '}
                  <span data-testid="account-storage" data-bytes={account.storageBytes}>
                    {text('storage', { size: size.format(account.storageBytes / 1000) })}
                  </span>
                </span>
              </span>
              {!own && (
                <button
                  type="button"
                  className={disabled ? 'button' : 'button button--danger'}
                  data-testid={disabled ? 'enable-account' : 'disable-account'}
                  aria-label={text(disabled ? 'enableAccount' : 'disableAccount', { email: account.email })}
                  onClick={() => void setDisabled(account, !disabled)}
                >
                  {text(disabled ? 'enable' : 'disable')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
