import type { FastifyInstance } from 'fastify';

const basePolicy =
  "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

/** What Razorpay's checkout needs in the page: its script, and the frame it opens over the page (PAY6). */
const razorpayCheckout =
  "; script-src 'self' https://checkout.razorpay.com; frame-src https://api.razorpay.com https://checkout.razorpay.com";

const headers = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;

export function installSecurityHeaders(app: FastifyInstance, options: { readonly razorpay: boolean }): void {
  const policy = options.razorpay ? basePolicy + razorpayCheckout : basePolicy;
  app.addHook('onSend', async (_request, reply, payload) => {
    // A route that serves stored files sets a stricter policy of its own (BLOB5); it is kept.
    const routePolicy = reply.getHeader('content-security-policy');
    reply.headers(headers);
    reply.header('content-security-policy', routePolicy ?? policy);
    return payload;
  });
}
