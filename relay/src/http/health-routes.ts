import type { RelayApp, RelayContext } from '../relay-context.js';
import { errorReplySchema } from './error-catalogue.js';
import { metricsAccess } from './metrics-access.js';

const health = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'uptime', 'connections', 'docsLoaded'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    uptime: { type: 'number', description: 'Seconds since the relay started.' },
    connections: { type: 'integer' },
    docsLoaded: { type: 'integer' },
  },
} as const;

export function registerHealthRoutes(app: RelayApp, context: RelayContext): void {
  app.get('/health', { schema: { response: { 200: health } } }, async () => ({
    status: 'ok' as const,
    uptime: (Date.now() - context.startedAt) / 1000,
    connections: context.deviceSockets.count,
    docsLoaded: context.rooms.loadedCount,
  }));

  app.get(
    '/metrics',
    {
      onRequest: metricsAccess(context.config.metricsToken),
      schema: { response: { 200: { type: 'string' }, '4xx': errorReplySchema } },
    },
    async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(context.metrics.render()),
  );
}
