import { isKnownTimeZone } from '../push/bill-reminders.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

const channels = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'push'],
  properties: { email: { type: 'boolean' }, push: { type: 'boolean' } },
} as const;

const preferences = {
  type: 'object',
  additionalProperties: false,
  required: ['timeZone', 'kinds'],
  properties: {
    timeZone: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
    kinds: {
      type: 'object',
      additionalProperties: false,
      required: ['billReminders', 'invitations'],
      // Kinds added later may be left out: a device that does not know them keeps them as they are.
      properties: {
        billReminders: channels,
        invitations: channels,
        bookings: channels,
        messages: channels,
        payments: channels,
      },
    },
  },
} as const;

/** An account's notification preferences per kind and channel, and its time zone (N3). */
export function registerNotificationPreferencesRoutes(app: RelayApp, context: RelayContext): void {
  app.get(
    '/api/notifications/preferences',
    { schema: { response: { 200: preferences, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      return context.storage.push.preferencesOf(claims.userId);
    },
  );

  app.put(
    '/api/notifications/preferences',
    { schema: { body: preferences, response: { 200: preferences, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      const { timeZone } = request.body;
      if (timeZone !== null && !isKnownTimeZone(timeZone)) throw new RelayError('invalid_request');
      const current = await context.storage.push.preferencesOf(claims.userId);
      await context.storage.push.setPreferences(claims.userId, {
        timeZone,
        kinds: { ...current.kinds, ...request.body.kinds },
      });
      return context.storage.push.preferencesOf(claims.userId);
    },
  );
}
