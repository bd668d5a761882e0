import type { FastifyRequest } from 'fastify';
import { EventStream } from '../events/event-stream.js';
import { reportFailure } from '../failures.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import type { Heartbeat } from '../sync/heartbeat.js';
import { closeCodes } from '../sync/peer-socket.js';
import { authenticate } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { isOriginAllowed } from './origin-policy.js';

const eventsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    token: { type: 'string', maxLength: 4096 },
    after: { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' },
  },
} as const;

interface EventsGrant {
  readonly userId: string;
  readonly deviceId: string;
  readonly expiresAt: number;
}

/**
 * `GET /events?token=&after=` — one device's live events (E1–E7): the events stored for its account
 * after `after`, then `events.synced`, then each new one. The socket only sends; a frame from the
 * device closes it (1003).
 */
export function registerEventsRoute(app: RelayApp, context: RelayContext, heartbeat: Heartbeat): void {
  const grants = new WeakMap<FastifyRequest, EventsGrant>();

  app.get(
    '/events',
    {
      websocket: true,
      schema: { querystring: eventsQuery, response: { '4xx': errorReplySchema } },
      onRequest: async (request) => {
        if (!isOriginAllowed(request.headers.origin, request.headers.host, context.config.allowedOrigins)) {
          context.metrics.authFailures++;
          throw new RelayError('origin_not_allowed');
        }
      },
      preHandler: async (request) => {
        const claims = await authenticate(context, request.query.token);
        if (context.eventSockets.countOf(claims.deviceId) >= context.config.socketsPerDevice) {
          throw new RelayError('rate_limited');
        }
        grants.set(request, { userId: claims.userId, deviceId: claims.deviceId, expiresAt: claims.expiresAt });
      },
    },
    (socket, request) => {
      const grant = grants.get(request);
      if (grant === undefined) {
        socket.close(closeCodes.policyViolation, 'not authorized');
        return;
      }
      const { after } = request.query;
      const stream = new EventStream({
        userId: grant.userId,
        deviceId: grant.deviceId,
        socket,
        store: context.storage.events,
        after: after === undefined ? null : Number(after),
        maxBufferedBytes: context.config.maxBufferedBytes,
      });
      context.eventSockets.add(stream, grant.expiresAt);
      heartbeat.watch(socket);
      socket.on('message', () => stream.close(closeCodes.unsupportedData, 'the events socket takes no messages'));
      socket.on('close', () => context.eventSockets.remove(stream));
      startStream(context, grant, stream).catch((error: unknown) => {
        reportFailure({ logger: request.log, metrics: context.metrics }, 'events', error);
        stream.close(closeCodes.internalError, 'internal error');
      });
    },
  );
}

/**
 * Checks the device and account again once the socket is registered — a revocation between the
 * upgrade's check and then was not there to be seen by it (E7) — marks the account connected on
 * every relay (N6), then replays.
 */
async function startStream(context: RelayContext, grant: EventsGrant, stream: EventStream): Promise<void> {
  const { accounts } = context.storage;
  if ((await accounts.findDevice(grant.deviceId))?.revokedAt !== null) {
    stream.close(closeCodes.policyViolation, 'device revoked');
    return;
  }
  if ((await accounts.findUser(grant.userId))?.disabledAt !== null) {
    stream.close(closeCodes.accountDisabled, 'account disabled');
    return;
  }
  await context.eventPresence.arrived(grant.userId);
  await stream.start();
}
