import { bookingStatuses } from '@tally/schema';
import { advisorSlots } from '../advisors/advisor-slots.js';
import { bookingActions } from '../advisors/booking-machine.js';
import { bookingTimes } from '../advisors/bookings.js';
import { newId } from '../ids.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import type { BookingEvent, BookingRecord } from '../storage/advisors/advisors.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { docIdSchema } from './ledger-access.js';
import { requireVerifiedAddress } from './verified-address.js';

const idSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
/** An instant as ISO 8601 with a zone (`2026-03-02T08:00:00Z`, `2026-03-02T09:00:00+01:00`). */
export const instantSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$',
} as const;
const priceSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['amountMinor', 'currency'],
  properties: { amountMinor: { type: 'integer' }, currency: { type: 'string' } },
} as const;
const nullableInstant = { type: ['string', 'null'] } as const;

const bookingReply = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'advisorId',
    'clientId',
    'start',
    'end',
    'message',
    'status',
    'price',
    'shareDocId',
    'shareActive',
    'createdAt',
    'updatedAt',
    'respondBy',
    'paymentDueAt',
  ],
  properties: {
    id: { type: 'string' },
    advisorId: { type: 'string' },
    clientId: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    message: { type: 'string' },
    status: { type: 'string', enum: bookingStatuses },
    price: priceSchema,
    shareDocId: { type: ['string', 'null'] },
    shareActive: { type: 'boolean' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    respondBy: { type: 'string' },
    paymentDueAt: nullableInstant,
    clientName: { type: 'string' },
  },
} as const;

const bookingWithHistory = {
  ...bookingReply,
  required: [...bookingReply.required, 'history'],
  properties: {
    ...bookingReply.properties,
    history: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'by', 'at', 'reason'],
        properties: {
          from: { type: ['string', 'null'] },
          to: { type: 'string' },
          by: { type: 'string', enum: ['client', 'advisor', 'relay'] },
          at: { type: 'string' },
          reason: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

const newBookingBody = {
  type: 'object',
  additionalProperties: false,
  required: ['advisorId', 'start', 'message', 'idempotencyKey'],
  properties: {
    advisorId: idSchema,
    start: instantSchema,
    message: { type: 'string', maxLength: 2000 },
    shareDocId: docIdSchema,
    idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' },
  },
} as const;

const bookingParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: idSchema },
} as const;

const actionBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 500 } },
} as const;

const iso = (at: number): string => new Date(at).toISOString();

/** A booking as its client and advisor read it. */
export function bookingJson(booking: BookingRecord) {
  return {
    id: booking.id,
    advisorId: booking.advisorId,
    clientId: booking.clientId,
    start: iso(booking.start),
    end: iso(booking.end),
    message: booking.message,
    status: booking.status,
    price: booking.price,
    shareDocId: booking.shareDocId,
    shareActive: booking.shareState === 'granted' || booking.shareState === 'already_member',
    createdAt: iso(booking.createdAt),
    updatedAt: iso(booking.updatedAt),
    respondBy: iso(booking.respondBy),
    paymentDueAt: booking.paymentDueAt === null ? null : iso(booking.paymentDueAt),
  };
}

/**
 * What the advisor calls the client (D7): the name the client publishes as an advisor, else their
 * email's local part (as a shared ledger names a member, PPL2), else the whole address.
 */
async function clientNameOf(context: RelayContext, clientId: string): Promise<string> {
  const profile = await context.storage.advisors.findProfile(clientId);
  if (profile !== null) return profile.displayName;
  const email = (await context.storage.accounts.findUser(clientId))?.email ?? '';
  return email.split('@')[0] || email;
}

/** A booking as a route answers it to either party: with the client's name, for the advisor. */
async function namedBookingJson(context: RelayContext, booking: BookingRecord) {
  return { ...bookingJson(booking), clientName: await clientNameOf(context, booking.clientId) };
}

function historyJson(event: BookingEvent) {
  return { from: event.from, to: event.to, by: event.actor.kind, at: iso(event.at), reason: event.reason };
}

/** The booking, if the caller is its client or its advisor; `not_found` to anyone else (D7). */
async function ownBooking(context: RelayContext, userId: string, id: string): Promise<BookingRecord> {
  const booking = await context.storage.advisors.findBooking(id);
  if (booking === null || (booking.clientId !== userId && booking.advisorId !== userId)) {
    throw new RelayError('not_found');
  }
  return booking;
}

/** Whether a booking found by its idempotency key is what this request asks for again (D5). */
function sameRequest(
  booking: BookingRecord,
  asked: {
    readonly advisorId: string;
    readonly start: number;
    readonly message: string;
    readonly shareDocId: string | undefined;
  },
): boolean {
  return (
    booking.advisorId === asked.advisorId &&
    booking.start === asked.start &&
    booking.message === asked.message &&
    booking.shareDocId === (asked.shareDocId ?? null)
  );
}

/** Requests for sessions, and their life through the status machine (D3–D9). */
export function registerBookingRoutes(app: RelayApp, context: RelayContext): void {
  const { storage } = context;
  const now = context.config.clock ?? Date.now;

  app.post(
    '/api/bookings',
    { schema: { body: newBookingBody, response: { 201: bookingReply, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      await requireVerifiedAddress(context, claims.userId);
      const { advisorId, message, shareDocId, idempotencyKey } = request.body;
      const start = Date.parse(request.body.start);
      if (Number.isNaN(start)) throw new RelayError('invalid_request');
      if (advisorId === claims.userId) throw new RelayError('forbidden');
      // A retry is answered from its key before anything that may have changed since the first
      // try is checked: a slot no longer offered (taken by this very booking, or the advisor no
      // longer taking clients) must not hide the booking made (D5).
      const earlier = await storage.advisors.findBookingByKey(claims.userId, idempotencyKey);
      if (earlier !== null) {
        if (!sameRequest(earlier, { advisorId, start, message, shareDocId })) {
          throw new RelayError('idempotency_key_reused');
        }
        return reply.code(201).send(bookingJson(earlier));
      }
      const advisor = await storage.accounts.findUser(advisorId);
      const profile = await storage.advisors.findProfile(advisorId);
      if (advisor?.role !== 'advisor' || advisor.disabledAt !== null || profile === null) {
        throw new RelayError('not_found');
      }
      if (shareDocId !== undefined && (await storage.accounts.docRole(claims.userId, shareDocId)) !== 'owner') {
        throw new RelayError('forbidden');
      }
      const at = now();
      const offered = await advisorSlots(storage, profile, { from: start, to: start + 1, now: at }, false);
      if (!offered.some((slot) => slot.start === start)) throw new RelayError('slot_unavailable');
      context.payments.requirePaymentsFor(profile.price);
      const outcome = await context.bookings.request({
        id: newId(),
        advisorId,
        clientId: claims.userId,
        start,
        end: start + profile.sessionMinutes * 60_000,
        message,
        price: profile.price,
        shareDocId: shareDocId ?? null,
        idempotencyKey,
        createdAt: at,
        respondBy: Math.min(at + bookingTimes.answerWithinMs, start),
      });
      if (outcome.kind === 'slot_taken') throw new RelayError('slot_taken');
      if (outcome.kind === 'existing' && !sameRequest(outcome.booking, { advisorId, start, message, shareDocId })) {
        throw new RelayError('idempotency_key_reused');
      }
      return reply.code(201).send(await namedBookingJson(context, outcome.booking));
    },
  );

  app.get(
    '/api/bookings',
    { schema: { response: { 200: { type: 'array', items: bookingReply }, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      const bookings = await storage.advisors.bookingsOf(claims.userId);
      return Promise.all(bookings.map((booking) => namedBookingJson(context, booking)));
    },
  );

  app.get(
    '/api/bookings/:id',
    { schema: { params: bookingParams, response: { 200: bookingWithHistory, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      const booking = await ownBooking(context, claims.userId, request.params.id);
      const history = await storage.advisors.bookingEvents(booking.id);
      return { ...(await namedBookingJson(context, booking)), history: history.map(historyJson) };
    },
  );

  for (const [action, to] of Object.entries(bookingActions)) {
    app.post(
      `/api/bookings/:id/${action}`,
      { schema: { params: bookingParams, body: actionBody, response: { 200: bookingReply, '4xx': errorReplySchema } } },
      async (request) => {
        const claims = await authenticate(context, bearerToken(request));
        const reason = request.body?.reason ?? null;
        const moved = await context.bookings.transition(request.params.id, to, { userId: claims.userId }, reason);
        return namedBookingJson(context, moved);
      },
    );
  }
}
