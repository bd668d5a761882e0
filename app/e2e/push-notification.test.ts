import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

test('a push from the relay shows its notification, with its title and words, from the service worker', async () => {
  const device = await world.device();
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
    data: JSON.stringify({ title: 'Due tomorrow: Rent', body: '€850.00 is due tomorrow.', screen: '/recurring' }),
  });

  const shown = () =>
    device.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications()).map((notification) => ({
        title: notification.title,
        body: notification.body,
        data: notification.data as unknown,
      }));
    });
  await expect
    .poll(shown, PATIENCE)
    .toEqual([{ title: 'Due tomorrow: Rent', body: '€850.00 is due tomorrow.', data: { screen: '/recurring' } }]);
});
