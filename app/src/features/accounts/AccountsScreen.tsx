import { useState } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useRecords } from '../../ledger/index.js';
import { Money } from '../../ui/Money.js';
import { AccountForm } from './AccountForm.js';
import { useAccountBalances } from './use-account-balances.js';

type Editing = { readonly kind: 'none' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string };

export function AccountsScreen() {
  const tally = useTally();
  const accounts = useRecords(tally.accounts);
  const balances = useAccountBalances();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const done = () => setEditing({ kind: 'none' });
  const open = accounts.filter((account) => !account.archived);
  const archived = accounts.filter((account) => account.archived);

  const list = (shown: typeof accounts) => (
    <ul className="list">
      {shown.map((account) =>
        editing.kind === 'edit' && editing.id === account.id ? (
          <li key={account.id}>
            <AccountForm account={account} onDone={done} />
          </li>
        ) : (
          <li key={account.id} className="list__row" data-testid="account-row" data-id={account.id}>
            <button type="button" className="list__button" onClick={() => setEditing({ kind: 'edit', id: account.id })}>
              <span>
                <span className="list__title" data-testid="account-row-name">{account.name}</span>
                <span className="list__detail">
                  {account.type} · {account.currency}
                </span>
              </span>
              <Money amount={balances.get(account.id) ?? 0} currency={account.currency} testId="account-balance" />
            </button>
          </li>
        ),
      )}
    </ul>
  );

  return (
    <section className="screen" aria-labelledby="accounts-title">
      <div className="screen__head">
        <h1 id="accounts-title">Accounts</h1>
        <button type="button" className="button button--primary" data-testid="add-account" onClick={() => setEditing({ kind: 'new' })}>
          New account
        </button>
      </div>
      {editing.kind === 'new' && <AccountForm onDone={done} />}
      {open.length === 0 && editing.kind !== 'new' && <p className="empty">Add the accounts you spend from: a bank account, a card, cash.</p>}
      {list(open)}
      {archived.length > 0 && (
        <details className="archived">
          <summary>Archived ({archived.length})</summary>
          {list(archived)}
        </details>
      )}
    </section>
  );
}
