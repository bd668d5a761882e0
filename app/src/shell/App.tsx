import { Suspense, useCallback, useMemo, useState } from 'react';
import { AccountsScreen } from '../features/accounts/index.js';
import { AdvisorProfileScreen, BookingsScreen, DirectoryScreen, LiveNotices } from '../features/advisors/index.js';
import { BudgetsScreen } from '../features/budgets/index.js';
import { CategoriesScreen } from '../features/categories/index.js';
import { CurrenciesScreen } from '../features/currencies/index.js';
import { Dashboard } from '../features/dashboard/index.js';
import { FirstRunStep } from '../features/first-run/index.js';
import { GoalsScreen } from '../features/goals/index.js';
import { HouseholdScreen } from '../features/household/index.js';
import { ImportScreen } from '../features/import/index.js';
import { LedgerRoleWatch, LedgerSwitcher, LedgersScreen, ReadOnlyNotice } from '../features/ledgers/index.js';
import { RecurringScreen } from '../features/recurring/index.js';
import { ReportsAhead, ReportsScreen } from '../features/reports/index.js';
import {
  ChangeEmailScreen,
  ResetPasswordScreen,
  SettingsScreen,
  TimeZoneKeeper,
  VerifyEmailScreen,
} from '../features/settings/index.js';
import { SyncNotice, SyncStatus } from '../features/sync-status/index.js';
import { type Deletion, TransactionEditor, TransactionsScreen, UndoDelete } from '../features/transactions/index.js';
import { type AppUpdates, OfflineReady, UpdatePrompt } from '../features/update-prompt/index.js';
import { useText } from '../i18n/index.js';
import { useCanEdit, useFirstRunOffered, useLedgers, useReady } from '../tally/index.js';
import { ErrorBoundary, FocusTrap, formMessages, ScreenDrawn, ScreenFailed } from '../ui/index.js';
import { appMessages } from './messages.js';
import { Navigation } from './Navigation.js';
import { Shortcuts } from './Shortcuts.js';
import { useScrollMemory } from './scroll-memory.js';
import { hrefOf, useRoute } from './use-route.js';
import { focusSearchSoon, useShortcuts } from './use-shortcuts.js';

type Editor = { readonly open: false } | { readonly open: true; readonly id?: string };

export function App({ updates }: { readonly updates: AppUpdates }) {
  const text = useText(appMessages);
  const words = useText(formMessages);
  const route = useRoute();
  useScrollMemory();
  const ready = useReady();
  const firstRun = useFirstRunOffered();
  // A viewer's ledger takes no new transactions: the relay would drop them (SPEC VIEW1).
  const writable = useCanEdit();
  const severalLedgers = useLedgers().ledgers.length > 1;
  const [editor, setEditor] = useState<Editor>({ open: false });
  const openTransaction = useCallback(
    (id: string) => {
      if (writable) setEditor({ open: true, id });
    },
    [writable],
  );
  const [deletion, setDeletion] = useState<Deletion | undefined>(undefined);
  const deleted = useCallback((ids: readonly string[]) => setDeletion({ ids }), []);
  const deletionGone = useCallback(() => setDeletion(undefined), []);
  const [shortcutsShown, setShortcutsShown] = useState(false);
  const shortcuts = useMemo(
    () => ({
      newTransaction: () => {
        if (writable) setEditor({ open: true });
      },
      search: () => {
        window.location.hash = hrefOf('transactions');
        focusSearchSoon();
      },
      listShortcuts: () => setShortcutsShown(true),
    }),
    [writable],
  );
  useShortcuts(ready && !editor.open && !shortcutsShown, shortcuts);

  return (
    <div className="shell" data-ready={ready}>
      <header className="shell__header">
        <a className="brand" href="#/">
          {text('brand')}
        </a>
        <LedgerRoleWatch />
        <TimeZoneKeeper />
        <ReportsAhead />
        {severalLedgers && (
          <Suspense fallback={null}>
            <LedgerSwitcher />
          </Suspense>
        )}
        <SyncStatus />
      </header>
      <Navigation route={route} />
      <main className="shell__main">
        <OfflineReady updates={updates} />
        <SyncNotice />
        <LiveNotices />
        {!writable && (
          <Suspense fallback={null}>
            <ReadOnlyNotice />
          </Suspense>
        )}
        <ErrorBoundary key={route} where={`the ${route} screen`} fallback={(retry) => <ScreenFailed retry={retry} />}>
          <Suspense fallback={<p className="empty">{words('loading')}</p>}>
            {route === 'home' && (firstRun ? <FirstRunStep /> : <Dashboard onOpen={openTransaction} />)}
            {route === 'transactions' && <TransactionsScreen onOpen={openTransaction} onDeleted={deleted} />}
            {route === 'budgets' && <BudgetsScreen />}
            {route === 'reports' && <ReportsScreen />}
            {route === 'accounts' && <AccountsScreen />}
            {route === 'categories' && <CategoriesScreen />}
            {route === 'goals' && <GoalsScreen />}
            {route === 'recurring' && <RecurringScreen />}
            {route === 'currencies' && <CurrenciesScreen />}
            {route === 'import' && <ImportScreen />}
            {route === 'ledgers' && <LedgersScreen />}
            {route === 'household' && <HouseholdScreen />}
            {route === 'advisors' && <DirectoryScreen />}
            {route === 'bookings' && <BookingsScreen />}
            {route === 'advisor-profile' && <AdvisorProfileScreen />}
            {route === 'settings' && <SettingsScreen />}
            {route === 'verify-email' && <VerifyEmailScreen />}
            {route === 'reset-password' && <ResetPasswordScreen />}
            {route === 'change-email' && <ChangeEmailScreen />}
            <ScreenDrawn />
          </Suspense>
        </ErrorBoundary>
      </main>
      {writable && (
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
      )}
      {editor.open && (
        <FocusTrap>
          <ErrorBoundary
            where="the transaction form"
            fallback={(retry) => <ScreenFailed retry={retry} onClose={() => setEditor({ open: false })} />}
          >
            <Suspense fallback={null}>
              <TransactionEditor
                id={editor.id}
                onClose={() => setEditor({ open: false })}
                onDeleted={(id) => deleted([id])}
              />
            </Suspense>
          </ErrorBoundary>
        </FocusTrap>
      )}
      {shortcutsShown && <Shortcuts onClose={() => setShortcutsShown(false)} />}
      <UndoDelete deletion={deletion} onGone={deletionGone} />
      <UpdatePrompt updates={updates} />
    </div>
  );
}
