import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import websocket from '@fastify/websocket';
import { attachmentHashesInUpdate } from '@tally/schema';
import Fastify from 'fastify';
import { Bookings } from './advisors/bookings.js';
import { AccessTokens } from './auth/access-tokens.js';
import { RegistrationLinks } from './auth/registration-links.js';
import { throughConversations, throughLedgers, uploadedBy } from './blobs/blob-access.js';
import { BlobKeeper } from './blobs/blob-keeper.js';
import { BlobSweeper } from './blobs/blob-sweeper.js';
import { MemoryBlobStore } from './blobs/memory-blob-store.js';
import { bookingPublication } from './events/booking-events.js';
import { InProcessEventBus } from './events/event-bus.js';
import { EventPresence } from './events/event-presence.js';
import { EventRetention } from './events/event-retention.js';
import { EventSockets } from './events/event-sockets.js';
import { LiveEvents } from './events/live-events.js';
import { sessionShareChanged } from './events/membership-events.js';
import { OfflineNotices } from './events/offline-notices.js';
import { paymentPublication } from './events/payment-events.js';
import { SharedEventBus } from './events/shared-event-bus.js';
import { reportFailure } from './failures.js';
import { registerAccountMailRoutes } from './http/account-mail-routes.js';
import { registerAdminRoutes } from './http/admin-routes.js';
import { registerAdvisorRoutes } from './http/advisor-routes.js';
import { registerAppShell } from './http/app-shell.js';
import { registerAuthRoutes } from './http/auth-routes.js';
import { registerBlobRoutes } from './http/blob-routes.js';
import { acceptBodilessRequests } from './http/bodiless-requests.js';
import { registerBookingRoutes } from './http/booking-routes.js';
import { conversationReader, registerChatRoutes } from './http/chat-routes.js';
import { installCors } from './http/cors.js';
import { registerDeviceRoutes } from './http/device-routes.js';
import { installErrorHandler } from './http/error-handler.js';
import { registerEventsRoute } from './http/events-route.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { registerInvitationRoutes } from './http/invitation-routes.js';
import { registerLedgerInvitationRoutes } from './http/ledger-invitation-routes.js';
import { registerLedgerRoutes } from './http/ledger-routes.js';
import { registerMemberRoutes } from './http/member-routes.js';
import { registerNotificationPreferencesRoutes } from './http/notification-preferences-routes.js';
import { registerPaymentRoutes } from './http/payment-routes.js';
import { registerPushRoutes } from './http/push-routes.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerSyncRoute } from './http/sync-route.js';
import { UpgradeGuard } from './http/upgrade-guard.js';
import { registerVersionRoutes } from './http/version-routes.js';
import { AccountMail } from './mail/account-mail.js';
import { OutboxSender, type OutboxSenderOptions } from './mail/outbox-sender.js';
import { smtpTransport } from './mail/smtp-transport.js';
import { RelayMetrics } from './metrics.js';
import { paymentProviderOf } from './payments/payment-providers.js';
import { Payments } from './payments/payments.js';
import { BillReminders } from './push/bill-reminders.js';
import { Notifier } from './push/notifier.js';
import { PushSender, type PushSenderOptions } from './push/push-sender.js';
import { type RelayConfig, type ResolvedRelayConfig, resolveRelayConfig } from './relay-config.js';
import type { RelayApp, RelayContext } from './relay-context.js';
import { createRelayLogger } from './relay-logger.js';
import type { ProxyTrust } from './settings/setting-types.js';
import { AccountQuotas } from './sync/account-quotas.js';
import { DeviceSockets } from './sync/device-sockets.js';
import { DocRooms } from './sync/doc-rooms.js';
import { Heartbeat } from './sync/heartbeat.js';
import { MemberSockets } from './sync/member-sockets.js';
import { OffThreadGuard } from './sync/off-thread-guard.js';
import { closeCodes } from './sync/peer-socket.js';
import { RestoreWatch } from './sync/restore-watch.js';
import { RevocationWatch } from './sync/revocation-watch.js';
import { versionPolicy } from './sync/version-policy.js';

/** Fastify's form of `TRUST_PROXY`: a hop count trusts that many proxies nearest the relay, never the client's own entries (S5). */
function trustedProxies(trust: ProxyTrust): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return [...trust];
  return trust === 0 ? false : (_address, hop) => hop < trust;
}

/**
 * Builds the relay — routes, sync, storage wiring — without listening. Closing it stops
 * accepting, closes every socket, and stores everything received (P6).
 */
export async function buildRelay(relayConfig: RelayConfig): Promise<RelayApp> {
  const config = resolveRelayConfig(relayConfig);
  const metrics = new RelayMetrics();
  const upgradeGuard = new UpgradeGuard(config.upgradesPerMinute, metrics);
  const requestTimeoutMs = config.requestTimeoutSeconds * 1000;
  const app = Fastify({
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: 64 * 1024,
    // A request whose body trickles in is closed with 408 (H2). Node reads the timeout as the
    // server is made, and checks every connection this often.
    requestTimeout: requestTimeoutMs,
    http: {
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, requestTimeoutMs / 4)),
    },
    frameworkErrors: upgradeGuard.refuseUnroutable,
    // Refuse unknown fields and wrong types instead of quietly stripping or coercing them (S7).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    loggerInstance: config.logger ?? createRelayLogger({ level: config.logLevel, stream: config.logStream }),
  }).withTypeProvider<JsonSchemaToTsProvider>();

  const deviceSockets = new DeviceSockets(() => {
    metrics.expiredSockets++;
  });
  const memberSockets = new MemberSockets();
  const offThread = new OffThreadGuard();
  const now = config.clock ?? Date.now;
  const quotas = new AccountQuotas(config.storage, config.accountQuotaBytes, { logger: app.log, metrics }, now);
  const blobKeeper = new BlobKeeper(
    config.blobStore ?? new MemoryBlobStore(),
    config.storage.blobs,
    config,
    metrics,
    now,
  );
  const blobSweeper = new BlobSweeper({
    records: config.storage.blobs,
    documents: config.storage.documents,
    keeper: blobKeeper,
    graceDays: config.blobGraceDays,
    now,
    reporting: { logger: app.log, metrics },
  });
  const rooms = new DocRooms({
    documents: config.storage.documents,
    metrics,
    logger: app.log,
    unloadAfterMs: config.unloadAfterMs,
    compactAfter: config.compactAfter,
    versions: versionPolicy(config),
    limits: config,
    reserve: (docId, bytes) => quotas.reserve(docId, bytes),
    offThread,
    ...(config.bus === undefined ? {} : { bus: config.bus }),
    sequenceCheckMs: config.sequenceCheckMs,
    onStored: async (docId, update, seq) => {
      // References are only added here; the sweeper's recount drops the ones a ledger no longer makes (BLOB5).
      try {
        const hashes = attachmentHashesInUpdate(update);
        if (hashes.size > 0) await config.storage.blobs.addReferences(docId, [...hashes], seq);
      } catch (error) {
        reportFailure({ logger: app.log, metrics }, 'blobs', error, { docId });
      }
    },
    onSynced: (peer) => {
      const deviceId = deviceSockets.deviceOf(peer);
      if (deviceId === undefined) return;
      config.storage.accounts.recordDeviceActivity(deviceId, { lastSyncedAt: Date.now() }).catch((error: unknown) => {
        reportFailure({ logger: app.log, metrics }, 'device-activity', error, { deviceId });
      });
    },
  });
  const mailSender = outboxSender(config, { logger: app.log, metrics });
  if (mailSender === null) {
    app.log.info(
      { mail: 'off' },
      'mail is off (SMTP_URL is not set): no verification, password reset or reminder mail is sent',
    );
  } else {
    app.log.info({ mail: 'on', publicUrl: config.publicUrl }, 'mail is on');
  }
  const pushSender = pushSenderOf(config, { logger: app.log, metrics });
  app.log.info(
    { push: pushSender === null ? 'off' : 'on' },
    pushSender === null ? 'push is off (no VAPID keys)' : 'push is on',
  );
  const notifier = new Notifier(
    config.storage,
    pushSender,
    mailSender === null || config.publicUrl === null ? null : { sender: mailSender, publicUrl: config.publicUrl },
    config.clock ?? Date.now,
  );
  const reminders = new BillReminders({
    storage: config.storage,
    notifier,
    now: config.clock ?? Date.now,
    reporting: { logger: app.log, metrics },
  });
  // One process's bus, or with other relays on the database one that reaches them too (E4, E11).
  const sharedEvents = config.bus === undefined ? null : new SharedEventBus(config.bus);
  const eventBus = sharedEvents ?? new InProcessEventBus();
  const eventSockets = new EventSockets(eventBus, { logger: app.log, metrics });
  const eventPresence = new EventPresence(eventSockets, config.presence ?? null, { logger: app.log, metrics });
  const eventRetention = new EventRetention(config.storage.events, config.clock ?? Date.now, {
    logger: app.log,
    metrics,
  });
  const bookings = new Bookings({
    storage: config.storage,
    memberSockets,
    now: config.clock ?? Date.now,
    reporting: { logger: app.log, metrics },
  });
  const payments = new Payments({
    storage: config.storage,
    provider: paymentProviderOf(config),
    bookings,
    notifier,
    publicUrl: config.publicUrl,
    now: config.clock ?? Date.now,
    metrics,
    reporting: { logger: app.log, metrics },
  });
  const context: RelayContext = {
    config,
    storage: config.storage,
    tokens: new AccessTokens({ signingKey: config.signingKey, ttlSeconds: config.accessTokenTtlSeconds }),
    registrationLinks: new RegistrationLinks(config.signingKey),
    rooms,
    deviceSockets,
    memberSockets,
    eventSockets,
    eventPresence,
    offlineNotices: new OfflineNotices({
      storage: config.storage,
      notifier,
      presence: eventPresence,
      now: config.clock ?? Date.now,
      reporting: { logger: app.log, metrics },
    }),
    liveEvents: new LiveEvents(config.storage.events, eventBus, config.clock ?? Date.now, { logger: app.log, metrics }),
    metrics,
    mail: new AccountMail(config.storage.mail, mailSender, config.publicUrl),
    notifier,
    bookings,
    payments,
    startedAt: Date.now(),
    accessChanged: () => config.bus?.publishAccessChange(),
  };
  // Both parties hear of every booking made and moved, live or on their next replay (E9), and
  // by push or email when away (N5).
  context.bookings.onChange((booking, event) => {
    void context.liveEvents.tell(bookingPublication(booking, event));
    void context.offlineNotices.bookingChanged(booking, event);
  });
  // A checkout's new status tells both parties, so a refund shows live on the booking (E12).
  context.payments.onChange((payment) => {
    void context.liveEvents.tell(paymentPublication(payment));
  });
  // A session share's start and end tell both parties, so the advisor's app lists the ledger live (E10).
  context.bookings.onShareChange((booking, role) => {
    void context.liveEvents.tell(sessionShareChanged(booking, role));
  });
  const heartbeat = new Heartbeat(config.heartbeatSeconds * 1000, () => {
    metrics.silentPeersDropped++;
  });
  const revocations = new RevocationWatch(config.storage.accounts, deviceSockets, memberSockets, eventSockets, {
    logger: app.log,
    metrics,
  });
  config.bus?.listen(
    {
      ...rooms.busListener,
      reconnected: () => {
        rooms.busListener.reconnected();
        // Announcements made while Redis was away are lost: every events socket here looks again.
        eventSockets.catchUpAll();
      },
      accessChanged: () => revocations.checkNow(),
      eventsStored: (userIds) => sharedEvents?.heard(userIds),
    },
    { logger: app.log, metrics },
  );
  const restores = new RestoreWatch(config.storage.documents, rooms, { logger: app.log, metrics });

  let servingAppShell = false;
  installErrorHandler(app, metrics, () => servingAppShell);
  installSecurityHeaders(app, { razorpay: config.paymentProvider === 'razorpay' });
  installCors(app, config.allowedOrigins);
  acceptBodilessRequests(app);
  app.addHook('onReady', async () => {
    await revocations.start();
    restores.start();
    if (mailSender !== null) {
      try {
        await context.mail.recoverVerifications(await config.storage.accounts.listUsers());
      } catch (error) {
        reportFailure({ logger: app.log, metrics }, 'mail', error);
      }
      mailSender.wake();
    }
    pushSender?.wake();
    reminders.start();
    eventRetention.start();
    eventPresence.start();
    if (config.clock === undefined) {
      context.bookings.start();
      payments.start();
    }
    blobSweeper.start();
  });
  // Runs before the websocket plugin's own preClose, so peers hear why they were closed.
  app.addHook('preClose', async () => {
    // Fastify closes the connections idle when it starts closing; one that finishes its request a
    // moment later would hold the close open for the whole keep-alive timeout. Close those too.
    const idleSweep = setInterval(() => app.server.closeIdleConnections(), 100);
    idleSweep.unref();
    app.server.once('close', () => clearInterval(idleSweep));
    revocations.stop();
    heartbeat.stop();
    await restores.stop();
    eventRetention.stop();
    eventPresence.stop();
    deviceSockets.closeAll(closeCodes.goingAway, 'relay shutting down');
    eventSockets.closeAll();
  });
  app.addHook('onClose', async () => {
    await mailSender?.stop();
    await reminders.stop();
    await context.bookings.stop();
    payments.stop();
    await payments.settled();
    await blobSweeper.stop();
    await pushSender?.stop();
    await rooms.closeAll();
    await offThread.close();
  });
  await app.register(websocket, {
    options: { maxPayload: config.maxFrameBytes },
    errorHandler: (error, socket, request) => {
      reportFailure({ logger: request.log, metrics }, 'socket', error);
      if (socket.readyState === socket.OPEN) socket.close(closeCodes.internalError, 'internal error');
    },
  });
  upgradeGuard.install(app);

  registerAuthRoutes(app, context);
  registerAccountMailRoutes(app, context);
  registerInvitationRoutes(app, context);
  registerDeviceRoutes(app, context);
  registerLedgerRoutes(app, context);
  registerMemberRoutes(app, context);
  registerLedgerInvitationRoutes(app, context);
  registerAdminRoutes(app, context);
  registerAdvisorRoutes(app, context);
  registerBookingRoutes(app, context);
  registerChatRoutes(app, context);
  registerVersionRoutes(app, context);
  registerPushRoutes(app, context);
  registerNotificationPreferencesRoutes(app, context);
  registerSyncRoute(app, context, heartbeat);
  registerEventsRoute(app, context, heartbeat);
  registerPaymentRoutes(app, context);
  registerBlobRoutes(app, context, blobKeeper, [
    uploadedBy(config.storage.blobs),
    throughLedgers(config.storage.blobs, config.storage.accounts),
    throughConversations(config.storage.blobs, conversationReader(context)),
  ]);
  registerHealthRoutes(app, context);
  app.decorate('blobSweeper', blobSweeper);
  app.decorate('payments', payments);
  servingAppShell = await registerAppShell(app, config.appDir);
  return app;
}

/** The outbox's sender when `SMTP_URL` is set (M1); mail needs `PUBLIC_URL` for its links. */
function outboxSender(config: ResolvedRelayConfig, reporting: OutboxSenderOptions['reporting']): OutboxSender | null {
  if (config.smtpUrl === null) return null;
  if (config.publicUrl === null) throw new Error('SMTP_URL needs PUBLIC_URL: links in mail point there');
  const host = new URL(config.publicUrl).hostname;
  return new OutboxSender({
    store: config.storage.mail,
    transport: smtpTransport(config.smtpUrl),
    from: config.mailFrom ?? `Tally <no-reply@${host}>`,
    host,
    retryMs: config.mailRetryMs,
    maxAttempts: config.mailMaxAttempts,
    reporting,
  });
}

/** The push queue's sender when the relay has VAPID keys (N1, N2). */
function pushSenderOf(config: ResolvedRelayConfig, reporting: PushSenderOptions['reporting']): PushSender | null {
  if (config.vapidKeys === undefined) return null;
  return new PushSender({
    store: config.storage.push,
    accounts: config.storage.accounts,
    vapidKeys: config.vapidKeys,
    // Push services may write to whoever runs the relay (RFC 8292 §2.1).
    subject: config.publicUrl ?? 'mailto:postmaster@localhost',
    retryMs: config.pushRetryMs,
    maxAttempts: config.pushMaxAttempts,
    ...(config.pushAgent === undefined ? {} : { agent: config.pushAgent }),
    now: config.clock ?? Date.now,
    reporting,
  });
}
