import { useCallback, useState } from 'react';
import { AccountsScreen } from '../features/accounts/AccountsScreen.js';
import { CategoriesScreen } from '../features/categories/CategoriesScreen.js';
import { Dashboard } from '../features/dashboard/Dashboard.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { SyncNotice, SyncStatus } from '../features/sync-status/index.js';
import { TransactionEditor, TransactionsScreen } from '../features/transactions/index.js';
import { UpdatePrompt, type AppUpdates } from '../features/update-prompt/index.js';
import { hrefOf, useRoute, type Route } from './use-route.js';
import { useReady } from './use-ready.js';

const NAVIGATION: readonly { route: Route; label: string }[] = [
  { route: 'home', label: 'Home' },
  { route: 'transactions', label: 'Transactions' },
  { route: 'accounts', label: 'Accounts' },
  { route: 'categories', label: 'Categories' },
  { route: 'settings', label: 'Settings' },
];

type Editor = { readonly open: false } | { readonly open: true; readonly id?: string };

export function App({ updates }: { readonly updates: AppUpdates }) {
  const route = useRoute();
  const ready = useReady();
  const [editor, setEditor] = useState<Editor>({ open: false });
  const openTransaction = useCallback((id: string) => setEditor({ open: true, id }), []);

  return (
    <div className="shell" data-ready={ready}>
      <header className="shell__header">
        <a className="brand" href="#/">
          Tally
        </a>
        <SyncStatus />
      </header>
      <nav className="shell__nav" aria-label="Main">
        {NAVIGATION.map((item) => (
          <a key={item.route} href={hrefOf(item.route)} aria-current={route === item.route ? 'page' : undefined} data-testid={`nav-${item.route}`}>
            {item.label}
          </a>
        ))}
      </nav>
      <main className="shell__main">
        <SyncNotice />
        {route === 'home' && <Dashboard onOpen={openTransaction} />}
        {route === 'transactions' && <TransactionsScreen onOpen={openTransaction} />}
        {route === 'accounts' && <AccountsScreen />}
        {route === 'categories' && <CategoriesScreen />}
        {route === 'settings' && <SettingsScreen />}
      </main>
      <button
        type="button"
        className="fab"
        data-testid="add-transaction"
        aria-label="Add transaction"
        disabled={!ready}
        onClick={() => setEditor({ open: true })}
      >
        +
      </button>
      {editor.open && <TransactionEditor id={editor.id} onClose={() => setEditor({ open: false })} />}
      <UpdatePrompt updates={updates} />
    </div>
  );
}
