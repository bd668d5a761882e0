import { normalizeEmail } from '../auth/email-address.js';
import { hashInvitationCode, newInvitationCode } from '../auth/invitation-codes.js';
import { membershipChanged } from '../events/membership-events.js';
import { newId } from '../ids.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { docIdSchema, ledgerParams, requireOwner } from './ledger-access.js';
import { requireVerifiedAddress } from './verified-address.js';

/** How long a ledger invitation lasts unless its owner says otherwise, and at most (L5). */
const defaultExpiryHours = 7 * 24;
const maxExpiryHours = 30 * 24;

const invitationParams = {
  type: 'object',
  additionalProperties: false,
  required: ['docId', 'invitationId'],
  properties: { docId: docIdSchema, invitationId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const invitedRole = { type: 'string', enum: ['editor', 'viewer'] } as const;

const invitationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'role'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    role: invitedRole,
    expiresInHours: { type: 'integer', minimum: 1, maximum: maxExpiryHours },
  },
} as const;

const createdInvitation = {
  type: 'object',
  additionalProperties: false,
  required: ['invitationId', 'code', 'expiresAt'],
  properties: {
    invitationId: { type: 'string' },
    code: { type: 'string', description: 'Shown once: the relay keeps only its hash.' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;

const pendingList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['invitationId', 'email', 'role', 'expiresAt'],
    properties: {
      invitationId: { type: 'string' },
      email: { type: 'string' },
      role: invitedRole,
      expiresAt: { type: 'string', format: 'date-time' },
    },
  },
} as const;

const acceptBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const accepted = {
  type: 'object',
  additionalProperties: false,
  required: ['docId', 'role'],
  properties: { docId: { type: 'string' }, role: invitedRole },
} as const;

/**
 * Invitations into a ledger (L5), kept apart from invitations to create an account (A2): made,
 * listed and revoked by the ledger's owners, accepted by the invited email's own account.
 */
export function registerLedgerInvitationRoutes(app: RelayApp, context: RelayContext): void {
  const { accounts } = context.storage;

  app.post(
    '/api/ledgers/:docId/invitations',
    {
      schema: {
        params: ledgerParams,
        body: invitationBody,
        response: { 201: createdInvitation, '4xx': errorReplySchema },
      },
    },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      const { docId } = request.params;
      await requireOwner(context, claims.userId, docId);
      await requireVerifiedAddress(context, claims.userId);
      const email = normalizeEmail(request.body.email);
      const invitee = await accounts.findUserByEmail(email);
      if (invitee !== null && (await accounts.docRole(invitee.id, docId)) !== null) throw new RelayError('conflict');
      const code = newInvitationCode();
      const now = Date.now();
      const invitation = {
        id: newId(),
        codeHash: hashInvitationCode(code),
        docId,
        email,
        role: request.body.role,
        invitedBy: claims.userId,
        createdAt: now,
        expiresAt: now + (request.body.expiresInHours ?? defaultExpiryHours) * 60 * 60 * 1000,
      };
      await accounts.createLedgerInvitation(invitation);
      return reply
        .code(201)
        .send({ invitationId: invitation.id, code, expiresAt: new Date(invitation.expiresAt).toISOString() });
    },
  );

  app.get(
    '/api/ledgers/:docId/invitations',
    { schema: { params: ledgerParams, response: { 200: pendingList, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      await requireOwner(context, claims.userId, request.params.docId);
      const pending = await accounts.pendingLedgerInvitations(request.params.docId, Date.now());
      return pending.map((invitation) => ({
        invitationId: invitation.id,
        email: invitation.email,
        role: invitation.role,
        expiresAt: new Date(invitation.expiresAt).toISOString(),
      }));
    },
  );

  app.delete(
    '/api/ledgers/:docId/invitations/:invitationId',
    { schema: { params: invitationParams, response: { 204: { type: 'null' }, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      const { docId, invitationId } = request.params;
      await requireOwner(context, claims.userId, docId);
      if (!(await accounts.revokeLedgerInvitation(docId, invitationId, Date.now()))) throw new RelayError('not_found');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/invitations/accept',
    { schema: { body: acceptBody, response: { 200: accepted, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      await requireVerifiedAddress(context, claims.userId);
      const outcome = await accounts.acceptLedgerInvitation(
        hashInvitationCode(request.body.code),
        claims.userId,
        Date.now(),
      );
      switch (outcome.kind) {
        case 'joined':
          await context.liveEvents.tell(membershipChanged(claims.userId, outcome.docId, outcome.role));
          return { docId: outcome.docId, role: outcome.role };
        case 'already_member':
          throw new RelayError('conflict');
        case 'invalid':
          throw new RelayError('invitation_invalid');
        default: {
          const unhandled: never = outcome;
          return unhandled;
        }
      }
    },
  );
}
