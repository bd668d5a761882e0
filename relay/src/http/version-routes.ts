import type { RelayApp, RelayContext } from '../relay-context.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { docIdSchema, ledgerParams, requireOwner } from './ledger-access.js';

const versionParams = {
  type: 'object',
  additionalProperties: false,
  required: ['docId', 'versionId'],
  properties: {
    docId: docIdSchema,
    versionId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
} as const;

const versionList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['versionId', 'takenAt', 'bytes'],
    properties: {
      versionId: { type: 'string' },
      takenAt: { type: 'string', format: 'date-time' },
      bytes: { type: 'integer', description: 'What the version adds to the ledger’s storage.' },
    },
  },
} as const;

const restoreReply = {
  type: 'object',
  additionalProperties: false,
  required: ['records'],
  properties: { records: { type: 'integer', description: 'Records whose values were written back.' } },
} as const;

/** A ledger's versions, newest first, and restoring one (R3): for the ledger's owner only. */
export function registerVersionRoutes(app: RelayApp, context: RelayContext): void {
  app.get(
    '/api/ledgers/:docId/versions',
    { schema: { params: ledgerParams, response: { 200: versionList, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      await requireOwner(context, claims.userId, request.params.docId);
      const versions = await context.storage.documents.listVersions(request.params.docId);
      return versions.map((version) => ({
        versionId: version.versionId,
        takenAt: new Date(version.takenAt).toISOString(),
        bytes: version.bytes,
      }));
    },
  );

  app.post(
    '/api/ledgers/:docId/versions/:versionId/restore',
    { schema: { params: versionParams, response: { 200: restoreReply, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      const { docId, versionId } = request.params;
      await requireOwner(context, claims.userId, docId);
      const version = await context.storage.documents.loadVersion(docId, versionId);
      if (version === null) throw new RelayError('not_found');
      const { records } = await context.rooms.restore(docId, version);
      request.log.info({ docId, versionId, records }, 'ledger version restored');
      return { records };
    },
  );
}
