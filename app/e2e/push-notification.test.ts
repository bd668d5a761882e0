import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

/** Delivers a push to the device's service worker through the DevTools protocol, as a push service would. */
async function deliverPush(device: TallyDevice, message: { title: string; body: string; screen: string }) {
  await device.context.grantPermissions(['notifications']);
  const scriptUrl = await device.waitForServiceWorker();
  const origin = new URL(scriptUrl).origin;

  const cdp = await device.context.newCDPSession(device.page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((registration) => registration.scopeURL.startsWith(origin));
      if (ours !== undefined) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin,
    registrationId: await registrationId,
    data: JSON.stringify(message),
  });
}

function shownNotifications(device: TallyDevice) {
  return device.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((notification) => ({
      title: notification.title,
      body: notification.body,
      data: notification.data as unknown,
    }));
  });
}

test('a push from the relay shows its notification, with its title and words, from the service worker', async () => {
  const device = await world.device();
  await deliverPush(device, { title: 'Due tomorrow: Rent', body: '€850.00 is due tomorrow.', screen: '/recurring' });
  await expect
    .poll(() => shownNotifications(device), PATIENCE)
    .toEqual([{ title: 'Due tomorrow: Rent', body: '€850.00 is due tomorrow.', data: { screen: '/recurring' } }]);
});

test('a click on a notification takes the open Tally to the screen it names', async () => {
  const device = await world.device();
  await device.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, PATIENCE);
  await deliverPush(device, { title: 'Due tomorrow: Rent', body: '€850.00 is due tomorrow.', screen: '/recurring' });
  await expect.poll(async () => (await shownNotifications(device)).length, PATIENCE).toBe(1);

  // Headless Chromium draws no notification to click: the service worker's own notificationclick
  // listener is run with the notification it showed.
  const worker = device.context.serviceWorkers()[0] ?? (await device.context.waitForEvent('serviceworker'));
  await worker.evaluate(`(async () => {
    const [notification] = await self.registration.getNotifications();
    self.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
  })()`);

  await device.page.waitForURL(/#\/recurring$/, PATIENCE);
  await device.page
    .locator('[data-testid="nav-recurring"][aria-current="page"]')
    .waitFor({ state: 'attached', ...PATIENCE });
  await expect.poll(async () => (await shownNotifications(device)).length, PATIENCE).toBe(0);
});
