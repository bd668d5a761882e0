import type { RelayErrorCode } from '@tally/schema';

/** Every error the relay answers with, and its HTTP status. Replies are `{error: {code, message}}`. */
export const errorCatalogue = {
  invalid_request: { status: 400, message: 'The request is not valid.' },
  invalid_credentials: { status: 401, message: 'The email or password is wrong.' },
  unauthorized: { status: 401, message: 'A valid access token is required.' },
  invalid_refresh_token: { status: 401, message: 'The refresh token is not valid.' },
  forbidden: { status: 403, message: 'This account may not do that to this ledger.' },
  origin_not_allowed: { status: 403, message: 'Requests from this origin are not allowed.' },
  not_found: { status: 404, message: 'There is nothing here.' },
  conflict: { status: 409, message: 'That would leave things in a state they may not be in.' },
  account_disabled: { status: 403, message: 'An administrator of this relay has disabled this account.' },
  email_taken: { status: 409, message: 'An account with this email already exists.' },
  registration_closed: { status: 403, message: 'This relay takes no new accounts.' },
  invitation_required: { status: 403, message: 'Creating an account on this relay needs an invitation code.' },
  invitation_invalid: {
    status: 410,
    message:
      'This invitation code does not work for this account: it may be mistyped, used, expired, revoked or for another email.',
  },
  weak_password: {
    status: 400,
    message:
      'The password is too easy to guess: use at least 10 characters, not a commonly used password and not your email address.',
  },
  admin_required: { status: 403, message: 'Only an administrator of this relay may do that.' },
  link_invalid: {
    status: 400,
    message: 'This link does not work any more: it may have been used already, have expired, or be incomplete.',
  },
  email_unverified: {
    status: 403,
    message: 'Verify this account’s email address first: follow the link mailed to it, or ask for a new one.',
  },
  mail_off: { status: 503, message: 'This relay sends no mail; ask its administrator for help.' },
  push_off: { status: 503, message: 'This relay sends no push notifications; ask its administrator for help.' },
  payments_off: {
    status: 503,
    message: 'This relay takes no payments, so priced sessions cannot be paid for; ask its administrator.',
  },
  signature_invalid: {
    status: 400,
    message: 'The webhook’s signature is missing, wrong or too old; nothing was stored.',
  },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as application/json.' },
  blob_too_large: { status: 413, message: 'The file is larger than this relay keeps (BLOB_MAX_BYTES).' },
  blob_type_refused: {
    status: 415,
    message: 'The file is not a JPEG, PNG, WebP or HEIC image or a PDF, or not the type its Content-Type says.',
  },
  blob_hash_mismatch: { status: 422, message: 'The file’s SHA-256 is not the one in its address; nothing was kept.' },
  blob_quota_exceeded: {
    status: 507,
    message: 'This account’s files would pass its storage quota for files (BLOB_QUOTA_BYTES).',
  },
  chat_documents_refused: {
    status: 422,
    message: 'A message carries at most 10 documents, each a different file its sender uploaded; nothing was sent.',
  },
  upload_stalled: {
    status: 408,
    message: 'No bytes of the file arrived for UPLOAD_IDLE_TIMEOUT_SECONDS; nothing was kept. Send it again.',
  },
  rate_limited: { status: 429, message: 'Too many requests; try again shortly.' },
  advisor_required: { status: 403, message: 'Only an account with the advisor role may do that.' },
  range_too_long: {
    status: 400,
    message: 'Ask for free slots over at most 62 days at a time, with `from` before `to`.',
  },
  slot_unavailable: {
    status: 409,
    message: 'That start is not one of the advisor’s free slots: outside their hours, past, or not taking new clients.',
  },
  slot_taken: { status: 409, message: 'Someone else has asked for that slot; choose another.' },
  idempotency_key_reused: {
    status: 409,
    message: 'That idempotency key was used for another request: make a new key for each new request.',
  },
  invalid_transition: { status: 409, message: 'The booking cannot go there from where it is now.' },
  internal: { status: 500, message: 'Something went wrong on the relay.' },
} as const satisfies Record<RelayErrorCode, { readonly status: number; readonly message: string }>;

export type ErrorCode = RelayErrorCode;

export interface ErrorReply {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

/** Thrown by routes and hooks; the error handler turns it into its catalogued reply. */
export class RelayError extends Error {
  constructor(readonly code: ErrorCode) {
    super(errorCatalogue[code].message);
    this.name = 'RelayError';
  }
}

export function errorReply(code: ErrorCode): ErrorReply {
  return { error: { code, message: errorCatalogue[code].message } };
}

export const errorReplySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;
