import type { FastifyRequest } from 'fastify';
import type { RawData } from 'ws';
import type { RelayApp, RelayContext } from '../relay-context.js';
import type { Heartbeat } from '../sync/heartbeat.js';
import { closeCodes } from '../sync/peer-socket.js';
import { wsPeerSocket } from '../sync/ws-peer-socket.js';
import { authenticate } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { isOriginAllowed } from './origin-policy.js';

const syncParams = {
  type: 'object',
  additionalProperties: false,
  required: ['docId'],
  properties: { docId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
} as const;

const syncQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { token: { type: 'string', maxLength: 4096 } },
} as const;

interface SyncGrant {
  readonly deviceId: string;
  readonly canWrite: boolean;
  readonly expiresAt: number;
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * `GET /sync/:docId?token=` — the y-websocket protocol for one document (P1–P6). Upgrades are
 * counted against their address's budget by the upgrade guard, whatever their path (S5, H1).
 */
export function registerSyncRoute(app: RelayApp, context: RelayContext, heartbeat: Heartbeat): void {
  const grants = new WeakMap<FastifyRequest, SyncGrant>();

  app.get(
    '/sync/:docId',
    {
      websocket: true,
      schema: { params: syncParams, querystring: syncQuery, response: { '4xx': errorReplySchema } },
      onRequest: async (request) => {
        if (!isOriginAllowed(request.headers.origin, request.headers.host, context.config.allowedOrigins)) {
          context.metrics.authFailures++;
          throw new RelayError('origin_not_allowed');
        }
      },
      preHandler: async (request) => {
        const claims = await authenticate(context, request.query.token);
        const role = await context.storage.accounts.docRole(claims.userId, request.params.docId);
        if (role === null) {
          context.metrics.authFailures++;
          throw new RelayError('forbidden');
        }
        // Upgrades still being answered are not counted: a device may pass by the few it opens at once (L3).
        if (context.deviceSockets.countOf(claims.deviceId) >= context.config.socketsPerDevice) {
          throw new RelayError('rate_limited');
        }
        grants.set(request, { deviceId: claims.deviceId, canWrite: role !== 'reader', expiresAt: claims.expiresAt });
      },
    },
    (socket, request) => {
      const grant = grants.get(request);
      if (grant === undefined) {
        socket.close(closeCodes.policyViolation, 'not authorized');
        return;
      }
      const peer = wsPeerSocket(socket, request.socket, context.config.maxBufferedBytes);
      const room = context.rooms.open(request.params.docId);
      context.deviceSockets.add(grant.deviceId, peer, grant.expiresAt);
      heartbeat.watch(socket);
      context.metrics.connections = context.deviceSockets.count;
      room.join(peer, { canWrite: grant.canWrite });
      socket.on('message', (data: RawData, isBinary: boolean) => {
        if (isBinary) room.receive(peer, bytesOf(data));
        else peer.close(closeCodes.unsupportedData, 'binary frames only');
      });
      socket.on('close', () => {
        room.leave(peer);
        context.deviceSockets.remove(peer);
        context.metrics.connections = context.deviceSockets.count;
      });
    },
  );
}
