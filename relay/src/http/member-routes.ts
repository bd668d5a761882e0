import { membershipChanged } from '../events/membership-events.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import type { MembershipOutcome } from '../storage/accounts/accounts.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { docIdSchema, ledgerParams, memberRole, requireOwner, roleSchema } from './ledger-access.js';

const memberParams = {
  type: 'object',
  additionalProperties: false,
  required: ['docId', 'userId'],
  properties: { docId: docIdSchema, userId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const memberList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['userId', 'email', 'role'],
    properties: { userId: { type: 'string' }, email: { type: 'string' }, role: roleSchema },
  },
} as const;

const roleBody = {
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: { role: roleSchema },
} as const;

const member = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'role'],
  properties: { userId: { type: 'string' }, role: roleSchema },
} as const;

/** A ledger keeps an owner, and a personal ledger its own (L4): anything else is done. */
function refuseUnlessChanged(outcome: MembershipOutcome): void {
  switch (outcome) {
    case 'changed':
      return;
    case 'not_member':
      throw new RelayError('not_found');
    case 'last_owner':
    case 'personal_ledger':
      throw new RelayError('conflict');
    default:
      throw new Error(`unknown membership outcome ${outcome satisfies never}`);
  }
}

/** A ledger's members: listed by any member, changed by an owner, left by the member (L4). */
export function registerMemberRoutes(app: RelayApp, context: RelayContext): void {
  const { accounts } = context.storage;

  app.get(
    '/api/ledgers/:docId/members',
    { schema: { params: ledgerParams, response: { 200: memberList, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      await memberRole(context, claims.userId, request.params.docId);
      return [...(await accounts.listMembers(request.params.docId))];
    },
  );

  app.patch(
    '/api/ledgers/:docId/members/:userId',
    { schema: { params: memberParams, body: roleBody, response: { 200: member, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      const { docId, userId } = request.params;
      await requireOwner(context, claims.userId, docId);
      refuseUnlessChanged(await accounts.setMemberRole(docId, userId, request.body.role, Date.now()));
      context.memberSockets.reconcile(userId, docId, request.body.role);
      await context.liveEvents.tell(membershipChanged(userId, docId, request.body.role));
      return { userId, role: request.body.role };
    },
  );

  app.delete(
    '/api/ledgers/:docId/members/:userId',
    { schema: { params: memberParams, response: { 204: { type: 'null' }, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      const { docId, userId } = request.params;
      if (userId === claims.userId) await memberRole(context, claims.userId, docId);
      else await requireOwner(context, claims.userId, docId);
      refuseUnlessChanged(await accounts.removeMember(docId, userId, Date.now()));
      context.memberSockets.reconcile(userId, docId, null);
      await context.liveEvents.tell(membershipChanged(userId, docId, null));
      return reply.code(204).send(null);
    },
  );
}
