import { lazy, Suspense, useCallback, useState } from 'react';
import { AccountsScreen } from '../features/accounts/AccountsScreen.js';
import { BudgetsScreen } from '../features/budgets/BudgetsScreen.js';
import { CategoriesScreen } from '../features/categories/CategoriesScreen.js';
import { CurrenciesScreen } from '../features/currencies/CurrenciesScreen.js';
import { Dashboard } from '../features/dashboard/Dashboard.js';
import { GoalsScreen } from '../features/goals/GoalsScreen.js';
import { ImportScreen } from '../features/import/ImportScreen.js';
import { RecurringScreen } from '../features/recurring/RecurringScreen.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { SyncNotice, SyncStatus } from '../features/sync-status/index.js';
import { TransactionEditor, TransactionsScreen } from '../features/transactions/index.js';
import { UpdatePrompt, type AppUpdates } from '../features/update-prompt/index.js';
import { useText } from '../i18n/index.js';
import { appMessages } from './messages.js';
import { hrefOf, ROUTES, useRoute } from './use-route.js';
import { useReady } from './use-ready.js';

/** Reports carry the charting library: it loads when the screen is first opened, not with the app. */
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen.js').then((module) => ({ default: module.ReportsScreen })));

type Editor = { readonly open: false } | { readonly open: true; readonly id?: string };

export function App({ updates }: { readonly updates: AppUpdates }) {
  const text = useText(appMessages);
  const route = useRoute();
  const ready = useReady();
  const [editor, setEditor] = useState<Editor>({ open: false });
  const openTransaction = useCallback((id: string) => setEditor({ open: true, id }), []);

  return (
    <div className="shell" data-ready={ready}>
      <header className="shell__header">
        <a className="brand" href="#/">
          {text('brand')}
        </a>
        <SyncStatus />
      </header>
      <nav className="shell__nav" aria-label={text('navigation')}>
        {ROUTES.map((item) => (
          <a key={item} href={hrefOf(item)} aria-current={route === item ? 'page' : undefined} data-testid={`nav-${item}`}>
            {text(`route.${item}`)}
          </a>
        ))}
      </nav>
      <main className="shell__main">
        <SyncNotice />
        {route === 'home' && <Dashboard onOpen={openTransaction} />}
        {route === 'transactions' && <TransactionsScreen onOpen={openTransaction} />}
        {route === 'budgets' && <BudgetsScreen />}
        {route === 'reports' && (
          <Suspense fallback={<p className="empty">{text('loadingScreen')}</p>}>
            <ReportsScreen />
          </Suspense>
        )}
        {route === 'accounts' && <AccountsScreen />}
        {route === 'categories' && <CategoriesScreen />}
        {route === 'goals' && <GoalsScreen />}
        {route === 'recurring' && <RecurringScreen />}
        {route === 'currencies' && <CurrenciesScreen />}
        {route === 'import' && <ImportScreen />}
        {route === 'settings' && <SettingsScreen />}
      </main>
      <button
        type="button"
        className="fab"
        data-testid="add-transaction"
        aria-label={text('addTransaction')}
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
