import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { AccessTokens } from './auth/access-tokens.js';
import { reportFailure } from './failures.js';
import { registerAppShell } from './http/app-shell.js';
import { registerAuthRoutes } from './http/auth-routes.js';
import { installCors } from './http/cors.js';
import { registerDeviceRoutes } from './http/device-routes.js';
import { installErrorHandler } from './http/error-handler.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerSyncRoute } from './http/sync-route.js';
import { RelayMetrics } from './metrics.js';
import { type RelayConfig, resolveRelayConfig } from './relay-config.js';
import type { RelayApp, RelayContext } from './relay-context.js';
import { createRelayLogger } from './relay-logger.js';
import { DeviceSockets } from './sync/device-sockets.js';
import { DocRooms } from './sync/doc-rooms.js';
import { closeCodes } from './sync/peer-socket.js';

/**
 * Builds the relay — routes, sync, storage wiring — without listening. Closing it stops
 * accepting, closes every socket, and stores everything received (P6).
 */
export async function buildRelay(relayConfig: RelayConfig): Promise<RelayApp> {
  const config = resolveRelayConfig(relayConfig);
  const app = Fastify({
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // Refuse unknown fields and wrong types instead of quietly stripping or coercing them (S7).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    loggerInstance: config.logger ?? createRelayLogger({ level: config.logLevel, stream: config.logStream }),
  }).withTypeProvider<JsonSchemaToTsProvider>();

  const metrics = new RelayMetrics();
  const deviceSockets = new DeviceSockets();
  const rooms = new DocRooms({
    documents: config.storage.documents,
    metrics,
    logger: app.log,
    unloadAfterMs: config.unloadAfterMs,
    compactAfter: config.compactAfter,
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

  let servingAppShell = false;
  installErrorHandler(app, metrics, () => servingAppShell);
  installSecurityHeaders(app);
  installCors(app, config.allowedOrigins);
  // Runs before the websocket plugin's own preClose, so peers hear why they were closed.
  app.addHook('preClose', async () => {
    deviceSockets.closeAll(closeCodes.goingAway, 'relay shutting down');
  });
  app.addHook('onClose', async () => {
    await rooms.closeAll();
  });
  await app.register(websocket, {
    options: { maxPayload: config.maxFrameBytes },
    errorHandler: (error, socket, request) => {
      reportFailure({ logger: request.log, metrics }, 'socket', error);
      if (socket.readyState === socket.OPEN) socket.close(closeCodes.internalError, 'internal error');
    },
  });

  registerAuthRoutes(app, context);
  registerDeviceRoutes(app, context);
  registerSyncRoute(app, context);
  registerHealthRoutes(app, context);
  servingAppShell = await registerAppShell(app, config.appDir);
  return app;
}
