import type { Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { type Logger, pino } from 'pino';
import { redactUrl } from './http/log-redaction.js';
import type { logLevels } from './settings/relay-settings.js';

export type LogFields = Readonly<Record<string, unknown>>;

/**
 * What rooms and storage log through. The relay's pino logger is one; rooms and storage see only
 * this, so they run without Fastify (in tests, in the admin CLI).
 */
export interface RelayLogger {
  error(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
}

export const silentLogger: RelayLogger = {
  error() {},
  warn() {},
  info() {},
};

export interface RelayLoggerOptions {
  readonly level: (typeof logLevels)[number];
  /** Where the JSON lines go; standard output by default. */
  readonly stream?: Writable | undefined;
}

/** The relay's logger: JSON lines, errors with their causes and stacks, access tokens never written (S6). */
export function createRelayLogger(options: RelayLoggerOptions): Logger {
  const config = {
    level: options.level,
    redact: ['req.headers.authorization', 'req.query.token'],
    serializers: {
      err: pino.stdSerializers.err,
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
  return options.stream === undefined ? pino(config) : pino(config, options.stream);
}
