import type { RelayApp, RelayContext } from '../relay-context.js';
import { closeCodes } from '../sync/peer-socket.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;

const deviceList = {
  type: 'object',
  additionalProperties: false,
  required: ['devices'],
  properties: {
    devices: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'createdAt', 'lastSeenAt', 'lastSyncedAt', 'current'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          lastSeenAt: nullableTime,
          lastSyncedAt: nullableTime,
          current: { type: 'boolean', description: 'The device this request came from.' },
        },
      },
    },
  },
} as const;

const deviceParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

function isoOrNull(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

export function registerDeviceRoutes(app: RelayApp, context: RelayContext): void {
  app.get('/api/devices', { schema: { response: { 200: deviceList, '4xx': errorReplySchema } } }, async (request) => {
    const claims = await authenticate(context, bearerToken(request));
    const devices = await context.storage.accounts.listDevices(claims.userId);
    return {
      devices: devices
        .filter((device) => device.revokedAt === null)
        .map((device) => ({
          id: device.id,
          name: device.name,
          createdAt: new Date(device.createdAt).toISOString(),
          lastSeenAt: isoOrNull(device.lastSeenAt),
          lastSyncedAt: isoOrNull(device.lastSyncedAt),
          current: device.id === claims.deviceId,
        })),
    };
  });

  app.delete(
    '/api/devices/:id',
    { schema: { params: deviceParams, response: { 204: { type: 'null' }, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      if (!(await context.storage.accounts.revokeDevice(claims.userId, request.params.id, Date.now()))) {
        throw new RelayError('not_found');
      }
      context.deviceSockets.closeDevice(request.params.id, closeCodes.policyViolation, 'device revoked');
      context.eventSockets.closeDevice(request.params.id);
      await context.storage.push.removeDeviceSubscriptions(request.params.id);
      return reply.code(204).send(null);
    },
  );
}
