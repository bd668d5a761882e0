import type { IncomingMessage } from 'node:http';

/** A body that sent no bytes for the upload's idle time (BLOB7). */
export class UploadStalled extends Error {
  constructor() {
    super('no bytes of the upload arrived for its idle time');
  }
}

/** Node's parser of a connection, as far as taking a request off the server's timeout list needs it. */
interface ConnectionParser {
  remove(): void;
}

function isConnectionParser(parser: unknown): parser is ConnectionParser {
  return typeof parser === 'object' && parser !== null && typeof Reflect.get(parser, 'remove') === 'function';
}

/**
 * Takes the request off the list Node checks `REQUEST_TIMEOUT_SECONDS` against (H2): a large file on
 * a slow line takes longer than that and is held to an idle time instead (BLOB7). Node offers no
 * per-request timeout, so this uses the connection's parser, which Node itself takes off the list
 * this way when it lets a connection go; it goes back on at the connection's next request. False
 * when the parser is not there to ask.
 */
export function exemptFromRequestTimeout(request: IncomingMessage): boolean {
  const parser: unknown = Reflect.get(request.socket, 'parser');
  if (!isConnectionParser(parser)) return false;
  parser.remove();
  return true;
}

/** The body as it arrives, failing with `UploadStalled` when no bytes arrive for `idleMs`. */
export function idleLimited(body: AsyncIterator<Uint8Array>, idleMs: number): AsyncIterator<Uint8Array> {
  return {
    next: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new UploadStalled()), idleMs);
        body
          .next()
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      }),
  };
}
