import { type ProviderRequest, ProviderStandIn, type StandInAnswer, standInId } from './provider-stand-in.js';

/**
 * A local stand-in of Stripe's API at `STRIPE_API_URL`: Checkout Sessions and refunds, with
 * Stripe's idempotency (a key seen before gets the first answer again, and nothing new is made).
 */
export async function startStripeStandIn(): Promise<ProviderStandIn> {
  const byKey = new Map<string, StandInAnswer>();
  return ProviderStandIn.start((request, origin) => {
    const key = header(request, 'idempotency-key');
    const remembered = key === undefined ? undefined : byKey.get(key);
    if (remembered !== undefined) return remembered;
    const answer = answerStripe(request, origin);
    if (key !== undefined) byKey.set(key, answer);
    return answer;
  });
}

function answerStripe(request: ProviderRequest, origin: string): StandInAnswer {
  const { body } = request;
  if (request.method === 'POST' && request.path === '/v1/checkout/sessions') {
    const id = standInId('cs_test_');
    return {
      status: 200,
      body: {
        id,
        object: 'checkout.session',
        mode: body.mode,
        status: 'open',
        payment_status: 'unpaid',
        amount_total: Number(body['line_items[0][price_data][unit_amount]']),
        currency: body['line_items[0][price_data][currency]'],
        client_reference_id: body.client_reference_id,
        metadata: { bookingId: body['metadata[bookingId]'] },
        expires_at: Number(body.expires_at),
        url: `${origin}/checkout/${id}`,
      },
    };
  }
  if (request.method === 'POST' && request.path === '/v1/refunds') {
    return {
      status: 200,
      body: {
        id: standInId('re_'),
        object: 'refund',
        payment_intent: body.payment_intent,
        amount: body.amount === undefined ? null : Number(body.amount),
        status: 'pending',
        metadata: { bookingId: body['metadata[bookingId]'] },
      },
    };
  }
  return { status: 404, body: { error: { type: 'invalid_request_error', message: `no route ${request.path}` } } };
}

function header(request: ProviderRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
