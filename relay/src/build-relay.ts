import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyRequest } from 'fastify';
import { AccessTokens } from './auth/access-tokens.js';
import { registerAppShell } from './http/app-shell.js';
import { registerAuthRoutes } from './http/auth-routes.js';
import { installCors } from './http/cors.js';
import { registerDeviceRoutes } from './http/device-routes.js';
import { installErrorHandler } from './http/error-handler.js';
import { registerHealthRoutes } from './http/health-routes.js';
import { redactUrl } from './http/log-redaction.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerSyncRoute } from './http/sync-route.js';
import { RelayMetrics } from './metrics.js';
import { type RelayConfig, resolveRelayConfig } from './relay-config.js';
import type { RelayApp, RelayContext } from './relay-context.js';
import { DeviceSockets } from './sync/device-sockets.js';
import { DocRooms } from './sync/doc-rooms.js';
import { closeCodes } from './sync/peer-socket.js';

/**
 * Builds the relay — routes, sync, storage wiring — without listening. Closing it stops
 * accepting, closes every socket, and stores everything received (P6).
 */
export async function buildRelay(relayConfig: RelayConfig): Promise<RelayApp> {
  const config = resolveRelayConfig(relayConfig);
  const metrics = new RelayMetrics();
  const deviceSockets = new DeviceSockets();
  const rooms = new DocRooms({
    documents: config.storage.documents,
    metrics,
    unloadAfterMs: config.unloadAfterMs,
    compactAfter: config.compactAfter,
    onSynced: (peer) => {
      const deviceId = deviceSockets.deviceOf(peer);
      if (deviceId !== undefined) {
        void config.storage.accounts.recordDeviceActivity(deviceId, { lastSyncedAt: Date.now() });
      }
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

  const app = Fastify({
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // Refuse unknown fields and wrong types instead of quietly stripping or coercing them (S7).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    logger: {
      level: config.logLevel,
      ...(config.logStream === undefined ? {} : { stream: config.logStream }),
      redact: ['req.headers.authorization', 'req.query.token'],
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
  }).withTypeProvider<JsonSchemaToTsProvider>();

  let servingAppShell = false;
  installErrorHandler(app, () => servingAppShell);
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
      request.log.info({ err: error }, 'sync socket error');
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
