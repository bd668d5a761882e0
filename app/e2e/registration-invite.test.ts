import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay({ registration: 'invite' });
});
afterAll(async () => {
  await world.stop();
});

async function invite(accessToken: string, email: string): Promise<string> {
  const reply = await fetch(`${world.relayUrl}/api/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(reply.status).toBe(201);
  return ((await reply.json()) as { code: string }).code;
}

test('on a relay that takes new accounts by invitation, the first registers freely and the next with a code', async () => {
  const ada = await world.device();
  await ada.connect('register', world.relayUrl, 'ada@example.com', 'Ada’s laptop');
  const session = await ada.storedSession();
  if (!session) throw new Error('no stored session');
  const code = await invite(session.accessToken, 'ben@example.com');

  const ben = await world.device();
  await ben.open('settings');
  await expect(ben.byTestId('password-rule').textContent()).resolves.toMatch(/at least 10 characters/);
  await ben.byTestId('relay-url').fill(world.relayUrl);
  await ben.byTestId('invitation-code').waitFor({ timeout: 60_000 });
  await ben.byTestId('email').fill('ben@example.com');
  await ben.byTestId('device-name').fill('Ben’s phone');

  await ben.byTestId('password').fill('12345678');
  await ben.byTestId('register').click();
  await expect(ben.byTestId('password-error').textContent()).resolves.toMatch(/at least 10 characters/);

  await ben.byTestId('password').fill('password123');
  await ben.byTestId('invitation-code').fill(code);
  await ben.byTestId('register').click();
  await expect.poll(() => ben.byTestId('relay-error').textContent(), { timeout: 60_000 }).toMatch(/too easy to guess/);

  await ben.byTestId('password').fill('a long walk by the river');
  await ben.byTestId('invitation-code').fill('AAAA-BBBB-CCCC-DDDD');
  await ben.byTestId('register').click();
  await expect
    .poll(() => ben.byTestId('relay-error').textContent(), { timeout: 60_000 })
    .toMatch(/invitation code does not work for this email/);
  expect(await axeViolations(ben.page)).toEqual([]);

  await ben.byTestId('invitation-code').fill(code.toLowerCase());
  await ben.byTestId('register').click();
  await ben.byTestId('relay-account').waitFor({ timeout: 60_000 });
  await ben.waitForSyncState('synced');
  await expect(ben.byTestId('account-email').textContent()).resolves.toBe('ben@example.com');
});
