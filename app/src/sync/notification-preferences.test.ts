import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import webpush from 'web-push';
import { DataDir, RunningRelay, register } from '../../../relay/src/testing/relay-harness.js';
import { RelayApi } from './relay-api.js';

const vapidKeys = webpush.generateVAPIDKeys();

describe('notification preferences on the relay', () => {
  let dataDir: DataDir;
  let relay: RunningRelay;

  beforeEach(async () => {
    dataDir = new DataDir();
    relay = await RunningRelay.start(dataDir, { vapidKeys });
  });
  afterEach(async () => {
    await relay.stop();
    dataDir.remove();
  });

  test('a device reads the account’s preferences, and saves its choices with its time zone for every device', async () => {
    const phone = await register(relay.httpUrl, 'alice@example.com');
    const api = new RelayApi(relay.httpUrl);
    const defaults = await api.notificationPreferences(phone.accessToken);
    expect(defaults).toEqual({
      timeZone: null,
      kinds: {
        billReminders: { email: false, push: true },
        invitations: { email: true, push: true },
        bookings: { email: true, push: true },
        messages: { email: true, push: true },
        payments: { email: true, push: true },
      },
    });
    const chosen = {
      timeZone: 'Europe/Madrid',
      kinds: {
        billReminders: { email: true, push: true },
        invitations: { email: false, push: false },
        bookings: { email: true, push: false },
        messages: { email: false, push: true },
        payments: { email: false, push: false },
      },
    };
    await expect(api.setNotificationPreferences(phone.accessToken, chosen)).resolves.toEqual(chosen);
    await expect(api.notificationPreferences(phone.accessToken)).resolves.toEqual(chosen);
  });

  test('a time zone the relay does not know is refused', async () => {
    const phone = await register(relay.httpUrl, 'alice@example.com');
    const api = new RelayApi(relay.httpUrl);
    const preferences = await api.notificationPreferences(phone.accessToken);
    await expect(
      api.setNotificationPreferences(phone.accessToken, { ...preferences, timeZone: 'Atlantis/Capital' }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_request' });
  });

  test('a device subscribes to the relay’s push with its published key, and unsubscribes once', async () => {
    const phone = await register(relay.httpUrl, 'alice@example.com');
    const api = new RelayApi(relay.httpUrl);
    await expect(api.pushKey()).resolves.toBe(vapidKeys.publicKey);
    const subscription = {
      endpoint: 'https://push.example/device-1',
      keys: {
        p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
      },
    };
    await api.subscribePush(phone.accessToken, subscription);
    await expect(relay.storage.push.subscriptionsOf(phone.userId)).resolves.toMatchObject([
      { endpoint: subscription.endpoint, deviceId: phone.deviceId },
    ]);
    await api.unsubscribePush(phone.accessToken, subscription.endpoint);
    await expect(api.unsubscribePush(phone.accessToken, subscription.endpoint)).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });
});
