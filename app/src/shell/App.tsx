import { type ComponentType, lazy, Suspense, useCallback, useState } from 'react';
import { Dashboard } from '../features/dashboard/Dashboard.js';
import { SyncNotice, SyncStatus } from '../features/sync-status/index.js';
import { TransactionsScreen } from '../features/transactions/index.js';
import { type AppUpdates, UpdatePrompt } from '../features/update-prompt/index.js';
import { useText } from '../i18n/index.js';
import { useReady } from '../tally/index.js';
import { FocusTrap } from '../ui/index.js';
import { appMessages } from './messages.js';
import { hrefOf, ROUTES, useRoute } from './use-route.js';

/**
 * Screens beyond home and the transaction list load when first opened, so the first visit
 * downloads only what it shows (reports carry the charting library, import its readers). The
 * service worker precaches every one of them, so they open offline all the same.
 */
function lazyScreen<Name extends string>(load: () => Promise<Readonly<Record<Name, ComponentType>>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const BudgetsScreen = lazyScreen(() => import('../features/budgets/BudgetsScreen.js'), 'BudgetsScreen');
const ReportsScreen = lazyScreen(() => import('../features/reports/ReportsScreen.js'), 'ReportsScreen');
const GoalsScreen = lazyScreen(() => import('../features/goals/GoalsScreen.js'), 'GoalsScreen');
const RecurringScreen = lazyScreen(() => import('../features/recurring/RecurringScreen.js'), 'RecurringScreen');
const CurrenciesScreen = lazyScreen(() => import('../features/currencies/CurrenciesScreen.js'), 'CurrenciesScreen');
const AccountsScreen = lazyScreen(() => import('../features/accounts/AccountsScreen.js'), 'AccountsScreen');
const CategoriesScreen = lazyScreen(() => import('../features/categories/CategoriesScreen.js'), 'CategoriesScreen');
const SettingsScreen = lazyScreen(() => import('../features/settings/SettingsScreen.js'), 'SettingsScreen');
const ImportScreen = lazyScreen(() => import('../features/import/ImportScreen.js'), 'ImportScreen');
/** The transaction form, with splits, tags and category suggestions, loads on its first opening. */
const TransactionEditor = lazy(async () => ({
  default: (await import('../features/transactions/TransactionEditor.js')).TransactionEditor,
}));

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
          <a
            key={item}
            href={hrefOf(item)}
            aria-current={route === item ? 'page' : undefined}
            data-testid={`nav-${item}`}
          >
            {text(`route.${item}`)}
          </a>
        ))}
      </nav>
      <main className="shell__main">
        <SyncNotice />
        <Suspense fallback={<p className="empty">{text('loadingScreen')}</p>}>
          {route === 'home' && <Dashboard onOpen={openTransaction} />}
          {route === 'transactions' && <TransactionsScreen onOpen={openTransaction} />}
          {route === 'budgets' && <BudgetsScreen />}
          {route === 'reports' && <ReportsScreen />}
          {route === 'accounts' && <AccountsScreen />}
          {route === 'categories' && <CategoriesScreen />}
          {route === 'goals' && <GoalsScreen />}
          {route === 'recurring' && <RecurringScreen />}
          {route === 'currencies' && <CurrenciesScreen />}
          {route === 'import' && <ImportScreen />}
          {route === 'settings' && <SettingsScreen />}
        </Suspense>
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
      {editor.open && (
        <FocusTrap>
          <Suspense fallback={null}>
            <TransactionEditor id={editor.id} onClose={() => setEditor({ open: false })} />
          </Suspense>
        </FocusTrap>
      )}
      <UpdatePrompt updates={updates} />
    </div>
  );
}
