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
import {
  ErrorBoundary,
  FocusTrap,
  formMessages,
  type LazyComponent,
  ScreenDrawn,
  ScreenFailed,
  withPatience,
} from '../ui/index.js';
import { appMessages } from './messages.js';
import { Navigation } from './Navigation.js';
import { Shortcuts } from './Shortcuts.js';
import { useScrollMemory } from './scroll-memory.js';
import { hrefOf, type Route, useRoute } from './use-route.js';
import { focusSearchSoon, useShortcuts } from './use-shortcuts.js';

type Editor = { readonly open: false } | { readonly open: true; readonly id?: string };

/** The screens that take nothing from the shell, by their route; the dashboard is part of the shell. */
const SCREENS: Readonly<Record<Exclude<Route, 'home' | 'transactions'>, LazyComponent<object>>> = {
  budgets: BudgetsScreen,
  reports: ReportsScreen,
  accounts: AccountsScreen,
  categories: CategoriesScreen,
  goals: GoalsScreen,
  recurring: RecurringScreen,
  currencies: CurrenciesScreen,
  import: ImportScreen,
  ledgers: LedgersScreen,
  household: HouseholdScreen,
  advisors: DirectoryScreen,
  bookings: BookingsScreen,
  'advisor-profile': AdvisorProfileScreen,
  settings: SettingsScreen,
  'verify-email': VerifyEmailScreen,
  'reset-password': ResetPasswordScreen,
  'change-email': ChangeEmailScreen,
};

/**
 * Starts loading the code of the screen `route` shows, so that it arrives while the start opens the
 * device's storage rather than after (docs/app.md#start). Resolves once the code has come or failed
 * to, or after the first screen's patience (`withPatience`), whichever is first: a module that
 * cannot load fails when the screen renders, where `ErrorBoundary` says so.
 */
export function preloadScreen(route: Route): Promise<void> {
  const screen = route === 'home' ? undefined : route === 'transactions' ? TransactionsScreen : SCREENS[route];
  return screen === undefined ? Promise.resolve() : withPatience<unknown>(screen.preload()).then(() => undefined);
}

export function App({ updates }: { readonly updates: AppUpdates }) {
  const text = useText(appMessages);
  const words = useText(formMessages);
  const route = useRoute();
  const Screen = route === 'home' || route === 'transactions' ? undefined : SCREENS[route];
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
            {Screen !== undefined && <Screen />}
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
