import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import { isAttachmentHash } from '@tally/schema';
import type { FastifyReply } from 'fastify';
import type { BlobReadGrant } from '../blobs/blob-access.js';
import { mayReadBlob } from '../blobs/blob-access.js';
import type { BlobKeeper, UploadOutcome } from '../blobs/blob-keeper.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { authenticate, bearerToken } from './authenticate.js';
import { type ErrorCode, errorCatalogue, errorReply, errorReplySchema, RelayError } from './error-catalogue.js';
import { exemptFromRequestTimeout, idleLimited, UploadStalled } from './upload-idle.js';

const blobParams = {
  type: 'object',
  additionalProperties: false,
  required: ['sha256'],
  properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

const keptBlob = {
  type: 'object',
  additionalProperties: false,
  required: ['hash', 'type', 'size'],
  properties: { hash: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' } },
} as const;

const refusals: Record<Exclude<UploadOutcome['kind'], 'kept'>, ErrorCode> = {
  'too-large': 'blob_too_large',
  'type-refused': 'blob_type_refused',
  'hash-mismatch': 'blob_hash_mismatch',
  'over-quota': 'blob_quota_exceeded',
};

const blobLimits = {
  type: 'object',
  additionalProperties: false,
  required: ['maxBytes'],
  properties: { maxBytes: { type: 'integer' } },
} as const;

/** A file's bytes never change under its address, but it is nobody's to share: cached privately, for good. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

/** `Content-Length` as a count of bytes, or undefined when absent or not a plain number. */
function declaredBytes(header: string | undefined): number | undefined {
  return header !== undefined && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
}

/**
 * Refuses an upload whose body may still be arriving: the connection closes after the reply, so
 * the rest of the body is never read (BLOB3, BLOB4).
 */
function refuseUpload(reply: FastifyReply, code: ErrorCode): FastifyReply {
  return reply.header('connection', 'close').code(errorCatalogue[code].status).send(errorReply(code));
}

/**
 * `PUT /api/blobs/:sha256` and `GET /api/blobs/:sha256`: receipts' files, kept by the hash of their
 * bytes (BLOB1–BLOB5); `GET /api/blobs/limits`: the largest file kept (BLOB8).
 */
export function registerBlobRoutes(
  app: RelayApp,
  context: RelayContext,
  keeper: BlobKeeper,
  grants: readonly BlobReadGrant[],
): void {
  void app.register(async (scope) => {
    const files = scope.withTypeProvider<JsonSchemaToTsProvider>();
    // The body is the file itself, read as a stream by the upload and never parsed.
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', (_request, _payload, done) => done(null));

    // Not secret, and asked before anything is uploaded: no session needed (BLOB8).
    files.get('/api/blobs/limits', { schema: { response: { 200: blobLimits } } }, async () => ({
      maxBytes: context.config.blobMaxBytes,
    }));

    files.put(
      '/api/blobs/:sha256',
      {
        schema: {
          params: blobParams,
          response: { 200: keptBlob, 201: keptBlob, '4xx': errorReplySchema, '5xx': errorReplySchema },
        },
      },
      async (request, reply) => {
        const claims = await authenticate(context, bearerToken(request)).catch((error: unknown) => {
          if (error instanceof RelayError) return error;
          throw error;
        });
        if (claims instanceof RelayError) return refuseUpload(reply, claims.code);
        // A slow but moving upload may take longer than any request; it is held to an idle time instead (BLOB7).
        if (exemptFromRequestTimeout(request.raw)) {
          // Off Node's list, the connection would also be missed when the relay closes idle ones.
          reply.header('connection', 'close');
        }
        const outcome = await keeper
          .upload({
            hash: request.params.sha256,
            userId: claims.userId,
            declaredType: request.headers['content-type']?.split(';')[0]?.trim().toLowerCase(),
            declaredBytes: declaredBytes(request.headers['content-length']),
            body: idleLimited(request.raw[Symbol.asyncIterator](), context.config.uploadIdleTimeoutSeconds * 1000),
          })
          .catch((error: unknown) => {
            if (error instanceof UploadStalled) return { kind: 'stalled' } as const;
            throw error;
          });
        if (outcome.kind === 'stalled') return refuseUpload(reply, 'upload_stalled');
        if (outcome.kind !== 'kept') return refuseUpload(reply, refusals[outcome.kind]);
        return reply.code(outcome.created ? 201 : 200).send(outcome.blob);
      },
    );

    files.get('/api/blobs/:sha256', { schema: { params: blobParams } }, async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      const hash = request.params.sha256;
      // One answer for "not kept" and "not yours", so a file's existence is not told (BLOB5).
      const blob = isAttachmentHash(hash) ? await keeper.find(hash) : null;
      if (blob === null || !(await mayReadBlob(grants, claims.userId, hash))) throw new RelayError('not_found');
      const bytes = await keeper.read(hash);
      if (bytes === null) throw new RelayError('not_found');
      reply
        .header('content-type', blob.type)
        .header('content-length', blob.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', IMMUTABLE)
        .header('etag', `"${hash}"`);
      if (!blob.type.startsWith('image/')) {
        reply.header('content-disposition', 'attachment');
      }
      if (request.headers['if-none-match'] === `"${hash}"`) {
        bytes.destroy();
        return reply.code(304).send();
      }
      return reply.send(bytes);
    });
  });
}
