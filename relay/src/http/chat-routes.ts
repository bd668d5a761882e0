import type { RelayApp, RelayContext } from '../relay-context.js';
import type { BookingRecord } from '../storage/advisors/advisors.js';
import type { ChatMessage, ReadPosition } from '../storage/conversations/conversations.js';
import { authenticate, bearerToken } from './authenticate.js';
import { chatDocumentsOf, documentReply, documentsBody } from './chat-documents.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

/** How long after its session a booking's conversation stays open to its parties (CHAT1). */
export const conversationOpenAfterSessionMs = 30 * 24 * 60 * 60 * 1000;
/** The longest message, in characters (CHAT1). */
export const maxMessageLength = 4000;
const defaultPage = 50;
const maxPage = 200;

const bookingParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
} as const;

const seqText = { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' } as const;

const pageQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { after: seqText, before: seqText, limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' } },
} as const;

const messageBody = {
  type: 'object',
  additionalProperties: false,
  required: ['clientId', 'text'],
  properties: {
    clientId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    // Empty only when documents come with it (CHAT7); never only white space.
    text: { type: 'string', maxLength: maxMessageLength, pattern: '^$|\\S' },
    documents: documentsBody,
  },
} as const;

const readBody = {
  type: 'object',
  additionalProperties: false,
  required: ['seq'],
  properties: { seq: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } },
} as const;

const messageReply = {
  type: 'object',
  additionalProperties: false,
  required: ['bookingId', 'seq', 'clientId', 'senderId', 'text', 'documents', 'createdAt'],
  properties: {
    bookingId: { type: 'string' },
    seq: { type: 'integer' },
    clientId: { type: 'string' },
    senderId: { type: 'string' },
    text: { type: 'string' },
    documents: { type: 'array', items: documentReply },
    createdAt: { type: 'string' },
  },
} as const;

const readReply = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'seq', 'at'],
  properties: { userId: { type: 'string' }, seq: { type: 'integer' }, at: { type: 'string' } },
} as const;

const pageReply = {
  type: 'object',
  additionalProperties: false,
  required: ['messages', 'reads', 'more'],
  properties: {
    messages: { type: 'array', items: messageReply },
    reads: { type: 'array', items: readReply },
    more: { type: 'boolean' },
  },
} as const;

/** A message as both parties read it. */
export function messageJson(message: ChatMessage) {
  return {
    bookingId: message.bookingId,
    seq: message.seq,
    clientId: message.clientId,
    senderId: message.senderId,
    text: message.text,
    documents: message.documents.map(({ hash, name, type, size }) => ({ hash, name, type, size })),
    createdAt: new Date(message.createdAt).toISOString(),
  };
}

function readJson(position: ReadPosition) {
  return { userId: position.userId, seq: position.seq, at: new Date(position.at).toISOString() };
}

/**
 * The booking whose conversation the caller opens: `not_found` unless they are its client or its
 * advisor, `forbidden` once 30 days have passed since its session ended (CHAT1).
 */
async function openConversation(context: RelayContext, userId: string, id: string): Promise<BookingRecord> {
  const booking = await context.storage.advisors.findBooking(id);
  if (booking === null || (booking.clientId !== userId && booking.advisorId !== userId)) {
    throw new RelayError('not_found');
  }
  const now = (context.config.clock ?? Date.now)();
  if (now > booking.end + conversationOpenAfterSessionMs) throw new RelayError('forbidden');
  return booking;
}

/** Whether the account may read the booking's conversation now (CHAT1): what lets it read the documents there (CHAT7). */
export function conversationReader(context: RelayContext): (userId: string, bookingId: string) => Promise<boolean> {
  return async (userId, bookingId) =>
    openConversation(context, userId, bookingId).then(
      () => true,
      (error: unknown) => {
        if (error instanceof RelayError) return false;
        throw error;
      },
    );
}

function otherParty(booking: BookingRecord, userId: string): string {
  return userId === booking.clientId ? booking.advisorId : booking.clientId;
}

/** Each booking's conversation between its client and its advisor (CHAT1–CHAT6). */
export function registerChatRoutes(app: RelayApp, context: RelayContext): void {
  const { conversations } = context.storage;
  const now = context.config.clock ?? Date.now;

  app.get(
    '/api/bookings/:id/messages',
    {
      schema: { params: bookingParams, querystring: pageQuery, response: { 200: pageReply, '4xx': errorReplySchema } },
    },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      const booking = await openConversation(context, claims.userId, request.params.id);
      const { after, before } = request.query;
      if (after !== undefined && before !== undefined) throw new RelayError('invalid_request');
      const limit = Math.min(Number(request.query.limit ?? defaultPage), maxPage);
      // One more than asked for says whether there is another page.
      const page =
        after === undefined
          ? await conversations.messagesBefore(booking.id, before === undefined ? null : Number(before), limit + 1)
          : await conversations.messagesAfter(booking.id, Number(after), limit + 1);
      const more = page.length > limit;
      const messages = !more ? page : after === undefined ? page.slice(1) : page.slice(0, limit);
      return {
        messages: messages.map(messageJson),
        reads: (await conversations.readPositions(booking.id)).map(readJson),
        more,
      };
    },
  );

  app.post(
    '/api/bookings/:id/messages',
    {
      schema: {
        params: bookingParams,
        body: messageBody,
        response: { 200: messageReply, 201: messageReply, '4xx': errorReplySchema },
      },
    },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      const booking = await openConversation(context, claims.userId, request.params.id);
      const documents = await chatDocumentsOf(context.storage.blobs, claims.userId, request.body.documents ?? []);
      if (request.body.text === '' && documents.length === 0) throw new RelayError('invalid_request');
      // Referenced before the message is stored, so its documents are never swept from under it (CHAT7).
      await context.storage.blobs.addChatReferences(
        booking.id,
        documents.map((document) => document.hash),
      );
      const { message, created } = await conversations.post({
        bookingId: booking.id,
        clientId: request.body.clientId,
        senderId: claims.userId,
        text: request.body.text,
        documents,
        createdAt: now(),
      });
      if (created) {
        await context.liveEvents.tell({
          to: [booking.clientId, booking.advisorId],
          type: 'message.created',
          data: { message: messageJson(message) },
          dedupeKey: `message:${booking.id}:${message.seq}`,
        });
        await context.offlineNotices.messagePosted(booking, message);
      }
      return reply.code(created ? 201 : 200).send(messageJson(message));
    },
  );

  app.post(
    '/api/bookings/:id/messages/read',
    { schema: { params: bookingParams, body: readBody, response: { 200: readReply, '4xx': errorReplySchema } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      const booking = await openConversation(context, claims.userId, request.params.id);
      const seq = Math.min(request.body.seq, await conversations.lastSeq(booking.id));
      const position = await conversations.markRead(booking.id, claims.userId, seq, now());
      if (position.seq > 0) {
        await context.liveEvents.tell({
          to: [otherParty(booking, claims.userId)],
          type: 'message.read',
          data: { bookingId: booking.id, ...readJson(position) },
          dedupeKey: `read:${booking.id}:${claims.userId}:${position.seq}`,
        });
      }
      return readJson(position);
    },
  );
}
