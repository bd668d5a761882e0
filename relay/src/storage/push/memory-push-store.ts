import {
  defaultNotificationPreferences,
  type NewPush,
  type NotificationPreferences,
  type OutboxPush,
  type PushStore,
  type PushSubscriptionRecord,
} from './push-store.js';

/** The push store of a process: for fast tests. */
export class MemoryPushStore implements PushStore {
  private readonly subscriptions = new Map<string, PushSubscriptionRecord>();
  private readonly pushes: OutboxPush[] = [];
  private readonly notifications = new Map<string, number>();
  private readonly preferences = new Map<string, NotificationPreferences>();
  private nextId = 1;

  async subscribe(subscription: PushSubscriptionRecord): Promise<void> {
    this.subscriptions.set(subscription.endpoint, { ...subscription });
  }

  async unsubscribe(userId: string, endpoint: string): Promise<boolean> {
    const subscription = this.subscriptions.get(endpoint);
    if (subscription === undefined || subscription.userId !== userId) return false;
    return this.subscriptions.delete(endpoint);
  }

  async removeSubscription(endpoint: string): Promise<void> {
    this.subscriptions.delete(endpoint);
  }

  async removeDeviceSubscriptions(deviceId: string): Promise<number> {
    let removed = 0;
    for (const [endpoint, subscription] of this.subscriptions) {
      if (subscription.deviceId === deviceId) {
        this.subscriptions.delete(endpoint);
        removed++;
      }
    }
    return removed;
  }

  async subscriptionsOf(userId: string): Promise<readonly PushSubscriptionRecord[]> {
    return [...this.subscriptions.values()]
      .filter((subscription) => subscription.userId === userId)
      .sort((a, b) => a.createdAt - b.createdAt || a.endpoint.localeCompare(b.endpoint));
  }

  async findSubscription(endpoint: string): Promise<PushSubscriptionRecord | null> {
    return this.subscriptions.get(endpoint) ?? null;
  }

  async notify(dedupeKey: string, _userId: string, createdAt: number, pushes: readonly NewPush[]): Promise<boolean> {
    if (this.notifications.has(dedupeKey)) return false;
    this.notifications.set(dedupeKey, createdAt);
    for (const push of pushes) {
      this.pushes.push({
        ...push,
        id: this.nextId++,
        attempts: 0,
        state: 'pending',
        nextAttemptAt: push.createdAt,
        finishedAt: null,
        lastError: null,
      });
    }
    return true;
  }

  async notified(dedupeKey: string): Promise<boolean> {
    return this.notifications.has(dedupeKey);
  }

  async duePushes(at: number, limit: number): Promise<readonly OutboxPush[]> {
    return this.pushes
      .filter((push) => push.state === 'pending' && push.nextAttemptAt <= at)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id)
      .slice(0, limit);
  }

  async nextDueAt(): Promise<number | null> {
    const pending = this.pushes.filter((push) => push.state === 'pending').map((push) => push.nextAttemptAt);
    return pending.length === 0 ? null : Math.min(...pending);
  }

  async markSent(id: number, at: number): Promise<void> {
    this.update(id, (push) => ({ ...push, state: 'sent', finishedAt: at }));
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void> {
    this.update(id, (push) => ({ ...push, attempts: push.attempts + 1, nextAttemptAt, lastError: reason }));
  }

  async markFailed(id: number, at: number, reason: string): Promise<void> {
    this.update(id, (push) => ({
      ...push,
      state: 'failed',
      attempts: push.attempts + 1,
      finishedAt: at,
      lastError: reason,
    }));
  }

  async prune(before: number): Promise<number> {
    const kept = this.pushes.filter((push) => push.state === 'pending' || (push.finishedAt ?? before) >= before);
    const removed = this.pushes.length - kept.length;
    this.pushes.splice(0, this.pushes.length, ...kept);
    for (const [key, at] of this.notifications) {
      if (at < before) this.notifications.delete(key);
    }
    return removed;
  }

  async preferencesOf(userId: string): Promise<NotificationPreferences> {
    return this.preferences.get(userId) ?? defaultNotificationPreferences;
  }

  async setPreferences(userId: string, preferences: NotificationPreferences): Promise<void> {
    this.preferences.set(userId, structuredClone(preferences));
  }

  async accountsWithPreferences(): Promise<
    readonly { readonly userId: string; readonly preferences: NotificationPreferences }[]
  > {
    return [...this.preferences].map(([userId, preferences]) => ({ userId, preferences }));
  }

  private update(id: number, change: (push: OutboxPush) => OutboxPush): void {
    const index = this.pushes.findIndex((push) => push.id === id);
    const push = this.pushes[index];
    if (push !== undefined && push.state === 'pending') this.pushes[index] = change(push);
  }
}
