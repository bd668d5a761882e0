import { newId } from '../ids.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { roleSchema } from './ledger-access.js';

const newLedgerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

const createdLedger = {
  type: 'object',
  additionalProperties: false,
  required: ['docId', 'name', 'role'],
  properties: { docId: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: ['owner'] } },
} as const;

const ledgerList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['docId', 'name', 'role', 'personal'],
    properties: {
      docId: { type: 'string' },
      name: { type: ['string', 'null'], description: 'Null for a personal ledger: the app names it in its own words.' },
      role: roleSchema,
      personal: { type: 'boolean', description: 'The ledger made with this account.' },
    },
  },
} as const;

/** `POST /api/ledgers` and `GET /api/ledgers`: an account's several ledgers (L1). */
export function registerLedgerRoutes(app: RelayApp, context: RelayContext): void {
  app.post(
    '/api/ledgers',
    { schema: { body: newLedgerBody, response: { 201: createdLedger, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      const name = request.body.name.trim();
      if (name === '') throw new RelayError('invalid_request');
      const docId = newId();
      await context.storage.accounts.createLedger({ docId, name, ownerId: claims.userId, createdAt: Date.now() });
      return reply.code(201).send({ docId, name, role: 'owner' as const });
    },
  );

  app.get('/api/ledgers', { schema: { response: { 200: ledgerList, '4xx': errorReplySchema } } }, async (request) => {
    const claims = await authenticate(context, bearerToken(request));
    return [...(await context.storage.accounts.listLedgers(claims.userId))];
  });
}
