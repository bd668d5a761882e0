import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { closeAndFocus, RowButton, routeMessages } from '../../ui/index.js';
import { AccountBalance } from './AccountBalance.js';
import { AccountForm } from './AccountForm.js';
import type { AccountValue } from './account-values.js';
import { accountMessages } from './messages.js';
import { NetWorthSummary } from './NetWorthSummary.js';
import { useAccountTypeName } from './use-account-type-name.js';
import { useAccountValues } from './use-account-values.js';
import './accounts.css';

type Editing = { readonly kind: 'none' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

/** Every account with its balance, in its own currency and the home currency, and the net worth they add up to. */
export function AccountsScreen() {
  const text = useText(accountMessages);
  const routes = useText(routeMessages);
  const typeName = useAccountTypeName();
  const { values, netWorth, mismatched } = useAccountValues();
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const done = () =>
    closeAndFocus(
      () => setEditing({ kind: 'none' }),
      editing.kind === 'edit' ? `edit-account-${editing.id}` : 'add-account',
      'add-account',
    );
  const open = values.filter((value) => !value.account.archived);
  const archived = values.filter((value) => value.account.archived);

  const list = (shown: readonly AccountValue[]) => (
    <ul className="list">
      {shown.map((value) => {
        const { account } = value;
        const leftOut = mismatched.get(account.id) ?? 0;
        return editing.kind === 'edit' && editing.id === account.id ? (
          <li key={account.id}>
            <AccountForm account={account} onDone={done} />
          </li>
        ) : (
          <li key={account.id} className="list__row" data-testid="account-row" data-id={account.id}>
            <RowButton
              opens={canEdit}
              className="list__button"
              id={`edit-account-${account.id}`}
              onClick={() => setEditing({ kind: 'edit', id: account.id })}
            >
              <span>
                <span className="list__title" data-testid="account-row-name">
                  {account.name}
                </span>
                <span className="list__detail">
                  {text('rowDetail', { type: typeName(account.type), currency: account.currency })}
                </span>
                {leftOut > 0 && (
                  <span className="list__detail" data-testid="account-mismatched">
                    {text.count('mismatched', leftOut)}
                  </span>
                )}
              </span>
              <AccountBalance value={value} />
            </RowButton>
          </li>
        );
      })}
    </ul>
  );

  return (
    <section className="screen" aria-labelledby="accounts-title">
      <div className="screen__head">
        <h1 id="accounts-title">{routes('accounts')}</h1>
        {canEdit && (
          <button
            type="button"
            className="button button--primary"
            id="add-account"
            data-testid="add-account"
            onClick={() => setEditing({ kind: 'new' })}
          >
            {text('add')}
          </button>
        )}
      </div>
      {editing.kind === 'new' && <AccountForm onDone={done} />}
      {/* Deleted on another device while open: the form stays, so the edit can still be saved. */}
      {editing.kind === 'edit' && !values.some((value) => value.account.id === editing.id) && (
        <AccountForm account={ledger.accounts.get(editing.id)} onDone={done} />
      )}
      {open.length === 0 && editing.kind !== 'new' && <p className="empty">{text('empty')}</p>}
      {open.length > 0 && (
        <div className="card">
          <NetWorthSummary netWorth={netWorth} />
        </div>
      )}
      {list(open)}
      {archived.length > 0 && (
        <details className="archived">
          <summary>{text('archived', { count: archived.length })}</summary>
          {list(archived)}
        </details>
      )}
    </section>
  );
}
