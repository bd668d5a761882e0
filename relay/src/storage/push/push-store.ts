/** What a person is told about; each kind has its own switch per channel (N3). */
export const notificationKinds = ['billReminders', 'invitations', 'bookings', 'messages', 'payments'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How a person may be told. */
export const notificationChannels = ['email', 'push'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export type ChannelChoice = Readonly<Record<NotificationChannel, boolean>>;

/** An account's notification preferences, with the time zone its reminders are timed in (N3, N4). */
export interface NotificationPreferences {
  /** An IANA zone (`Europe/Berlin`), as the app last sent it; null until it has. */
  readonly timeZone: string | null;
  readonly kinds: Readonly<Record<NotificationKind, ChannelChoice>>;
}

/** Until an account says otherwise: reminders by push only, the rest by both (chat batched, N5). */
export const defaultNotificationPreferences: NotificationPreferences = {
  timeZone: null,
  kinds: {
    billReminders: { email: false, push: true },
    invitations: { email: true, push: true },
    bookings: { email: true, push: true },
    messages: { email: true, push: true },
    payments: { email: true, push: true },
  },
};

/** A device's Web Push subscription (N1): the push service's endpoint and the keys that encrypt for it. */
export interface PushSubscriptionRecord {
  readonly endpoint: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly p256dh: string;
  readonly auth: string;
  readonly createdAt: number;
}

/** One message for one subscription. */
export interface NewPush {
  readonly endpoint: string;
  /** The JSON the service worker reads: `{title, body, screen}`. */
  readonly payload: string;
  readonly createdAt: number;
}

export type PushState = 'pending' | 'sent' | 'failed';

export interface OutboxPush extends NewPush {
  readonly id: number;
  readonly attempts: number;
  readonly state: PushState;
  readonly nextAttemptAt: number;
  readonly finishedAt: number | null;
  readonly lastError: string | null;
}

/**
 * Devices' push subscriptions, the durable queue of pushes to send, the notifications already
 * made (by dedupe key) and each account's notification preferences.
 */
export interface PushStore {
  /** Stores the subscription for the device; an endpoint already known moves to it. */
  subscribe(subscription: PushSubscriptionRecord): Promise<void>;
  /** Removes the account's subscription with this endpoint; false when it has none. */
  unsubscribe(userId: string, endpoint: string): Promise<boolean>;
  /** Removes a subscription whatever its account (the push service said it is gone). */
  removeSubscription(endpoint: string): Promise<void>;
  /** Removes every subscription of a device (it was revoked); how many. */
  removeDeviceSubscriptions(deviceId: string): Promise<number>;
  subscriptionsOf(userId: string): Promise<readonly PushSubscriptionRecord[]>;
  findSubscription(endpoint: string): Promise<PushSubscriptionRecord | null>;

  /**
   * Records the notification by its dedupe key and queues its pushes, in one transaction; nothing
   * is stored (false) when a notification with that key was made before.
   */
  notify(dedupeKey: string, userId: string, createdAt: number, pushes: readonly NewPush[]): Promise<boolean>;
  /** Whether a notification with this dedupe key was made. */
  notified(dedupeKey: string): Promise<boolean>;
  /** The pending pushes due at `at`, oldest first. */
  duePushes(at: number, limit: number): Promise<readonly OutboxPush[]>;
  /** When the earliest pending push is due; null when none is pending. */
  nextDueAt(): Promise<number | null>;
  markSent(id: number, at: number): Promise<void>;
  markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void>;
  markFailed(id: number, at: number, reason: string): Promise<void>;
  /** Deletes pushes sent or failed, and notifications made, before `before`; how many pushes. */
  prune(before: number): Promise<number>;

  preferencesOf(userId: string): Promise<NotificationPreferences>;
  setPreferences(userId: string, preferences: NotificationPreferences): Promise<void>;
  /** Every account that has stored preferences (those with a time zone get reminders, N4). */
  accountsWithPreferences(): Promise<
    readonly { readonly userId: string; readonly preferences: NotificationPreferences }[]
  >;
}
