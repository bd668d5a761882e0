import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { Route } from '../../src/shell/use-route.js';

export type SyncStateName = 'local' | 'offline' | 'syncing' | 'synced';

export interface NewTransaction {
  readonly amount: string;
  readonly payee: string;
  readonly account?: string;
  readonly date?: string;
  readonly notes?: string;
}

/** How a device's browser is set up before Tally first opens in it. */
export interface DeviceSetUp {
  /** `offered` leaves the first-run step of a fresh device to the test; by default it is skipped. */
  readonly firstRun?: 'skip' | 'offered';
  /** The browser's language and region; `en-US` unless given. */
  readonly locale?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly context?: BrowserContextOptions;
  /** Runs on the new context before its first page opens (init scripts, routes). */
  readonly prepare?: (context: BrowserContext) => Promise<unknown>;
  /** False when Tally is expected not to become ready (a start that fails). */
  readonly waitUntilReady?: boolean;
}

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 60_000 } as const;

/** One device: a browser context with its own storage, driven through Tally's stable test ids. */
export class TallyDevice {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly appUrl: string,
  ) {}

  static async open(browser: Browser, appUrl: string, setUp: DeviceSetUp = {}): Promise<TallyDevice> {
    const context = await browser.newContext({
      locale: setUp.locale ?? 'en-US',
      timezoneId: 'UTC',
      ...(setUp.viewport && { viewport: setUp.viewport }),
      ...setUp.context,
    });
    await setUp.prepare?.(context);
    const page = await context.newPage();
    const device = new TallyDevice(context, page, appUrl);
    if (setUp.waitUntilReady === false) await page.goto(`${appUrl}/`);
    else {
      await device.goto('/');
      if (setUp.firstRun !== 'offered') await device.skipFirstRun();
    }
    return device;
  }

  /** Another tab of this device: the same browser storage, opened on Tally and ready. */
  async newTab(): Promise<TallyDevice> {
    const tab = new TallyDevice(this.context, await this.context.newPage(), this.appUrl);
    await tab.goto('/');
    return tab;
  }

  /** Skips the first-run step if this device offers it, as a person who wants an empty ledger would. */
  async skipFirstRun(): Promise<void> {
    if ((await this.byTestId('first-run').count()) === 0) return;
    await this.byTestId('first-run-skip').click();
    await this.byTestId('first-run').waitFor({ state: 'detached', ...PATIENCE });
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.appUrl}${path}`);
    await this.waitUntilReady();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await this.page.locator('.shell[data-ready="true"]').waitFor(PATIENCE);
  }

  /** Resolves once the service worker controls this origin, so the shell is precached. */
  async waitForServiceWorker(): Promise<string> {
    return this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.scriptURL ?? '';
    });
  }

  /**
   * Waits for the first visit's "ready to work offline" note and dismisses it, as a person would.
   * The note arrives whenever the service worker finishes installing and pushes the page down, so a
   * test that measures the layout or the scroll position settles it first.
   */
  async dismissOfflineReady(): Promise<void> {
    await this.waitForServiceWorker();
    await this.byTestId('offline-ready-dismiss').click(PATIENCE);
    await this.byTestId('offline-ready').waitFor({ state: 'detached', ...PATIENCE });
  }

  /** Opens a screen from the navigation, through "More" when it is not in a phone's bottom bar. */
  async open(screen: Route): Promise<void> {
    const link = this.byTestId(`nav-${screen}`);
    const more = this.byTestId('nav-more');
    const shown = this.page.locator(`[data-testid="nav-${screen}"]:visible, [data-testid="nav-more"]:visible`);
    // A page reloading into another ledger shows no navigation for a moment, and can reload between
    // two of these steps: each try looks afresh at the page as it is now.
    const deadline = Date.now() + PATIENCE.timeout;
    for (;;) {
      try {
        await shown.first().waitFor(PATIENCE);
        if (!(await link.isVisible())) await more.click({ timeout: 5_000 });
        await link.click({ timeout: 5_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  async addAccount(name: string, currency = 'USD'): Promise<void> {
    await this.open('accounts');
    await this.byTestId('add-account').click();
    await this.byTestId('account-name').fill(name);
    await this.byTestId('account-currency').fill(currency);
    await this.byTestId('save-account').click();
    await this.page.locator('[data-testid="account-row-name"]', { hasText: name }).waitFor(PATIENCE);
  }

  async addTransaction(transaction: NewTransaction): Promise<void> {
    await this.byTestId('add-transaction').click();
    await this.fillTransaction(transaction);
    await this.byTestId('save').click();
    await this.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  }

  async fillTransaction(transaction: Partial<NewTransaction>): Promise<void> {
    if (transaction.amount !== undefined) await this.byTestId('amount').fill(transaction.amount);
    if (transaction.payee !== undefined) await this.byTestId('payee').fill(transaction.payee);
    if (transaction.date !== undefined) await this.byTestId('date').fill(transaction.date);
    if (transaction.account !== undefined) await this.byTestId('account').selectOption({ label: transaction.account });
    if (transaction.notes !== undefined) await this.byTestId('notes').fill(transaction.notes);
  }

  /** Opens a transaction in the editor, changes fields and saves. */
  async editTransaction(id: string, change: Partial<NewTransaction>): Promise<void> {
    await this.open('transactions');
    await this.row(id).click();
    await this.fillTransaction(change);
    await this.byTestId('save').click();
    await this.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  }

  rows(): Locator {
    return this.byTestId('transaction-row');
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="transaction-row"][data-id="${id}"]`);
  }

  rowByPayee(payee: string): Locator {
    return this.rows().filter({ has: this.page.getByTestId('tx-payee').getByText(payee, { exact: true }) });
  }

  async idOfRow(payee: string): Promise<string> {
    await this.open('transactions');
    const id = await this.rowByPayee(payee).getAttribute('data-id', PATIENCE);
    if (id === null) throw new Error(`no transaction row for ${payee}`);
    return id;
  }

  async connect(action: 'register' | 'login', relayUrl: string, email: string, deviceName: string): Promise<void> {
    await this.open('settings');
    await this.byTestId('relay-url').fill(relayUrl);
    await this.byTestId('email').fill(email);
    await this.byTestId('password').fill('correct horse battery staple');
    await this.byTestId('device-name').fill(deviceName);
    await this.byTestId(action).click();
    await this.byTestId('relay-account').waitFor(PATIENCE);
  }

  async waitForSyncState(state: SyncStateName): Promise<void> {
    await this.page.locator(`[data-testid="sync-status"][data-state="${state}"]`).waitFor(PATIENCE);
  }

  /** The relay session as this device stored it, read straight from IndexedDB. */
  async storedSession(): Promise<{ accessToken: string; refreshToken: string; revoked: boolean } | undefined> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const opening = indexedDB.open('tally');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const reading = opening.result.transaction('settings').objectStore('settings').get('relay.session');
            reading.onerror = () => reject(reading.error);
            reading.onsuccess = () => {
              opening.result.close();
              resolve(
                (
                  reading.result as
                    | { value?: { accessToken: string; refreshToken: string; revoked: boolean } }
                    | undefined
                )?.value,
              );
            };
          };
        }),
    );
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
