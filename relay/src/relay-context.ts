import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Bookings } from './advisors/bookings.js';
import type { AccessTokens } from './auth/access-tokens.js';
import type { RegistrationLinks } from './auth/registration-links.js';
import type { BlobSweeper } from './blobs/blob-sweeper.js';
import type { EventPresence } from './events/event-presence.js';
import type { EventSockets } from './events/event-sockets.js';
import type { LiveEvents } from './events/live-events.js';
import type { OfflineNotices } from './events/offline-notices.js';
import type { AccountMail } from './mail/account-mail.js';
import type { RelayMetrics } from './metrics.js';
import type { Payments } from './payments/payments.js';
import type { Notifier } from './push/notifier.js';
import type { ResolvedRelayConfig } from './relay-config.js';
import type { RelayStorage } from './storage/relay-storage.js';
import type { DeviceSockets } from './sync/device-sockets.js';
import type { DocRooms } from './sync/doc-rooms.js';
import type { MemberSockets } from './sync/member-sockets.js';

/** What the routes share: built once per relay by `buildRelay`. */
export interface RelayContext {
  readonly config: ResolvedRelayConfig;
  readonly storage: RelayStorage;
  readonly tokens: AccessTokens;
  /** The links that finish an open registration once its address is confirmed (A5). */
  readonly registrationLinks: RegistrationLinks;
  readonly rooms: DocRooms;
  readonly deviceSockets: DeviceSockets;
  readonly memberSockets: MemberSockets;
  /** The events sockets open on this relay (E4). */
  readonly eventSockets: EventSockets;
  /** Whether a person has an events socket open on this relay or another (N5, N6). */
  readonly eventPresence: EventPresence;
  /** Publishes live events to the people they concern (E2). */
  readonly liveEvents: LiveEvents;
  /** Tells people away of bookings and messages by push or email (N5). */
  readonly offlineNotices: OfflineNotices;
  readonly metrics: RelayMetrics;
  /** The mails accounts get; with mail off it queues nothing. */
  readonly mail: AccountMail;
  /** Tells people things by the channels they chose (N3). */
  readonly notifier: Notifier;
  /** Where every booking is made and changes status (D3). */
  readonly bookings: Bookings;
  /** Priced sessions paid through the chosen provider (PAY2–PAY4). */
  readonly payments: Payments;
  readonly startedAt: number;
  /** Tells the other relays to read the access-change feed now, after a revocation, removal or role change here (C5). */
  readonly accessChanged: () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Removes files no ledger has referenced for the grace time (BLOB6); it runs every day by itself. */
    readonly blobSweeper: BlobSweeper;
    /** Checkouts, webhooks and refunds; its refunds owed are asked again every half minute (PAY7). */
    readonly payments: Payments;
  }
}

export type RelayApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  JsonSchemaToTsProvider
>;
