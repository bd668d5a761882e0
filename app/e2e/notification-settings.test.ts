import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('a person in Berlin chooses bill reminders by email too, with the keyboard on a narrow screen, and every device sees the choice', async () => {
  const phone = await world.device({
    viewport: { width: 360, height: 740 },
    context: { timezoneId: 'Europe/Berlin' },
  });
  await phone.connect('register', world.relayUrl, 'greta@example.com', 'Phone');
  await phone.open('settings');
  const billsByEmail = phone.byTestId('notify-billReminders-email');
  await billsByEmail.waitFor({ timeout: 60_000 });
  await expect(billsByEmail.isChecked()).resolves.toBe(false);
  await expect(phone.byTestId('notify-billReminders-push').isChecked()).resolves.toBe(true);
  await expect(phone.byTestId('notification-settings').textContent()).resolves.toContain('Time zone: Europe/Berlin');
  // Not subscribed yet: this device offers to subscribe (subscribing needs the browser vendor's push service).
  await phone.byTestId('push-on').waitFor({ timeout: 60_000 });

  await billsByEmail.focus();
  await phone.page.keyboard.press('Space');
  await phone.byTestId('save-notifications').focus();
  await phone.page.keyboard.press('Enter');
  await phone.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 60_000 });
  await expect(axeViolations(phone.page)).resolves.toEqual([]);
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const laptop = await world.device();
  await laptop.connect('login', world.relayUrl, 'greta@example.com', 'Laptop');
  await laptop.open('settings');
  await laptop.byTestId('notify-billReminders-email').waitFor({ timeout: 60_000 });
  await expect(laptop.byTestId('notify-billReminders-email').isChecked()).resolves.toBe(true);
  await expect(laptop.byTestId('notify-invitations-push').isChecked()).resolves.toBe(true);
});
