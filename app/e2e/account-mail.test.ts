import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SmtpInbox } from '../../relay/src/testing/smtp-inbox.js';
import { axeViolations } from './support/axe.js';
import { linkMailedTo, type MailWorld, startMailWorld, stopMailWorld } from './support/mail-world.js';
import type { TallyDevice } from './support/tally-device.js';
import type { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 };
const PASSWORD = 'correct horse battery staple';

let mail: MailWorld | undefined;
let world: TallyWorld;
let inbox: SmtpInbox;
beforeAll(async () => {
  mail = await startMailWorld();
  ({ world, inbox } = mail);
});
afterAll(async () => {
  await stopMailWorld(mail);
});

/** A device; the relay's Content-Security-Policy would keep axe from being added to the page. */
function device(): Promise<TallyDevice> {
  return world.device({ context: { bypassCSP: true } });
}

async function logIn(device: TallyDevice, email: string, password: string): Promise<void> {
  await device.open('settings');
  await device.byTestId('relay-url').fill(world.relayUrl);
  await device.byTestId('email').fill(email);
  await device.byTestId('password').fill(password);
  await device.byTestId('login').click();
}

async function openLink(device: TallyDevice, link: string): Promise<void> {
  await device.page.goto(link);
  await device.waitUntilReady();
}

/**
 * Ada's laptop, signed in. Only the relay's first account registers at once on an open relay with
 * mail (later ones finish through a link, relay SPEC A5), so both tests use hers.
 */
let ada: TallyDevice;

test('the link in the mail a new account is sent verifies its address, once', async () => {
  ada = await device();
  await ada.connect('register', world.relayUrl, 'ada@example.com', 'Ada’s laptop');
  const link = await linkMailedTo(inbox, 'ada@example.com', 'verify-email');

  await openLink(ada, link);
  await ada.page.locator('[data-testid="verify-email"][data-state="verified"]').waitFor(PATIENCE);
  await expect(ada.byTestId('verify-email-message').textContent()).resolves.toBe('Your email address is verified.');
  expect(await axeViolations(ada.page)).toEqual([]);

  // Opened again, the link is spent; a device signed in may ask for a new one.
  await ada.reload();
  await ada.page.locator('[data-testid="verify-email"][data-state="link-invalid"]').waitFor(PATIENCE);
  await ada.byTestId('resend-verification').waitFor(PATIENCE);

  const later = await device();
  await openLink(later, link);
  await later.page.locator('[data-testid="verify-email"][data-state="link-invalid"]').waitFor(PATIENCE);
  await expect(later.byTestId('verify-email-message').textContent()).resolves.toMatch(/expired or was already used/);
  expect(await later.byTestId('resend-verification').count()).toBe(0);
});

test('a forgotten password is reset through the mailed link: the new one logs in, the old one is refused', async () => {
  await ada.goto('/');
  await ada.waitForSyncState('synced');

  const phone = await device();
  await phone.open('settings');
  await phone.byTestId('relay-url').fill(world.relayUrl);
  await phone.byTestId('email').fill('ada@example.com');
  await phone.byTestId('forgot-password').click();
  await expect(phone.byTestId('reset-email').inputValue()).resolves.toBe('ada@example.com');
  await phone.byTestId('send-reset').click();
  await expect(phone.byTestId('reset-asked').textContent(PATIENCE)).resolves.toMatch(/ada@example.com/);
  expect(await axeViolations(phone.page)).toEqual([]);

  await openLink(phone, await linkMailedTo(inbox, 'ada@example.com', 'reset-password'));
  await expect(phone.byTestId('new-password-rule').textContent()).resolves.toMatch(/^At least 10 characters/);
  await phone.byTestId('new-password').fill('short');
  await phone.byTestId('set-password').click();
  await expect(phone.byTestId('new-password-error').textContent()).resolves.toMatch(/at least 10 characters/);
  await phone.byTestId('new-password').fill('password123');
  await phone.byTestId('set-password').click();
  await expect.poll(() => phone.byTestId('new-password-refused').textContent(), PATIENCE).toMatch(/too easy to guess/);
  expect(await axeViolations(phone.page)).toEqual([]);
  await phone.byTestId('new-password').fill('a quiet walk by the harbour');
  await phone.byTestId('set-password').click();
  await phone.byTestId('password-changed').waitFor(PATIENCE);

  // The relay signed out every device of the account, the laptop too.
  await ada.byTestId('revoked-notice').waitFor(PATIENCE);

  await phone.byTestId('to-settings').click();
  await logIn(phone, 'ada@example.com', PASSWORD);
  await expect
    .poll(() => phone.byTestId('relay-error').textContent(), PATIENCE)
    .toBe('The email or password is wrong.');
  await phone.byTestId('password').fill('a quiet walk by the harbour');
  await phone.byTestId('login').click();
  await phone.byTestId('relay-account').waitFor(PATIENCE);
  await expect(phone.byTestId('account-email').textContent()).resolves.toBe('ada@example.com');
});

test('a second person is mailed a link that makes the account only with the password they chose', async () => {
  const bea = await device();
  await bea.open('settings');
  await bea.byTestId('relay-url').fill(world.relayUrl);
  await bea.byTestId('email').fill('bea@example.com');
  await bea.byTestId('password').fill('bea chose this passphrase');
  await bea.byTestId('register').click();
  await expect(bea.byTestId('check-mail').textContent(PATIENCE)).resolves.toMatch(/bea@example.com/);
  expect(await bea.byTestId('relay-account').count()).toBe(0);
  expect(await axeViolations(bea.page)).toEqual([]);

  await openLink(bea, await linkMailedTo(inbox, 'bea@example.com', 'verify-email'));
  await bea.byTestId('finish-registration').waitFor(PATIENCE);
  await bea.byTestId('finish-password').fill('someone else’s guess');
  await bea.byTestId('finish-account').click();
  await expect
    .poll(() => bea.byTestId('finish-password-error').textContent(), PATIENCE)
    .toMatch(/not the password chosen/);
  expect(await axeViolations(bea.page)).toEqual([]);
  await bea.byTestId('finish-password').fill('bea chose this passphrase');
  await bea.byTestId('finish-account').click();
  await bea.byTestId('account-ready').waitFor(PATIENCE);

  await bea.byTestId('to-settings').click();
  await logIn(bea, 'bea@example.com', 'bea chose this passphrase');
  await bea.byTestId('relay-account').waitFor(PATIENCE);
  await expect(bea.byTestId('account-email').textContent()).resolves.toBe('bea@example.com');
});
