import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashRefreshToken, newRefreshToken } from '../auth/refresh-tokens.js';
import { newId } from '../ids.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { closeCodes } from '../sync/peer-socket.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { rateLimitHook } from './rate-limit-hook.js';

const credentials = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password', 'deviceName'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    password: { type: 'string', minLength: 8, maxLength: 256 },
    deviceName: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

const session = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'deviceId', 'docId', 'accessToken', 'refreshToken'],
  properties: {
    userId: { type: 'string' },
    deviceId: { type: 'string' },
    docId: { type: 'string' },
    accessToken: { type: 'string' },
    refreshToken: { type: 'string' },
  },
} as const;

const refreshBody = {
  type: 'object',
  additionalProperties: false,
  required: ['refreshToken'],
  properties: { refreshToken: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const refreshed = {
  type: 'object',
  additionalProperties: false,
  required: ['accessToken', 'refreshToken'],
  properties: { accessToken: { type: 'string' }, refreshToken: { type: 'string' } },
} as const;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function registerAuthRoutes(app: RelayApp, context: RelayContext): void {
  const { tokens, config } = context;
  const { accounts } = context.storage;
  const limited = rateLimitHook(context, config.authRequestsPerMinute);
  // Unknown emails still pay for a hash, so timing does not tell which accounts exist.
  const decoyHash = hashPassword('not a real password', config.passwordCost);

  async function openSession(userId: string, docId: string, deviceName: string) {
    const deviceId = newId();
    const now = Date.now();
    await accounts.createDevice({ id: deviceId, userId, name: deviceName, createdAt: now });
    const refreshToken = newRefreshToken();
    await accounts.addRefreshToken(deviceId, hashRefreshToken(refreshToken), now);
    const accessToken = await tokens.issue({ userId, deviceId });
    return { userId, deviceId, docId, accessToken, refreshToken };
  }

  app.post(
    '/api/auth/register',
    { onRequest: limited, schema: { body: credentials, response: { 201: session, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const userId = newId();
      const docId = newId();
      const passwordHash = await hashPassword(request.body.password, config.passwordCost);
      const email = normalizeEmail(request.body.email);
      if (!(await accounts.createUser({ id: userId, email, passwordHash, docId, createdAt: Date.now() }))) {
        throw new RelayError('email_taken');
      }
      return reply.code(201).send(await openSession(userId, docId, request.body.deviceName));
    },
  );

  app.post(
    '/api/auth/login',
    { onRequest: limited, schema: { body: credentials, response: { 200: session, '4xx': errorReplySchema } } },
    async (request) => {
      const user = await accounts.findUserByEmail(normalizeEmail(request.body.email));
      const valid = await verifyPassword(request.body.password, user?.passwordHash ?? (await decoyHash));
      const docId = user === null ? null : await accounts.ledgerOf(user.id);
      if (user === null || !valid || docId === null) {
        context.metrics.authFailures++;
        throw new RelayError('invalid_credentials');
      }
      return openSession(user.id, docId, request.body.deviceName);
    },
  );

  app.post(
    '/api/auth/refresh',
    { onRequest: limited, schema: { body: refreshBody, response: { 200: refreshed, '4xx': errorReplySchema } } },
    async (request) => {
      const refreshToken = newRefreshToken();
      const outcome = await accounts.rotateRefreshToken(
        hashRefreshToken(request.body.refreshToken),
        hashRefreshToken(refreshToken),
        Date.now(),
      );
      switch (outcome.kind) {
        case 'rotated':
          return {
            accessToken: await tokens.issue({ userId: outcome.device.userId, deviceId: outcome.device.id }),
            refreshToken,
          };
        case 'reused':
          request.log.warn({ deviceId: outcome.deviceId }, 'refresh token reused; device revoked');
          context.deviceSockets.closeDevice(outcome.deviceId, closeCodes.policyViolation, 'device revoked');
          context.metrics.authFailures++;
          throw new RelayError('invalid_refresh_token');
        case 'unknown':
          context.metrics.authFailures++;
          throw new RelayError('invalid_refresh_token');
        default: {
          const unhandled: never = outcome;
          return unhandled;
        }
      }
    },
  );
}
