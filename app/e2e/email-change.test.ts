import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SmtpInbox } from '../../relay/src/testing/smtp-inbox.js';
import { axeViolations } from './support/axe.js';
import { linkMailedTo, type MailWorld, startMailWorld, stopMailWorld } from './support/mail-world.js';
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

test('on a phone, by keyboard, Settings mails the new address a link that changes the account’s address once', async () => {
  // The relay's Content-Security-Policy would keep axe from being added to the page.
  const phone = await world.device({ viewport: { width: 360, height: 740 }, context: { bypassCSP: true } });
  await phone.connect('register', world.relayUrl, 'ada@example.com', 'Ada’s phone');

  const address = phone.byTestId('change-email-address');
  await address.focus();
  await phone.page.keyboard.type('not an address');
  await phone.page.keyboard.press('Enter');
  await expect(phone.page.locator('#change-email-address-error').textContent(PATIENCE)).resolves.toBe(
    'Enter an email address.',
  );
  await expect(phone.page.locator('#change-email-password-error').textContent()).resolves.toBe('Type your password.');
  expect(await axeViolations(phone.page)).toEqual([]);

  await address.fill('');
  await address.focus();
  await phone.page.keyboard.type('ada@new.example');
  await phone.page.keyboard.press('Tab');
  await phone.page.keyboard.type('not my password');
  await phone.page.keyboard.press('Enter');
  await expect
    .poll(() => phone.page.locator('#change-email-password-error').textContent(), PATIENCE)
    .toBe('The password is wrong.');

  await phone.byTestId('change-email-password').fill(PASSWORD);
  await phone.page.keyboard.press('Enter');
  await expect(phone.byTestId('change-email-asked').textContent(PATIENCE)).resolves.toMatch(/ada@new.example/);
  await expect(phone.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  expect(await axeViolations(phone.page)).toEqual([]);
  // Until the link is opened, the account keeps its address.
  await expect(phone.byTestId('account-email').textContent()).resolves.toBe('ada@example.com');

  const link = await linkMailedTo(inbox, 'ada@new.example', 'change-email');
  await phone.page.goto(link);
  await phone.waitUntilReady();
  await phone.page.locator('[data-testid="change-email"][data-state="changed"]').waitFor(PATIENCE);
  await expect(phone.byTestId('change-email-message').textContent()).resolves.toBe(
    'Your account’s email address is now ada@new.example. Log in with it from now on.',
  );
  await expect(phone.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  expect(await axeViolations(phone.page)).toEqual([]);

  await phone.byTestId('to-settings').click();
  await expect.poll(() => phone.byTestId('account-email').textContent(), PATIENCE).toBe('ada@new.example');

  // Opened again, the link is spent and nothing changes.
  await phone.page.goto(link);
  await phone.waitUntilReady();
  await phone.page.locator('[data-testid="change-email"][data-state="link-invalid"]').waitFor(PATIENCE);
  await expect(phone.byTestId('change-email-message').textContent()).resolves.toMatch(/expired or was already used/);
});
