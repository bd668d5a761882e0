import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROUTES } from '../src/shell/use-route.js';
import { axeViolations } from './support/axe.js';
import { addRate, chooseHomeCurrency } from './support/currencies-steps.js';
import { addRule } from './support/data-steps.js';
import { addContribution, addExpenseCategory, addGoal, typeBudget } from './support/plans-steps.js';
import { addRecurring } from './support/recurring-steps.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

/** Creates a ledger from the Ledgers screen; Tally reopens in it. */
async function createLedger(device: TallyDevice, name: string): Promise<void> {
  await device.open('ledgers');
  await device.byTestId('new-ledger-name').fill(name);
  await device.byTestId('create-ledger').click();
  await device.page.locator('[data-testid="ledger-row"][data-current="true"]', { hasText: name }).waitFor(PATIENCE);
  await device.waitUntilReady();
}

/** Invites an email into the open ledger and returns the code the owner passes on. */
async function invite(owner: TallyDevice, email: string, role: 'editor' | 'viewer'): Promise<string> {
  await owner.open('ledgers');
  await owner.byTestId('invite-email').fill(email);
  await owner.byTestId('invite-role').selectOption(role);
  await owner.byTestId('send-invitation').click();
  const code = await owner.byTestId('issued-code').textContent(PATIENCE);
  if (!code) throw new Error('no invitation code was shown');
  await owner.page.locator('[data-testid="pending-invitation"]', { hasText: email }).waitFor(PATIENCE);
  return code;
}

/** Joins a ledger with a code; Tally reopens in it. */
async function accept(device: TallyDevice, code: string, name: string): Promise<void> {
  await device.open('ledgers');
  await device.byTestId('accept-code').fill(code);
  await device.byTestId('accept-invitation').click();
  await device.page.locator('[data-testid="ledger-switcher"] option:checked', { hasText: name }).waitFor({
    state: 'attached',
    ...PATIENCE,
  });
  await device.waitUntilReady();
}

/** The names of the IndexedDB databases a device holds. */
function databases(device: TallyDevice): Promise<string[]> {
  return device.page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? ''));
}

function docIdOf(device: TallyDevice): Promise<string> {
  return device.storedSession().then((session) => (session as { docId?: string } | undefined)?.docId ?? '');
}

test('two people keep a household together: B pays 60.00 shared equally, A owes B 30.00, A settles up and both are square; B never receives A’s personal ledger', async () => {
  const a = await world.device();
  await a.connect('register', world.relayUrl, 'ana@example.com', 'Ana’s laptop');
  await a.addAccount('Wallet');
  await a.addTransaction({ amount: '99.00', payee: 'Private dentist', account: 'Wallet' });
  await a.waitForSyncState('synced');
  const personalOfA = await docIdOf(a);

  await createLedger(a, 'Household');
  await a.addAccount('Joint');
  await a.waitForSyncState('synced');
  const code = await invite(a, 'ben@example.com', 'editor');

  const b = await world.device();
  await b.connect('register', world.relayUrl, 'ben@example.com', 'Ben’s phone');
  await accept(b, code, 'Household');
  await b.waitForSyncState('synced');

  // B records what B paid, shared equally between the two of them.
  await b.byTestId('add-transaction').click();
  await b.fillTransaction({ amount: '60.00', payee: 'Groceries' });
  await b.page
    .locator('[data-testid="account"] option', { hasText: 'Joint' })
    .waitFor({ state: 'attached', ...PATIENCE });
  await b.byTestId('account').selectOption({ label: 'Joint' });
  await b.page
    .locator('[data-testid="paid-by"] option', { hasText: 'ana' })
    .waitFor({ state: 'attached', ...PATIENCE });
  await b.byTestId('paid-by').selectOption({ label: 'ben' });
  await expect(b.byTestId('share-mode').inputValue()).resolves.toBe('equal');
  await expect(b.byTestId('share-row').count()).resolves.toBe(2);
  await b.byTestId('save').click();
  await b.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

  await a.open('household');
  const owes = a.byTestId('owes-row');
  await owes.filter({ hasText: 'ana owes ben $30.00' }).waitFor(PATIENCE);
  await expect(owes.count()).resolves.toBe(1);
  await a.page.setViewportSize({ width: 360, height: 800 });
  await expect(a.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  expect(await axeViolations(a.page)).toEqual([]);

  await a.byTestId('settle-up').focus();
  await a.page.keyboard.press('Enter');
  await a.byTestId('all-square').waitFor(PATIENCE);
  await b.open('household');
  await b.byTestId('all-square').waitFor(PATIENCE);
  const balances = await b
    .byTestId('person-balance')
    .evaluateAll((found) => found.map((each) => each.getAttribute('data-amount')));
  expect(balances).toEqual(['0', '0']);

  // Each person's personal ledger stays theirs: B holds its own and the household, nothing of A's.
  const held = await databases(b);
  expect(held).not.toContain(`tally-ledger.${personalOfA}`);
  expect(held.filter((name) => name.startsWith('tally-ledger'))).toHaveLength(2);
  await b.byTestId('ledger-switcher').selectOption({ label: 'Personal' });
  await b.waitUntilReady();
  await b.open('transactions');
  await b.byTestId('transactions-empty').waitFor(PATIENCE);
  await expect(b.page.getByText('Private dentist').count()).resolves.toBe(0);
});

test('a viewer sees the household read-only: no “+”, a notice saying why, and the owner’s edits arriving', async () => {
  const owner = await world.device();
  await owner.connect('register', world.relayUrl, 'olga@example.com', 'Olga’s laptop');
  await createLedger(owner, 'Flat');
  await owner.addAccount('Rent account');
  const code = await invite(owner, 'vic@example.com', 'viewer');

  const viewer = await world.device();
  await viewer.connect('register', world.relayUrl, 'vic@example.com', 'Vic’s tablet');
  await accept(viewer, code, 'Flat');
  const notice = viewer.byTestId('read-only-notice');
  await notice.waitFor(PATIENCE);
  await expect(notice.textContent()).resolves.toContain('view only');
  await expect(viewer.byTestId('add-transaction').count()).resolves.toBe(0);

  await owner.addTransaction({ amount: '800.00', payee: 'Rent', account: 'Rent account' });
  await viewer.open('transactions');
  await viewer.rowByPayee('Rent').waitFor(PATIENCE);
  await viewer.rowByPayee('Rent').click();
  await expect(viewer.byTestId('transaction-editor').count()).resolves.toBe(0);
  expect(await axeViolations(viewer.page)).toEqual([]);

  // The owner fills every screen with something an editor could change.
  await chooseHomeCurrency(owner, 'USD');
  await owner.open('accounts');
  await owner.byTestId('add-account').click();
  await owner.byTestId('account-name').fill('Euro cash');
  await owner.byTestId('account-currency').fill('EUR');
  await owner.byTestId('save-account').click();
  await owner.page.locator('[data-testid="account-row-name"]', { hasText: 'Euro cash' }).waitFor(PATIENCE);
  await addRate(owner, { from: 'GBP', to: 'USD', date: '2026-01-05', rate: '1.27' });
  await addExpenseCategory(owner, 'Groceries', 'Food');
  await addRule(owner, { contains: 'market', category: 'Food · Groceries' });
  await owner.open('budgets');
  await typeBudget(owner, 'Groceries', '300');
  await addGoal(owner, { name: 'Holiday', target: '1000' });
  await addContribution(owner, 'Holiday', '50');
  await addRecurring(owner, { amount: '800', payee: 'Landlord', account: 'Rent account', frequency: 'monthly' });
  await owner.waitForSyncState('synced');
  await viewer.open('recurring');
  await viewer.page.locator('[data-testid="recurring-payee"]', { hasText: 'Landlord' }).waitFor(PATIENCE);
  await viewer.open('goals');
  await viewer.page.locator('[data-testid="goal-row"][data-name="Holiday"]').waitFor(PATIENCE);
  await viewer.open('categories');
  await viewer.byTestId('rule-row').waitFor(PATIENCE);
  await viewer.open('currencies');
  await viewer.byTestId('rate-row').waitFor(PATIENCE);
  await viewer.page.locator('[data-testid="currency-use"][data-currency="EUR"]').waitFor(PATIENCE);
  await viewer.open('budgets');
  await expect
    .poll(
      () => viewer.page.locator('[data-testid="budget-line"][data-name="Groceries"] input').first().inputValue(),
      PATIENCE,
    )
    .toMatch(/^300/);

  // On every screen the viewer finds only controls that look, choose what is shown, or concern the
  // device and the account — none that changes the ledger — and axe finds nothing to mend.
  const found = [];
  for (const route of ROUTES) {
    await viewer.open(route);
    await viewer.page.locator('main h1').first().waitFor({ state: 'attached' });
    await viewer.page.locator('main details:not([open]) > summary').evaluateAll((closed) => {
      for (const summary of closed) (summary as HTMLElement).click();
    });
    const controls = await viewer.page.locator('main').evaluate(enabledControls);
    const writing = controls.filter((control) => !LOOKING.has(control));
    found.push({ route, writing, violations: await axeViolations(viewer.page) });
  }
  expect(found).toEqual(ROUTES.map((route) => ({ route, writing: [], violations: [] })));
});

/** Controls on a read-only ledger that change nothing in it (test ids, else accessible names). */
const LOOKING = new Set([
  // what the transaction list and the reports show, and the month the budgets show
  ...['filter-text', 'filter-toggle', 'filter-account', 'filter-category', 'filter-from', 'filter-to'],
  ...['report-kind-spending', 'report-kind-income-expense', 'report-kind-net-worth', 'report-kind-category-trend'],
  ...['report-period', 'report-account', 'export-csv', 'budget-previous', 'budget-next'],
  // the ledgers the account holds: open another, make or join one, see the members, leave
  ...['open-ledger', 'new-ledger-name', 'create-ledger', 'accept-code', 'accept-invitation'],
  ...['refresh-members', 'leave-ledger'],
  // the device and the account: devices, notifications, language, a copy of the data, the address, logging out
  ...['refresh-devices', 'push-on', 'save-notifications', 'language', 'export-backup'],
  ...['billReminders', 'invitations', 'bookings', 'messages', 'payments'].flatMap((kind) => [
    `notify-${kind}-email`,
    `notify-${kind}-push`,
  ]),
  ...['change-email-address', 'change-email-password', 'send-email-change'],
  ...['logout-keep-data', 'logout-wipe-data', 'logout'],
]);

/** What each usable control in the element is called: its test id, else its label, else its text. */
function enabledControls(root: Element): string[] {
  const controls = root.querySelectorAll<HTMLElement>('button, input, select, textarea, [contenteditable="true"]');
  return [...controls]
    .filter((control) => !(control as HTMLButtonElement).disabled && !(control as HTMLInputElement).readOnly)
    .map(
      (control) =>
        control.dataset.testid ??
        control.getAttribute('aria-label') ??
        control.id ??
        control.textContent?.trim() ??
        control.tagName,
    );
}

test('members: an invitation link fills in the code, a role changed by the owner reaches the member’s open app, a revoked code is refused, and a member leaves', async () => {
  const owner = await world.device();
  await owner.connect('register', world.relayUrl, 'omar@example.com', 'Omar’s laptop');
  await createLedger(owner, 'Club');
  const code = await invite(owner, 'pia@example.com', 'viewer');
  const link = await owner.byTestId('issued-link').textContent();
  expect(link).toContain(`#/accept?code=${code}`);

  const pia = await world.device();
  await pia.connect('register', world.relayUrl, 'pia@example.com', 'Pia’s phone');
  await pia.goto(`/#/accept?code=${code}`);
  await expect(pia.byTestId('accept-code').inputValue()).resolves.toBe(code);
  await pia.byTestId('accept-invitation').click();
  await pia.byTestId('read-only-notice').waitFor(PATIENCE);

  await owner.open('ledgers');
  await owner.byTestId('refresh-members').click();
  const member = owner.page.locator('[data-testid="member-row"][data-email="pia@example.com"]');
  await member.getByTestId('member-role').selectOption('editor');
  await owner.page
    .locator('[data-testid="member-row"][data-email="pia@example.com"][data-role="editor"]')
    .waitFor(PATIENCE);
  await pia.byTestId('add-transaction').waitFor(PATIENCE);
  await pia.waitUntilReady();
  await expect(pia.byTestId('read-only-notice').count()).resolves.toBe(0);

  const revoked = await invite(owner, 'quinn@example.com', 'editor');
  const pending = owner.page.locator('[data-testid="pending-invitation"][data-email="quinn@example.com"]');
  await pending.getByTestId('revoke-invitation').click();
  await pending.waitFor({ state: 'detached', ...PATIENCE });
  const quinn = await world.device();
  await quinn.connect('register', world.relayUrl, 'quinn@example.com', 'Quinn’s laptop');
  await quinn.open('ledgers');
  await quinn.byTestId('accept-code').fill(revoked);
  await quinn.byTestId('accept-invitation').click();
  await expect(quinn.byTestId('accept-code-error').textContent(PATIENCE)).resolves.toContain('does not work');

  await pia.open('ledgers');
  pia.page.once('dialog', (dialog) => void dialog.accept());
  await Promise.all([pia.page.waitForEvent('load', PATIENCE), pia.byTestId('leave-ledger').click()]);
  await pia.waitUntilReady();
  await pia.open('ledgers');
  await pia.page.locator('[data-testid="ledger-row"][data-key="personal"][data-current="true"]').waitFor(PATIENCE);
  await expect(pia.byTestId('ledger-row').count()).resolves.toBe(1);
  await expect
    .poll(() => databases(pia).then((names) => names.filter((name) => name.startsWith('tally-ledger.'))), PATIENCE)
    .toEqual([]);
  await owner.byTestId('refresh-members').click();
  await member.waitFor({ state: 'detached', ...PATIENCE });
});

test('an edit made while the relay is down survives switching to another ledger and back, and reaches the other member once it is up', async () => {
  const a = await world.device();
  await a.connect('register', world.relayUrl, 'rosa@example.com', 'Rosa’s laptop');
  await createLedger(a, 'Summer house');
  await a.addAccount('House kitty');
  const code = await invite(a, 'sol@example.com', 'editor');
  const b = await world.device();
  await b.connect('register', world.relayUrl, 'sol@example.com', 'Sol’s phone');
  await accept(b, code, 'Summer house');
  await b.waitForSyncState('synced');

  await world.stopRelay();
  await a.waitForSyncState('offline');
  await a.addTransaction({ amount: '45.00', payee: 'Firewood', account: 'House kitty' });
  await a.byTestId('ledger-switcher').selectOption({ label: 'Personal' });
  await a.waitUntilReady();
  await expect(a.page.getByText('Firewood').count()).resolves.toBe(0);
  await a.byTestId('ledger-switcher').selectOption({ label: 'Summer house' });
  await a.waitUntilReady();
  await a.page.locator('[data-testid="sync-status"][data-pending="true"]').waitFor(PATIENCE);
  await a.open('transactions');
  await a.rowByPayee('Firewood').waitFor(PATIENCE);

  await world.startRelay();
  await a.waitForSyncState('synced');
  await b.open('transactions');
  await b.rowByPayee('Firewood').waitFor(PATIENCE);
});

test('a ledger with no name is not made: the form says what is missing, and with a name it is', async () => {
  const device = await world.device();
  await device.open('ledgers');
  await device.byTestId('new-ledger-name').fill('   ');
  await device.byTestId('create-ledger').click();
  await expect(device.byTestId('new-ledger-name-error').textContent(PATIENCE)).resolves.toBe('Give the ledger a name.');
  expect(await device.byTestId('ledger-row').count()).toBe(1);
  await createLedger(device, 'Allotment');
});

test('a ledger made on a device with no relay is put on one later, and another device of the account opens it', async () => {
  const laptop = await world.device();
  await createLedger(laptop, 'Trip');
  await expect(laptop.byTestId('ledger-row').filter({ hasText: 'Trip' }).getAttribute('data-role')).resolves.toBe(
    'local',
  );
  await laptop.addAccount('Trip cash');
  await laptop.connect('register', world.relayUrl, 'tia@example.com', 'Tia’s laptop');
  await laptop.waitForSyncState('local');
  await laptop.open('ledgers');
  await laptop.byTestId('connect-ledger').click();
  await laptop.waitForSyncState('synced');
  await laptop.byTestId('ledger-members').waitFor(PATIENCE);

  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'tia@example.com', 'Tia’s phone');
  await phone.open('ledgers');
  const trip = phone.page.locator('[data-testid="ledger-row"]', { hasText: 'Trip' });
  // The page reloads into the ledger: the old page is ready until it goes, so wait for the new one.
  await Promise.all([phone.page.waitForEvent('load', PATIENCE), trip.getByTestId('open-ledger').click()]);
  await phone.waitUntilReady();
  await phone.open('accounts');
  await phone.page.locator('[data-testid="account-row-name"]', { hasText: 'Trip cash' }).waitFor(PATIENCE);
});

test('shares that no longer add up after two members edit offline are marked in both lists, and on the household screen', async () => {
  const a = await world.device();
  await a.connect('register', world.relayUrl, 'uma@example.com', 'Uma’s laptop');
  await createLedger(a, 'Bills');
  await a.addAccount('Bills account');
  const code = await invite(a, 'vera@example.com', 'editor');
  const b = await world.device();
  await b.connect('register', world.relayUrl, 'vera@example.com', 'Vera’s phone');
  await accept(b, code, 'Bills');
  await b.waitForSyncState('synced');

  // Uma pays 60.00 for both of them, shared equally.
  await a.byTestId('add-transaction').click();
  await a.fillTransaction({ amount: '60.00', payee: 'Power' });
  await a.page
    .locator('[data-testid="paid-by"] option', { hasText: 'vera' })
    .waitFor({ state: 'attached', ...PATIENCE });
  await a.byTestId('paid-by').selectOption({ label: 'uma' });
  await a.byTestId('save').click();
  await a.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await a.open('transactions');
  const onA = a.rowByPayee('Power').getByTestId('tx-shares');
  await expect(onA.getAttribute('data-balanced', PATIENCE)).resolves.toBe('true');
  await expect(onA.textContent()).resolves.toBe('Shared by uma and vera');
  await a.waitForSyncState('synced');
  await b.open('transactions');
  await b.rowByPayee('Power').waitFor(PATIENCE);

  // Apart: Uma corrects the amount while Vera shares the old one by exact amounts.
  await world.stopRelay();
  await a.waitForSyncState('offline');
  await b.waitForSyncState('offline');
  await a.editTransaction(await a.idOfRow('Power'), { amount: '70.00' });
  await b.rowByPayee('Power').click();
  await b.byTestId('share-mode').selectOption('exact');
  await b.byTestId('share-0-value').fill('40.00');
  await b.byTestId('share-1-value').fill('20.00');
  await b.byTestId('save').click();
  await b.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await world.startRelay();
  await a.waitForSyncState('synced');
  await b.waitForSyncState('synced');

  for (const device of [a, b]) {
    await device.open('transactions');
    const shares = device.rowByPayee('Power').getByTestId('tx-shares');
    await device.page
      .locator('[data-testid="transaction-row"] [data-testid="tx-shares"][data-balanced="false"]')
      .waitFor(PATIENCE);
    await expect(shares.textContent()).resolves.toBe('Shared by uma and vera, the shares do not add up');
    expect(await axeViolations(device.page)).toEqual([]);
    await device.open('household');
    await device.byTestId('household-unbalanced').waitFor(PATIENCE);
  }
  // In Spanish too.
  await b.open('settings');
  await b.byTestId('language').selectOption('es');
  await b.open('transactions');
  await expect(b.rowByPayee('Power').getByTestId('tx-shares').textContent(PATIENCE)).resolves.toBe(
    'Compartido entre uma y vera; los importes no suman el total',
  );
});

test('people: a member renames their person, adds a child who has no account, and the child shares a transaction and owes their part', async () => {
  const ana = await world.device();
  await ana.connect('register', world.relayUrl, 'ana.garcia@example.com', 'Ana’s laptop');
  await createLedger(ana, 'Family');
  await ana.addAccount('Family account');

  await ana.open('household');
  const mine = ana.page.locator('[data-testid="person-row"]', { hasText: 'ana.garcia' });
  await mine.getByTestId('edit-person').click();
  await ana.byTestId('person-name').fill('Ana García');
  await ana.byTestId('save-person').click();
  await ana.byTestId('person-form').waitFor({ state: 'detached', ...PATIENCE });
  await expect(ana.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
    'edit-person',
  );

  await ana.byTestId('add-person').click();
  await ana.byTestId('save-person').click();
  await ana.byTestId('person-name-error').waitFor(PATIENCE);
  await ana.byTestId('person-name').fill('Mia');
  await ana.byTestId('save-person').click();
  await ana.page.locator('[data-testid="person-name-shown"]', { hasText: 'Mia' }).waitFor(PATIENCE);
  await ana.page.setViewportSize({ width: 360, height: 800 });
  await expect(ana.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  expect(await axeViolations(ana.page)).toEqual([]);

  await ana.byTestId('add-transaction').click();
  await ana.fillTransaction({ amount: '30.00', payee: 'Cinema', account: 'Family account' });
  await ana.page
    .locator('[data-testid="paid-by"] option', { hasText: 'Mia' })
    .waitFor({ state: 'attached', ...PATIENCE });
  await ana.byTestId('paid-by').selectOption({ label: 'Ana García' });
  await ana.byTestId('save').click();
  await ana.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await ana.open('household');
  await ana.byTestId('owes-row').filter({ hasText: 'Mia owes Ana García $15.00' }).waitFor(PATIENCE);

  // Opening the ledger again never gives the account's person back the name from the email.
  await ana.reload();
  await ana.open('household');
  await ana.page.locator('[data-testid="person-name-shown"]', { hasText: 'Ana García' }).waitFor(PATIENCE);
  await expect(ana.page.getByText('ana.garcia', { exact: true }).count()).resolves.toBe(0);
});
