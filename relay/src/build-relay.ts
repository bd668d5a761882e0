import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { AccessTokens } from './auth/access-tokens.js';
import { reportFailure } from './failures.js';
import { registerAppShell } from './http/app-shell.js';
import { registerAuthRoutes } from './http/auth-routes.js';
import { acceptBodilessRequests } from './http/bodiless-requests.js';
import { installCors } from './http/cors.js';
import { registerDeviceRoutes } from './http/device-routes.js';
import { installErrorHandler } from './http/error-handler.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { registerInvitationRoutes } from './http/invitation-routes.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerSyncRoute } from './http/sync-route.js';
import { UpgradeGuard } from './http/upgrade-guard.js';
import { RelayMetrics } from './metrics.js';
import { type RelayConfig, resolveRelayConfig } from './relay-config.js';
import type { RelayApp, RelayContext } from './relay-context.js';
import { createRelayLogger } from './relay-logger.js';
import type { ProxyTrust } from './settings/setting-types.js';
import { AccountQuotas } from './sync/account-quotas.js';
import { DeviceSockets } from './sync/device-sockets.js';
import { DocRooms } from './sync/doc-rooms.js';
import { Heartbeat } from './sync/heartbeat.js';
import { OffThreadGuard } from './sync/off-thread-guard.js';
import { closeCodes } from './sync/peer-socket.js';
import { RevocationWatch } from './sync/revocation-watch.js';

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
  const offThread = new OffThreadGuard();
  const quotas = new AccountQuotas(config.storage, config.accountQuotaBytes);
  const rooms = new DocRooms({
    documents: config.storage.documents,
    metrics,
    logger: app.log,
    unloadAfterMs: config.unloadAfterMs,
    compactAfter: config.compactAfter,
    limits: config,
    reserve: (docId, bytes) => quotas.reserve(docId, bytes),
    offThread,
    onSynced: (peer) => {
      const deviceId = deviceSockets.deviceOf(peer);
      if (deviceId === undefined) return;
      config.storage.accounts.recordDeviceActivity(deviceId, { lastSyncedAt: Date.now() }).catch((error: unknown) => {
        reportFailure({ logger: app.log, metrics }, 'device-activity', error, { deviceId });
      });
    },
  });
  const context: RelayContext = {
    config,
    storage: config.storage,
    tokens: new AccessTokens({ signingKey: config.signingKey, ttlSeconds: config.accessTokenTtlSeconds }),
    rooms,
    deviceSockets,
    metrics,
    startedAt: Date.now(),
  };
  const heartbeat = new Heartbeat(config.heartbeatSeconds * 1000, () => {
    metrics.silentPeersDropped++;
  });
  const revocations = new RevocationWatch(config.storage.accounts, deviceSockets, { logger: app.log, metrics });

  let servingAppShell = false;
  installErrorHandler(app, metrics, () => servingAppShell);
  installSecurityHeaders(app);
  installCors(app, config.allowedOrigins);
  acceptBodilessRequests(app);
  app.addHook('onReady', () => revocations.start());
  // Runs before the websocket plugin's own preClose, so peers hear why they were closed.
  app.addHook('preClose', async () => {
    revocations.stop();
    heartbeat.stop();
    deviceSockets.closeAll(closeCodes.goingAway, 'relay shutting down');
  });
  app.addHook('onClose', async () => {
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
  registerInvitationRoutes(app, context);
  registerDeviceRoutes(app, context);
  registerSyncRoute(app, context, heartbeat);
  registerHealthRoutes(app, context);
  servingAppShell = await registerAppShell(app, config.appDir);
  return app;
}
