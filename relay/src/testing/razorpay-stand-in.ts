import { ProviderStandIn, type StandInAnswer, standInId } from './provider-stand-in.js';

/** A local stand-in of Razorpay's API at `RAZORPAY_API_URL`: orders and payment refunds. */
export function startRazorpayStandIn(): Promise<ProviderStandIn> {
  return ProviderStandIn.start((request): StandInAnswer => {
    const { body } = request;
    if (request.method === 'POST' && request.path === '/v1/orders') {
      return {
        status: 200,
        body: {
          id: standInId('order_'),
          entity: 'order',
          amount: body.amount,
          currency: body.currency,
          receipt: body.receipt,
          notes: body.notes,
          status: 'created',
        },
      };
    }
    const refund = /^\/v1\/payments\/([^/]+)\/refund$/.exec(request.path);
    if (request.method === 'POST' && refund !== null) {
      return {
        status: 200,
        body: {
          id: standInId('rfnd_'),
          entity: 'refund',
          payment_id: refund[1],
          amount: body.amount,
          notes: body.notes,
          status: 'processed',
        },
      };
    }
    return { status: 400, body: { error: { code: 'BAD_REQUEST_ERROR', description: `no route ${request.path}` } } };
  });
}
