import type Database from 'better-sqlite3';
import {
  type PreferencesRow,
  type PushRow,
  type SubscriptionRow,
  toPreferences,
  toPush,
  toSubscription,
} from './push-rows.js';
import {
  defaultNotificationPreferences,
  type NewPush,
  type NotificationPreferences,
  type OutboxPush,
  type PushStore,
  type PushSubscriptionRecord,
} from './push-store.js';

/**
 * The push store in the `push_subscriptions`, `push_outbox`, `notifications` and
 * `notification_preferences` tables. A notification's pushes are committed with its dedupe key,
 * before anything tries to send them, so a restart neither loses nor repeats one (N2).
 */
export class SqlitePushStore implements PushStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async subscribe(subscription: PushSubscriptionRecord): Promise<void> {
    const { endpoint, userId, deviceId, p256dh, auth, createdAt } = subscription;
    this.statements.subscribe.run(endpoint, userId, deviceId, p256dh, auth, createdAt);
  }

  async unsubscribe(userId: string, endpoint: string): Promise<boolean> {
    return this.statements.unsubscribe.run(endpoint, userId).changes > 0;
  }

  async removeSubscription(endpoint: string): Promise<void> {
    this.statements.removeSubscription.run(endpoint);
  }

  async removeDeviceSubscriptions(deviceId: string): Promise<number> {
    return this.statements.removeDevice.run(deviceId).changes;
  }

  async subscriptionsOf(userId: string): Promise<readonly PushSubscriptionRecord[]> {
    return (this.statements.subscriptionsOf.all(userId) as SubscriptionRow[]).map(toSubscription);
  }

  async findSubscription(endpoint: string): Promise<PushSubscriptionRecord | null> {
    const row = this.statements.subscription.get(endpoint) as SubscriptionRow | undefined;
    return row === undefined ? null : toSubscription(row);
  }

  async notify(dedupeKey: string, userId: string, createdAt: number, pushes: readonly NewPush[]): Promise<boolean> {
    return this.notifyNow(dedupeKey, userId, createdAt, pushes);
  }

  /** `notify`, synchronously, inside the caller's transaction when there is one. */
  notifyNow(dedupeKey: string, userId: string, createdAt: number, pushes: readonly NewPush[]): boolean {
    return this.db.transaction(() => {
      if (this.statements.insertNotification.run(dedupeKey, userId, createdAt).changes === 0) return false;
      for (const push of pushes) {
        this.statements.insertPush.run(push.endpoint, push.payload, push.createdAt, push.createdAt);
      }
      return true;
    })();
  }

  async notified(dedupeKey: string): Promise<boolean> {
    return this.statements.notification.get(dedupeKey) !== undefined;
  }

  async duePushes(at: number, limit: number): Promise<readonly OutboxPush[]> {
    return (this.statements.due.all(at, limit) as PushRow[]).map(toPush);
  }

  async nextDueAt(): Promise<number | null> {
    return (this.statements.nextDue.get() as { at: number | null }).at;
  }

  async markSent(id: number, at: number): Promise<void> {
    this.statements.markSent.run(at, id);
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void> {
    this.statements.markRetry.run(nextAttemptAt, reason, id);
  }

  async markFailed(id: number, at: number, reason: string): Promise<void> {
    this.statements.markFailed.run(at, reason, id);
  }

  async prune(before: number): Promise<number> {
    return this.db.transaction(() => {
      this.statements.pruneNotifications.run(before);
      return this.statements.prunePushes.run(before).changes;
    })();
  }

  async preferencesOf(userId: string): Promise<NotificationPreferences> {
    const row = this.statements.preferences.get(userId) as PreferencesRow | undefined;
    return row === undefined ? defaultNotificationPreferences : toPreferences(row);
  }

  async setPreferences(userId: string, preferences: NotificationPreferences): Promise<void> {
    this.statements.setPreferences.run(userId, preferences.timeZone, JSON.stringify(preferences.kinds));
  }

  async accountsWithPreferences(): Promise<
    readonly { readonly userId: string; readonly preferences: NotificationPreferences }[]
  > {
    return (this.statements.allPreferences.all() as PreferencesRow[]).map((row) => ({
      userId: row.user_id,
      preferences: toPreferences(row),
    }));
  }
}

function prepare(db: Database.Database) {
  return {
    subscribe: db.prepare(
      `INSERT INTO push_subscriptions (endpoint, user_id, device_id, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, device_id = excluded.device_id,
         p256dh = excluded.p256dh, auth = excluded.auth, created_at = excluded.created_at`,
    ),
    unsubscribe: db.prepare('DELETE FROM push_subscriptions WHERE endpoint = ? AND user_id = ?'),
    removeSubscription: db.prepare('DELETE FROM push_subscriptions WHERE endpoint = ?'),
    removeDevice: db.prepare('DELETE FROM push_subscriptions WHERE device_id = ?'),
    subscriptionsOf: db.prepare('SELECT * FROM push_subscriptions WHERE user_id = ? ORDER BY created_at, endpoint'),
    subscription: db.prepare('SELECT * FROM push_subscriptions WHERE endpoint = ?'),
    insertNotification: db.prepare(
      'INSERT INTO notifications (dedupe_key, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING',
    ),
    notification: db.prepare('SELECT 1 FROM notifications WHERE dedupe_key = ?'),
    insertPush: db.prepare(
      'INSERT INTO push_outbox (endpoint, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?)',
    ),
    due: db.prepare(
      `SELECT * FROM push_outbox WHERE state = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    nextDue: db.prepare(`SELECT min(next_attempt_at) AS at FROM push_outbox WHERE state = 'pending'`),
    markSent: db.prepare(`UPDATE push_outbox SET state = 'sent', finished_at = ? WHERE id = ? AND state = 'pending'`),
    markRetry: db.prepare(
      `UPDATE push_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
       WHERE id = ? AND state = 'pending'`,
    ),
    markFailed: db.prepare(
      `UPDATE push_outbox SET state = 'failed', attempts = attempts + 1, finished_at = ?, last_error = ?
       WHERE id = ? AND state = 'pending'`,
    ),
    prunePushes: db.prepare(`DELETE FROM push_outbox WHERE state != 'pending' AND finished_at < ?`),
    pruneNotifications: db.prepare('DELETE FROM notifications WHERE created_at < ?'),
    preferences: db.prepare('SELECT * FROM notification_preferences WHERE user_id = ?'),
    allPreferences: db.prepare('SELECT * FROM notification_preferences ORDER BY user_id'),
    setPreferences: db.prepare(
      `INSERT INTO notification_preferences (user_id, time_zone, kinds) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET time_zone = excluded.time_zone, kinds = excluded.kinds`,
    ),
  };
}
