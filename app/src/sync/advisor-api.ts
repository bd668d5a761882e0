import { type AdvisorSpecialty, advisorSpecialties, type BookingStatus, bookingStatuses } from '@tally/schema';
import { type Fields, fieldsOf, listOf, malformed, type RelayApi, text, textOrNull } from './relay-api.js';
import { RelayApiError } from './relay-api-error.js';

/** What an advisor may say they help with (a fixed list, so the directory can filter by it) and a booking's statuses. */
export { type AdvisorSpecialty, advisorSpecialties, type BookingStatus, bookingStatuses };

/** A session's price in the currency's minor units; `null` is a free session. */
export interface SessionPrice {
  readonly amountMinor: number;
  readonly currency: string;
}

/** What an advisor publishes about themselves; the directory and the profile page show it. */
export interface AdvisorProfileFields {
  readonly displayName: string;
  readonly headline: string;
  readonly bio: string;
  readonly specialties: readonly AdvisorSpecialty[];
  /** BCP-47 codes: `en`, `es`, `de`. */
  readonly languages: readonly string[];
  /** IANA: `Europe/Berlin`. */
  readonly timeZone: string;
  readonly sessionMinutes: number;
  readonly price: SessionPrice | null;
  readonly acceptingClients: boolean;
}

export interface AdvisorProfile extends AdvisorProfileFields {
  readonly advisorId: string;
}

/** Hours an advisor works on one weekday (1 Monday … 7 Sunday), in their own time zone. */
export interface WeeklyHours {
  readonly weekday: number;
  readonly start: string;
  readonly end: string;
}

/** Hours on one day, `09:00`–`12:00`, in the advisor's own time zone. */
export interface DayHours {
  readonly start: string;
  readonly end: string;
}

/** A dated change to the weekly hours: that day's hours instead, none for a day off. */
export interface AvailabilityException {
  readonly date: string;
  readonly hours: readonly DayHours[];
}

export interface Availability {
  readonly weekly: readonly WeeklyHours[];
  readonly exceptions: readonly AvailabilityException[];
}

/** A free session time, as UTC ISO instants. */
export interface Slot {
  readonly start: string;
  readonly end: string;
}

/** What a party asks the relay to do with a booking (`POST /api/bookings/:id/<action>`). */
export const bookingActions = ['accept', 'decline', 'cancel', 'complete', 'no-show'] as const;
export type BookingAction = (typeof bookingActions)[number];

export interface Booking {
  readonly id: string;
  readonly advisorId: string;
  readonly clientId: string;
  readonly start: string;
  readonly end: string;
  readonly status: BookingStatus;
  readonly message: string;
  /** The client's ledger the advisor may read for the session, if one was shared. */
  readonly shareDocId: string | null;
  /** The session's price when it is not free; a priced one waits in `awaiting_payment` once accepted. */
  readonly price: SessionPrice | null;
  /** What the advisor calls the client; `null` when the relay did not say (a live event's booking). */
  readonly clientName: string | null;
  /** While `awaiting_payment`: when the hold on the slot ends unless it is paid. */
  readonly paymentDueAt: string | null;
}

export interface BookingRequest {
  readonly advisorId: string;
  readonly start: string;
  readonly message: string;
  readonly shareDocId?: string;
  /** Made once per request on the device, so a retry over a flaky network books once. */
  readonly idempotencyKey: string;
}

export interface ChatMessage {
  /** The conversation's order, given by the relay. */
  readonly seq: number;
  /** Made on the device that wrote it, so a resend is not a duplicate. */
  readonly clientId: string;
  readonly authorId: string;
  readonly text: string;
  /** Files sent with it (relay SPEC CHAT7): only the booking's two parties may fetch their bytes. */
  readonly documents: readonly ChatDocument[];
  readonly createdAt: string;
}

/** A file on a chat message, by its content hash; its type is the one the relay decided from its bytes. */
export interface ChatDocument {
  readonly hash: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** A file to send with a message: one this account uploaded, by its hash, under its name. */
export interface DocumentToSend {
  readonly hash: string;
  readonly name: string;
}

/** How far one party has read a conversation: every message up to `seq`. */
export interface ReadPosition {
  readonly userId: string;
  readonly seq: number;
}

/** One page of a conversation, oldest first, with how far each party has read. */
export interface MessagePage {
  readonly messages: readonly ChatMessage[];
  readonly reads: readonly ReadPosition[];
  /** Whether another page lies beyond it, in the direction asked (earlier, or later with `after`). */
  readonly more: boolean;
}

/** Which page of a conversation: the newest, the one before a message (paging back), or after one (catching up). */
export type PageOf = { readonly before: number } | { readonly after: number } | 'newest';

/** A filter of the directory; unset parts match every advisor. */
export interface AdvisorFilter {
  readonly specialty?: string;
  readonly language?: string;
  /** `free`, or the most a session may cost as `EUR:5000` (currency and minor units). */
  readonly price?: string;
}

function number(fields: Fields, name: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw malformed();
  return value;
}

function strings(fields: Fields, name: string): string[] {
  const value = fields[name];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw malformed();
  return value;
}

function optionalText(fields: Fields, name: string): string | null {
  return typeof fields[name] === 'string' ? fields[name] : null;
}

function parsePrice(value: unknown): SessionPrice | null {
  if (value === null || value === undefined) return null;
  const fields = fieldsOf(value);
  return { amountMinor: number(fields, 'amountMinor'), currency: text(fields, 'currency') };
}

function isSpecialty(value: string): value is AdvisorSpecialty {
  return advisorSpecialties.some((known) => known === value);
}

export function parseProfile(reply: unknown): AdvisorProfile {
  const fields = fieldsOf(reply);
  return {
    advisorId: text(fields, 'userId'),
    displayName: text(fields, 'displayName'),
    headline: text(fields, 'headline'),
    bio: text(fields, 'bio'),
    specialties: strings(fields, 'specialties').filter(isSpecialty),
    languages: strings(fields, 'languages'),
    timeZone: text(fields, 'timeZone'),
    sessionMinutes: number(fields, 'sessionMinutes'),
    price: parsePrice(fields.price),
    acceptingClients: fields.acceptingClients === true,
  };
}

function parseAvailability(reply: unknown): Availability {
  const fields = fieldsOf(reply);
  const weekly = listOf(fields.weekly).map((hours) => ({
    weekday: number(hours, 'weekday'),
    start: text(hours, 'start'),
    end: text(hours, 'end'),
  }));
  const exceptions = listOf(fields.exceptions).map((exception) => ({
    date: text(exception, 'date'),
    hours: listOf(exception.hours).map((hours) => ({ start: text(hours, 'start'), end: text(hours, 'end') })),
  }));
  return { weekly, exceptions };
}

export function parseBooking(reply: unknown): Booking {
  const fields = fieldsOf(reply);
  const status = bookingStatuses.find((known) => known === fields.status);
  if (status === undefined) throw malformed();
  return {
    id: text(fields, 'id'),
    advisorId: text(fields, 'advisorId'),
    clientId: text(fields, 'clientId'),
    start: text(fields, 'start'),
    end: text(fields, 'end'),
    status,
    message: optionalText(fields, 'message') ?? '',
    shareDocId: fields.shareDocId === undefined ? null : textOrNull(fields, 'shareDocId'),
    price: parsePrice(fields.price),
    clientName: optionalText(fields, 'clientName'),
    paymentDueAt: typeof fields.paymentDueAt === 'string' ? fields.paymentDueAt : null,
  };
}

export function parseMessage(reply: unknown): ChatMessage {
  const fields = fieldsOf(reply);
  return {
    seq: number(fields, 'seq'),
    clientId: text(fields, 'clientId'),
    authorId: text(fields, 'senderId'),
    text: text(fields, 'text'),
    documents: listOf(fields.documents).map(parseDocument),
    createdAt: text(fields, 'createdAt'),
  };
}

function parseDocument(reply: unknown): ChatDocument {
  const fields = fieldsOf(reply);
  return {
    hash: text(fields, 'hash'),
    name: text(fields, 'name'),
    type: text(fields, 'type'),
    size: number(fields, 'size'),
  };
}

export function parseReadPosition(reply: unknown): ReadPosition {
  const fields = fieldsOf(reply);
  return { userId: text(fields, 'userId'), seq: number(fields, 'seq') };
}

function parseMessagePage(reply: unknown): MessagePage {
  const fields = fieldsOf(reply);
  if (typeof fields.more !== 'boolean') throw malformed();
  return {
    messages: listOf(fields.messages).map(parseMessage),
    reads: listOf(fields.reads).map(parseReadPosition),
    more: fields.more,
  };
}

/** A list reply, bare or as `{items: […]}`. */
function items(reply: unknown, name: string): unknown[] {
  if (Array.isArray(reply)) return reply;
  const list = fieldsOf(reply)[name];
  if (!Array.isArray(list)) throw malformed();
  return list;
}

function bookingPath(id: string): string {
  return `/api/bookings/${encodeURIComponent(id)}`;
}

/** The relay's advisors, bookings and chat (issue 15's contract), each reply parsed into typed values here. */
export const advisorApi = {
  async directory(api: RelayApi, token: string, filter: AdvisorFilter): Promise<AdvisorProfile[]> {
    const query = new URLSearchParams(
      Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''),
    );
    const reply = await api.request('GET', `/api/advisors?${query}`, undefined, token);
    return items(reply, 'advisors').map(parseProfile);
  },

  async profile(api: RelayApi, token: string, advisorId: string): Promise<AdvisorProfile> {
    return parseProfile(await api.request('GET', `/api/advisors/${encodeURIComponent(advisorId)}`, undefined, token));
  },

  async slots(api: RelayApi, token: string, advisorId: string, from: string, to: string): Promise<Slot[]> {
    const query = new URLSearchParams({ from, to });
    const path = `/api/advisors/${encodeURIComponent(advisorId)}/slots?${query}`;
    return items(await api.request('GET', path, undefined, token), 'slots').map((slot) => {
      const fields = fieldsOf(slot);
      return { start: text(fields, 'start'), end: text(fields, 'end') };
    });
  },

  /**
   * The account's own profile, `unpublished` for an advisor who has none yet; the relay refuses
   * anyone who is not an advisor (`forbidden`), which is how Tally knows the account's role.
   */
  async ownProfile(api: RelayApi, token: string): Promise<AdvisorProfile | 'unpublished'> {
    try {
      return parseProfile(await api.request('GET', '/api/advisor/profile', undefined, token));
    } catch (error) {
      if (error instanceof RelayApiError && error.status === 404) return 'unpublished';
      throw error;
    }
  },

  /** The advisor's own weekly hours and exceptions. */
  async ownAvailability(api: RelayApi, token: string): Promise<Availability> {
    return parseAvailability(await api.request('GET', '/api/advisor/availability', undefined, token));
  },

  async publishProfile(api: RelayApi, token: string, profile: AdvisorProfileFields): Promise<AdvisorProfile> {
    return parseProfile(await api.request('PUT', '/api/advisor/profile', profile, token));
  },

  async setAvailability(api: RelayApi, token: string, availability: Availability): Promise<void> {
    await api.request('PUT', '/api/advisor/availability', availability, token);
  },

  async book(api: RelayApi, token: string, request: BookingRequest): Promise<Booking> {
    return parseBooking(await api.request('POST', '/api/bookings', request, token));
  },

  async bookings(api: RelayApi, token: string): Promise<Booking[]> {
    return items(await api.request('GET', '/api/bookings', undefined, token), 'bookings').map(parseBooking);
  },

  async booking(api: RelayApi, token: string, id: string): Promise<Booking> {
    return parseBooking(await api.request('GET', bookingPath(id), undefined, token));
  },

  async act(api: RelayApi, token: string, id: string, action: BookingAction, reason?: string): Promise<Booking> {
    const body = reason === undefined ? undefined : { reason };
    return parseBooking(await api.request('POST', `${bookingPath(id)}/${action}`, body, token));
  },

  async messages(api: RelayApi, token: string, id: string, page: PageOf): Promise<MessagePage> {
    const query = page === 'newest' ? '' : 'before' in page ? `?before=${page.before}` : `?after=${page.after}`;
    return parseMessagePage(await api.request('GET', `${bookingPath(id)}/messages${query}`, undefined, token));
  },

  /** Marks every message up to `seq` read by the caller; the relay never moves it back. */
  async markRead(api: RelayApi, token: string, id: string, seq: number): Promise<ReadPosition> {
    return parseReadPosition(await api.request('POST', `${bookingPath(id)}/messages/read`, { seq }, token));
  },

  /** Sends a message; its documents must be uploaded by this account first (`PUT /api/blobs/:sha256`). */
  async send(
    api: RelayApi,
    token: string,
    id: string,
    clientId: string,
    message: string,
    documents: readonly DocumentToSend[] = [],
  ): Promise<ChatMessage> {
    const body = documents.length === 0 ? { clientId, text: message } : { clientId, text: message, documents };
    return parseMessage(await api.request('POST', `${bookingPath(id)}/messages`, body, token));
  },
};
