import Stripe from 'stripe';
import { type ProviderRequest, ProviderStandIn, type StandInAnswer, standInId } from './provider-stand-in.js';

/**
 * Where the stand-in sends Stripe's events, as the endpoint set in Stripe's dashboard: the relay's
 * webhook and its secret. Null until the relay listens; without it no event is sent.
 */
export interface StripeWebhookEndpoint {
  url: string | null;
  secret: string;
  /** While set, events wait here in order until the test sends them: a webhook that arrives late. */
  held?: (() => Promise<void>)[] | undefined;
}

/** What the stand-in remembers of a Checkout Session it made, to play its page and its events. */
interface StandInSession {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly bookingId: string;
  readonly successUrl: string;
  readonly paymentIntent: string;
}

const { webhooks } = new Stripe('sk_test_stand_in_signing_only');

/**
 * A local stand-in of Stripe's API at `STRIPE_API_URL`: Checkout Sessions and refunds, with
 * Stripe's idempotency (a key seen before gets the first answer again, and nothing new is made).
 * With an endpoint, it also plays Stripe's hosted checkout: `GET /checkout/:id` is a page whose
 * Pay sends `checkout.session.completed`, signed with the Stripe SDK's own test helper, to the
 * endpoint and then sends the person to the session's `success_url`; a refund it makes is followed
 * by `charge.refunded`, as Stripe does.
 */
export async function startStripeStandIn(endpoint?: StripeWebhookEndpoint): Promise<ProviderStandIn> {
  const byKey = new Map<string, StandInAnswer>();
  const sessions = new Map<string, StandInSession>();
  return ProviderStandIn.start((request, origin) => {
    const page = /^\/checkout\/([^/]+)(\/pay)?$/.exec(request.path);
    if (page?.[1] !== undefined) return checkoutPage(sessions.get(page[1]), page[2] !== undefined, endpoint);
    const key = header(request, 'idempotency-key');
    const remembered = key === undefined ? undefined : byKey.get(key);
    if (remembered !== undefined) return remembered;
    const answer = answerStripe(request, origin, sessions, endpoint);
    if (key !== undefined) byKey.set(key, answer);
    return answer;
  });
}

function answerStripe(
  request: ProviderRequest,
  origin: string,
  sessions: Map<string, StandInSession>,
  endpoint: StripeWebhookEndpoint | undefined,
): StandInAnswer {
  const { body } = request;
  if (request.method === 'POST' && request.path === '/v1/checkout/sessions') {
    const id = standInId('cs_test_');
    const amount = Number(body['line_items[0][price_data][unit_amount]']);
    const currency = String(body['line_items[0][price_data][currency]']);
    const bookingId = String(body['metadata[bookingId]']);
    sessions.set(id, {
      id,
      amount,
      currency,
      bookingId,
      successUrl: String(body.success_url),
      paymentIntent: standInId('pi_'),
    });
    return {
      status: 200,
      body: {
        id,
        object: 'checkout.session',
        mode: body.mode,
        status: 'open',
        payment_status: 'unpaid',
        amount_total: amount,
        currency,
        client_reference_id: body.client_reference_id,
        metadata: { bookingId },
        expires_at: Number(body.expires_at),
        url: `${origin}/checkout/${id}`,
      },
    };
  }
  if (request.method === 'POST' && request.path === '/v1/refunds') {
    const id = standInId('re_');
    const amount = body.amount === undefined ? null : Number(body.amount);
    const paid = [...sessions.values()].find((session) => session.paymentIntent === body.payment_intent);
    if (paid !== undefined && endpoint !== undefined) {
      // Stripe answers first and tells the endpoint of the refund a moment later.
      setTimeout(() => void sendEvent(endpoint, chargeRefunded(paid, id, amount ?? paid.amount)), 50);
    }
    return {
      status: 200,
      body: {
        id,
        object: 'refund',
        payment_intent: body.payment_intent,
        amount,
        status: 'pending',
        metadata: { bookingId: body['metadata[bookingId]'] },
      },
    };
  }
  return { status: 404, body: { error: { type: 'invalid_request_error', message: `no route ${request.path}` } } };
}

/** Stripe's hosted page for a session (GET), or its Pay (POST): the event sent, then back to the app. */
async function checkoutPage(
  session: StandInSession | undefined,
  paying: boolean,
  endpoint: StripeWebhookEndpoint | undefined,
): Promise<StandInAnswer> {
  if (session === undefined) return { status: 404, type: 'text/plain', body: 'no such checkout session' };
  if (!paying) {
    const amount = `${(session.amount / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
    return {
      status: 200,
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout stand-in</title></head>
<body><main><h1>Pay ${amount}</h1><form method="post" action="/checkout/${session.id}/pay">
<button type="submit" data-testid="stand-in-pay">Pay</button></form></main></body></html>`,
    };
  }
  if (endpoint !== undefined) await sendEvent(endpoint, sessionCompleted(session));
  return { status: 303, type: 'text/plain', body: '', headers: { location: session.successUrl } };
}

function sessionCompleted(session: StandInSession): object {
  return {
    id: standInId('evt_'),
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: session.id,
        object: 'checkout.session',
        payment_status: 'paid',
        status: 'complete',
        amount_total: session.amount,
        currency: session.currency,
        client_reference_id: session.bookingId,
        metadata: { bookingId: session.bookingId },
        payment_intent: session.paymentIntent,
      },
    },
  };
}

function chargeRefunded(session: StandInSession, refundId: string, amount: number): object {
  return {
    id: standInId('evt_'),
    object: 'event',
    type: 'charge.refunded',
    data: {
      object: {
        id: standInId('ch_'),
        object: 'charge',
        payment_intent: session.paymentIntent,
        amount_refunded: amount,
        currency: session.currency,
        refunds: { object: 'list', data: [{ id: refundId, object: 'refund', amount }] },
      },
    },
  };
}

/** Posts one event to the endpoint, signed as Stripe signs it. */
async function sendEvent(endpoint: StripeWebhookEndpoint, event: object): Promise<void> {
  const { url } = endpoint;
  if (url === null) return;
  const payload = JSON.stringify(event);
  const send = () => post(url, endpoint.secret, payload);
  if (endpoint.held !== undefined) endpoint.held.push(send);
  else await send();
}

async function post(url: string, secret: string, payload: string): Promise<void> {
  const signature = webhooks.generateTestHeaderString({ payload, secret });
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
}

function header(request: ProviderRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
