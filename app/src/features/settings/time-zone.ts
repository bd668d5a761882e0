import type { NotificationPreferences } from '../../sync/index.js';

/** This device's IANA time zone, which the relay times bill reminders in. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The preferences to store when the device's zone is not the account's; undefined when it already is. */
export function withDeviceZone(
  stored: NotificationPreferences,
  deviceZone: string,
): NotificationPreferences | undefined {
  return stored.timeZone === deviceZone ? undefined : { ...stored, timeZone: deviceZone };
}
