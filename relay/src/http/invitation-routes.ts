import { normalizeEmail } from '../auth/email-address.js';
import { inviteToRelay } from '../auth/invitations.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

const invitationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: { email: { type: 'string', format: 'email', maxLength: 254 } },
} as const;

const invitation = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'code', 'expiresAt'],
  properties: {
    email: { type: 'string' },
    code: { type: 'string', description: 'Shown once: the relay keeps only its hash.' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** `POST /api/invitations`: an admin invites an email to create an account (A2). */
export function registerInvitationRoutes(app: RelayApp, context: RelayContext): void {
  app.post(
    '/api/invitations',
    { schema: { body: invitationBody, response: { 201: invitation, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      const admin = await context.storage.accounts.findUser(claims.userId);
      if (admin?.role !== 'admin') throw new RelayError('admin_required');
      const invited = await inviteToRelay(context.storage.accounts, {
        email: normalizeEmail(request.body.email),
        invitedBy: admin.id,
        ttlHours: context.config.invitationTtlHours,
        now: Date.now(),
      });
      if (invited === null) throw new RelayError('email_taken');
      return reply.code(201).send({ ...invited, expiresAt: new Date(invited.expiresAt).toISOString() });
    },
  );
}
