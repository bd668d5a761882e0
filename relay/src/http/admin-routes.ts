import type { RelayApp, RelayContext } from '../relay-context.js';
import { accountStoredBytes } from '../storage/account-bytes.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

const userList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['userId', 'email', 'role', 'createdAt', 'disabledAt', 'devices', 'storageBytes'],
    properties: {
      userId: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string', enum: ['user', 'advisor', 'admin'] },
      createdAt: { type: 'string', format: 'date-time' },
      disabledAt: { type: ['string', 'null'], format: 'date-time' },
      devices: { type: 'integer', description: 'Devices signed in and not revoked.' },
      storageBytes: {
        type: 'integer',
        description: 'Bytes the ledgers the account owns take on the relay, their versions included.',
      },
    },
  },
} as const;

const userParams = {
  type: 'object',
  additionalProperties: false,
  required: ['userId'],
  properties: { userId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** An administrator's view of the relay's accounts (A6): who they are, what they store, disabling one. */
export function registerAdminRoutes(app: RelayApp, context: RelayContext): void {
  const { accounts } = context.storage;

  async function requireAdmin(token: string | undefined): Promise<string> {
    const claims = await authenticate(context, token);
    if ((await accounts.findUser(claims.userId))?.role !== 'admin') throw new RelayError('admin_required');
    return claims.userId;
  }

  app.get('/api/admin/users', { schema: { response: { 200: userList, '4xx': errorReplySchema } } }, async (request) => {
    await requireAdmin(bearerToken(request));
    const users = [];
    for (const user of await accounts.listUsers()) {
      const storageBytes = await accountStoredBytes(context.storage, user.id);
      const devices = (await accounts.listDevices(user.id)).filter((device) => device.revokedAt === null);
      users.push({
        userId: user.id,
        email: user.email,
        role: user.role,
        createdAt: new Date(user.createdAt).toISOString(),
        disabledAt: user.disabledAt === null ? null : new Date(user.disabledAt).toISOString(),
        devices: devices.length,
        storageBytes,
      });
    }
    return users;
  });

  app.post(
    '/api/admin/users/:userId/disable',
    { schema: { params: userParams, response: { 204: { type: 'null' }, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const adminId = await requireAdmin(bearerToken(request));
      // An admin who disabled themselves could leave the relay with nobody to undo it.
      if (request.params.userId === adminId) throw new RelayError('conflict');
      if (!(await accounts.setUserDisabled(request.params.userId, Date.now()))) throw new RelayError('not_found');
      context.memberSockets.closeDisabled(request.params.userId);
      context.eventSockets.closeDisabled(request.params.userId);
      context.accessChanged();
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/admin/users/:userId/enable',
    { schema: { params: userParams, response: { 204: { type: 'null' }, '4xx': errorReplySchema } } },
    async (request, reply) => {
      await requireAdmin(bearerToken(request));
      if (!(await accounts.setUserDisabled(request.params.userId, null))) throw new RelayError('not_found');
      return reply.code(204).send(null);
    },
  );
}
