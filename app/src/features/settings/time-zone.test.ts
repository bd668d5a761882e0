import { describe, expect, test } from 'vitest';
import type { NotificationPreferences } from '../../sync/index.js';
import { withDeviceZone } from './time-zone.js';

const stored: NotificationPreferences = {
  timeZone: 'Europe/Berlin',
  kinds: {
    billReminders: { email: false, push: true },
    invitations: { email: true, push: false },
    bookings: { email: true, push: true },
    messages: { email: false, push: true },
    payments: { email: true, push: false },
  },
};

describe('the account’s time zone follows the device', () => {
  test('a device in another zone stores its zone and keeps every other choice', () => {
    expect(withDeviceZone(stored, 'America/New_York')).toEqual({ ...stored, timeZone: 'America/New_York' });
  });

  test('an account with no zone yet takes the device’s', () => {
    expect(withDeviceZone({ ...stored, timeZone: null }, 'Asia/Tokyo')?.timeZone).toBe('Asia/Tokyo');
  });

  test('a device in the stored zone changes nothing', () => {
    expect(withDeviceZone(stored, 'Europe/Berlin')).toBeUndefined();
  });
});
