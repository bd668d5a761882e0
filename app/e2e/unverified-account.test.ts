import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SmtpInbox } from '../../relay/src/testing/smtp-inbox.js';
import { axeViolations } from './support/axe.js';
import { type MailWorld, startMailWorld, stopMailWorld } from './support/mail-world.js';
import type { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 };

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

test('an account that has not verified its address is told to before inviting, and can have a new link mailed', async () => {
  // The relay's Content-Security-Policy would keep axe from being added to the page.
  const ada = await world.device({ context: { bypassCSP: true } });
  await ada.connect('register', world.relayUrl, 'ada@example.com', 'Ada’s laptop');
  await ada.open('ledgers');
  await ada.byTestId('new-ledger-name').fill('Home');
  await ada.byTestId('create-ledger').click();
  await ada.page.locator('[data-testid="ledger-row"][data-current="true"]', { hasText: 'Home' }).waitFor(PATIENCE);
  await ada.waitUntilReady();

  await ada.open('ledgers');
  await ada.byTestId('invite-email').fill('ben@example.com');
  await ada.byTestId('send-invitation').click();
  await expect(ada.byTestId('invite-email-error').textContent(PATIENCE)).resolves.toMatch(
    /^Verify your email address first/,
  );
  expect(await ada.byTestId('issued-code').count()).toBe(0);
  await ada.byTestId('resend-verification').click();
  await ada.byTestId('verification-resent').waitFor(PATIENCE);
  expect(await axeViolations(ada.page)).toEqual([]);

  // The registration's mail and the new one: the newer link verifies.
  await expect.poll(() => inbox.mails.length, PATIENCE).toBe(2);
  const link = /https?:\/\/\S+\/#\/verify-email\?token=[A-Za-z0-9_-]+/.exec(inbox.mails[1]?.text ?? '')?.[0];
  if (link === undefined) throw new Error('the new mail holds no verification link');
  await ada.page.goto(link);
  await ada.page.locator('[data-testid="verify-email"][data-state="verified"]').waitFor(PATIENCE);

  await ada.open('ledgers');
  await ada.byTestId('invite-email').fill('ben@example.com');
  await ada.byTestId('send-invitation').click();
  await ada.byTestId('issued-code').waitFor(PATIENCE);
});
