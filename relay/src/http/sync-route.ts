import type { FastifyRequest } from 'fastify';
import type { RawData } from 'ws';
import { reportFailure } from '../failures.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import type { DocRole } from '../storage/accounts/accounts.js';
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
  readonly userId: string;
  readonly deviceId: string;
  readonly role: DocRole;
  readonly expiresAt: number;
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Reads the member's role and account again once the socket is registered: a change made between
 * the upgrade's check and then was not there to be seen by the socket, so is applied to it now (L3, A6).
 */
async function recheckGrant(context: RelayContext, grant: SyncGrant, docId: string): Promise<void> {
  const { accounts } = context.storage;
  if ((await accounts.findUser(grant.userId))?.disabledAt !== null) context.memberSockets.closeDisabled(grant.userId);
  else context.memberSockets.reconcile(grant.userId, docId, await accounts.docRole(grant.userId, docId));
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
        // Upgrades still being answered are not counted: a device may pass by the few it opens at once (B3).
        if (context.deviceSockets.countOf(claims.deviceId) >= context.config.socketsPerDevice) {
          throw new RelayError('rate_limited');
        }
        grants.set(request, {
          userId: claims.userId,
          deviceId: claims.deviceId,
          role,
          expiresAt: claims.expiresAt,
        });
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
      context.memberSockets.add(grant.userId, request.params.docId, grant.role, peer);
      recheckGrant(context, grant, request.params.docId).catch((error: unknown) => {
        reportFailure({ logger: request.log, metrics: context.metrics }, 'socket', error);
        peer.close(closeCodes.internalError, 'internal error');
      });
      heartbeat.watch(socket);
      context.metrics.connections = context.deviceSockets.count;
      // A viewer's updates are dropped (L2); it reads its role from GET /api/ledgers before it writes.
      room.join(peer, { canWrite: grant.role !== 'viewer' });
      socket.on('message', (data: RawData, isBinary: boolean) => {
        if (isBinary) room.receive(peer, bytesOf(data));
        else peer.close(closeCodes.unsupportedData, 'binary frames only');
      });
      socket.on('close', () => {
        room.leave(peer);
        context.deviceSockets.remove(peer);
        context.memberSockets.remove(peer);
        context.metrics.connections = context.deviceSockets.count;
      });
    },
  );
}
