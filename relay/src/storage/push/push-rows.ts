import {
  defaultNotificationPreferences,
  type NotificationPreferences,
  type OutboxPush,
  type PushState,
  type PushSubscriptionRecord,
} from './push-store.js';

/** How subscriptions, pushes and preferences come out of a SQL row: the same columns in SQLite and PostgreSQL. */
export interface SubscriptionRow {
  endpoint: string;
  user_id: string;
  device_id: string;
  p256dh: string;
  auth: string;
  created_at: number;
}

export interface PushRow {
  id: number;
  endpoint: string;
  payload: string;
  created_at: number;
  attempts: number;
  state: PushState;
  next_attempt_at: number;
  finished_at: number | null;
  last_error: string | null;
}

export interface PreferencesRow {
  user_id: string;
  time_zone: string | null;
  kinds: string;
}

export function toSubscription(row: SubscriptionRow): PushSubscriptionRecord {
  return {
    endpoint: row.endpoint,
    userId: row.user_id,
    deviceId: row.device_id,
    p256dh: row.p256dh,
    auth: row.auth,
    createdAt: row.created_at,
  };
}

export function toPush(row: PushRow): OutboxPush {
  return {
    id: row.id,
    endpoint: row.endpoint,
    payload: row.payload,
    createdAt: row.created_at,
    attempts: row.attempts,
    state: row.state,
    nextAttemptAt: row.next_attempt_at,
    finishedAt: row.finished_at,
    lastError: row.last_error,
  };
}

export function toPreferences(row: PreferencesRow): NotificationPreferences {
  const stored = JSON.parse(row.kinds) as Partial<NotificationPreferences['kinds']>;
  return { timeZone: row.time_zone, kinds: { ...defaultNotificationPreferences.kinds, ...stored } };
}
