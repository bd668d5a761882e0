import type { FastifyError, FastifyInstance } from 'fastify';
import { type FailureReporting, reportFailure } from '../failures.js';
import { type ErrorCode, errorCatalogue, errorReply, RelayError } from './error-catalogue.js';

/**
 * Maps every failure to a catalogued reply; a stack trace never leaves the relay. With an app
 * shell, a browser asking for an unknown page gets `index.html` so the app's router can answer.
 */
export function installErrorHandler(
  app: FastifyInstance,
  metrics: FailureReporting['metrics'],
  serveAppShell: () => boolean,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const code = codeFor(error);
    if (code === 'internal') reportFailure({ logger: request.log, metrics }, 'request', error);
    return reply.code(errorCatalogue[code].status).send(errorReply(code));
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/sync/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (isPage && serveAppShell()) return reply.sendFile('index.html');
    return reply.code(404).send(errorReply('not_found'));
  });
}

function codeFor(error: FastifyError): ErrorCode {
  if (error instanceof RelayError) return error.code;
  if (error.validation !== undefined) return 'invalid_request';
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'invalid_request';
    default:
      return error.statusCode === 400 ? 'invalid_request' : 'internal';
  }
}
