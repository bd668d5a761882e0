import type { RelayApp, RelayContext } from '../relay-context.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

const base64url = { type: 'string', minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9_-]+={0,2}$' } as const;
// Push services' endpoints are HTTPS URLs; a few hundred characters at most in practice.
const endpoint = { type: 'string', minLength: 1, maxLength: 1024, pattern: '^https://' } as const;

const subscribeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['endpoint', 'keys'],
  properties: {
    endpoint,
    keys: {
      type: 'object',
      additionalProperties: false,
      required: ['p256dh', 'auth'],
      properties: { p256dh: base64url, auth: base64url },
    },
  },
} as const;

const unsubscribeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['endpoint'],
  properties: { endpoint },
} as const;

const keyReply = {
  type: 'object',
  additionalProperties: false,
  required: ['publicKey'],
  properties: { publicKey: { type: 'string' } },
} as const;

const noContent = { type: 'null' } as const;
const refusals = { '4xx': errorReplySchema, '5xx': errorReplySchema } as const;

/** A device subscribes to Web Push with the relay's VAPID key, and unsubscribes (N1). */
export function registerPushRoutes(app: RelayApp, context: RelayContext): void {
  const publicKey = context.config.vapidKeys?.publicKey ?? null;

  app.get('/api/push/key', { schema: { response: { 200: keyReply, ...refusals } } }, async () => {
    if (publicKey === null) throw new RelayError('push_off');
    return { publicKey };
  });

  app.post(
    '/api/push/subscriptions',
    { schema: { body: subscribeBody, response: { 201: noContent, ...refusals } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      if (publicKey === null) throw new RelayError('push_off');
      const { endpoint: url, keys } = request.body;
      if (!isHttpsUrl(url)) throw new RelayError('invalid_request');
      await context.storage.push.subscribe({
        endpoint: url,
        userId: claims.userId,
        deviceId: claims.deviceId,
        p256dh: keys.p256dh,
        auth: keys.auth,
        createdAt: Date.now(),
      });
      return reply.code(201).send(null);
    },
  );

  app.delete(
    '/api/push/subscriptions',
    { schema: { body: unsubscribeBody, response: { 204: noContent, ...refusals } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      if (!(await context.storage.push.unsubscribe(claims.userId, request.body.endpoint))) {
        throw new RelayError('not_found');
      }
      return reply.code(204).send(null);
    },
  );
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}
