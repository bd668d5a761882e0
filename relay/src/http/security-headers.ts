import type { FastifyInstance } from 'fastify';

const headers = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    // A route that serves stored files sets a stricter policy of its own (BLOB5); it is kept.
    const ownPolicy = reply.getHeader('content-security-policy');
    reply.headers(headers);
    if (ownPolicy !== undefined) reply.header('content-security-policy', ownPolicy);
    return payload;
  });
}
