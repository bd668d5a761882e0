import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DataDir, RunningRelay, register } from '../../../relay/src/testing/relay-harness.js';
import { RelayApi } from './relay-api.js';

describe('notification preferences on the relay', () => {
  let dataDir: DataDir;
  let relay: RunningRelay;

  beforeEach(async () => {
    dataDir = new DataDir();
    relay = await RunningRelay.start(dataDir);
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
      kinds: { billReminders: { email: false, push: true }, invitations: { email: true, push: true } },
    });
    const chosen = {
      timeZone: 'Europe/Madrid',
      kinds: { billReminders: { email: true, push: true }, invitations: { email: false, push: false } },
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
});
