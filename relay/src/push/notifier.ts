import type { NotificationKind, PushStore } from '../storage/push/push-store.js';
import type { PushMessage } from './push-messages.js';

export interface Notification {
  readonly userId: string;
  readonly kind: NotificationKind;
  /** The same key is one notification: it is made once, whatever happens after (N2). */
  readonly dedupeKey: string;
  readonly message: PushMessage;
}

/**
 * Tells a person something by the channels they chose for its kind (N3). Push goes to every
 * device they subscribed, through the push queue; email is not yet a channel of any kind here.
 */
export class Notifier {
  constructor(
    private readonly store: PushStore,
    /** The push queue's sender, woken when pushes are queued; null when push is off. */
    private readonly sender: { wake(): void } | null,
    private readonly now: () => number,
  ) {}

  /** Makes the notification unless one with its dedupe key was made; true when it was made now. */
  async notify(notification: Notification): Promise<boolean> {
    const { userId, kind, dedupeKey, message } = notification;
    const at = this.now();
    const preferences = await this.store.preferencesOf(userId);
    const byPush = this.sender !== null && preferences.kinds[kind].push;
    const subscriptions = byPush ? await this.store.subscriptionsOf(userId) : [];
    const payload = JSON.stringify(message);
    const made = await this.store.notify(
      dedupeKey,
      userId,
      at,
      subscriptions.map((subscription) => ({ endpoint: subscription.endpoint, payload, createdAt: at })),
    );
    if (made && subscriptions.length > 0) this.sender?.wake();
    return made;
  }
}
