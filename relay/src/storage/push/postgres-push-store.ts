import type pg from 'pg';
import { type Sql, transaction } from '../postgres-database.js';
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

const subscriptionColumns = 'endpoint, user_id, device_id, p256dh, auth, created_at';
const pushColumns = 'id, endpoint, payload, created_at, attempts, state, next_attempt_at, finished_at, last_error';

/**
 * The push store in the same tables as `SqlitePushStore`, in PostgreSQL. A notification's pushes
 * are committed with its dedupe key in one transaction, before anything tries to send them, so a
 * restart neither loses nor repeats one (N2), and two relays noticing the same bill notify once.
 */
export class PostgresPushStore implements PushStore {
  constructor(private readonly pool: pg.Pool) {}

  async subscribe(subscription: PushSubscriptionRecord): Promise<void> {
    const { endpoint, userId, deviceId, p256dh, auth, createdAt } = subscription;
    await this.pool.query(
      `INSERT INTO push_subscriptions (endpoint, user_id, device_id, p256dh, auth, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, device_id = excluded.device_id,
         p256dh = excluded.p256dh, auth = excluded.auth, created_at = excluded.created_at`,
      [endpoint, userId, deviceId, p256dh, auth, createdAt],
    );
  }

  async unsubscribe(userId: string, endpoint: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM push_subscriptions WHERE endpoint = $1 AND user_id = $2', [
      endpoint,
      userId,
    ]);
    return result.rowCount !== 0;
  }

  async removeSubscription(endpoint: string): Promise<void> {
    await this.pool.query('DELETE FROM push_subscriptions WHERE endpoint = $1', [endpoint]);
  }

  async removeDeviceSubscriptions(deviceId: string): Promise<number> {
    return (await this.pool.query('DELETE FROM push_subscriptions WHERE device_id = $1', [deviceId])).rowCount ?? 0;
  }

  async subscriptionsOf(userId: string): Promise<readonly PushSubscriptionRecord[]> {
    const result = await this.pool.query<SubscriptionRow>(
      `SELECT ${subscriptionColumns} FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at, endpoint COLLATE "C"`,
      [userId],
    );
    return result.rows.map(toSubscription);
  }

  async findSubscription(endpoint: string): Promise<PushSubscriptionRecord | null> {
    const row = (
      await this.pool.query<SubscriptionRow>(
        `SELECT ${subscriptionColumns} FROM push_subscriptions WHERE endpoint = $1`,
        [endpoint],
      )
    ).rows[0];
    return row === undefined ? null : toSubscription(row);
  }

  async notify(dedupeKey: string, userId: string, createdAt: number, pushes: readonly NewPush[]): Promise<boolean> {
    return transaction(this.pool, (tx) => this.notifyIn(tx, dedupeKey, userId, createdAt, pushes));
  }

  /** `notify` inside the caller's transaction. */
  async notifyIn(
    tx: Sql,
    dedupeKey: string,
    userId: string,
    createdAt: number,
    pushes: readonly NewPush[],
  ): Promise<boolean> {
    const inserted = await tx.query(
      'INSERT INTO notifications (dedupe_key, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (dedupe_key) DO NOTHING',
      [dedupeKey, userId, createdAt],
    );
    if (inserted.rowCount === 0) return false;
    for (const push of pushes) {
      await tx.query(
        'INSERT INTO push_outbox (endpoint, payload, created_at, next_attempt_at) VALUES ($1, $2, $3, $4)',
        [push.endpoint, push.payload, push.createdAt, push.createdAt],
      );
    }
    return true;
  }

  async notified(dedupeKey: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM notifications WHERE dedupe_key = $1', [dedupeKey])).rowCount !== 0;
  }

  async duePushes(at: number, limit: number): Promise<readonly OutboxPush[]> {
    const result = await this.pool.query<PushRow>(
      `SELECT ${pushColumns} FROM push_outbox WHERE state = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at, id LIMIT $2`,
      [at, limit],
    );
    return result.rows.map(toPush);
  }

  async nextDueAt(): Promise<number | null> {
    const result = await this.pool.query<{ at: number | null }>(
      `SELECT min(next_attempt_at) AS at FROM push_outbox WHERE state = 'pending'`,
    );
    return result.rows[0]?.at ?? null;
  }

  async markSent(id: number, at: number): Promise<void> {
    await this.pool.query(
      `UPDATE push_outbox SET state = 'sent', finished_at = $1 WHERE id = $2 AND state = 'pending'`,
      [at, id],
    );
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void> {
    await this.pool.query(
      `UPDATE push_outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2
       WHERE id = $3 AND state = 'pending'`,
      [nextAttemptAt, reason, id],
    );
  }

  async markFailed(id: number, at: number, reason: string): Promise<void> {
    await this.pool.query(
      `UPDATE push_outbox SET state = 'failed', attempts = attempts + 1, finished_at = $1, last_error = $2
       WHERE id = $3 AND state = 'pending'`,
      [at, reason, id],
    );
  }

  async prune(before: number): Promise<number> {
    return transaction(this.pool, async (tx) => {
      await tx.query('DELETE FROM notifications WHERE created_at < $1', [before]);
      return (
        (await tx.query(`DELETE FROM push_outbox WHERE state != 'pending' AND finished_at < $1`, [before])).rowCount ??
        0
      );
    });
  }

  async preferencesOf(userId: string): Promise<NotificationPreferences> {
    const row = (
      await this.pool.query<PreferencesRow>(
        'SELECT user_id, time_zone, kinds FROM notification_preferences WHERE user_id = $1',
        [userId],
      )
    ).rows[0];
    return row === undefined ? defaultNotificationPreferences : toPreferences(row);
  }

  async setPreferences(userId: string, preferences: NotificationPreferences): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_preferences (user_id, time_zone, kinds) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET time_zone = excluded.time_zone, kinds = excluded.kinds`,
      [userId, preferences.timeZone, JSON.stringify(preferences.kinds)],
    );
  }

  async accountsWithPreferences(): Promise<
    readonly { readonly userId: string; readonly preferences: NotificationPreferences }[]
  > {
    const result = await this.pool.query<PreferencesRow>(
      'SELECT user_id, time_zone, kinds FROM notification_preferences ORDER BY user_id COLLATE "C"',
    );
    return result.rows.map((row) => ({ userId: row.user_id, preferences: toPreferences(row) }));
  }
}
