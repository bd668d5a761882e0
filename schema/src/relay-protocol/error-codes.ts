/**
 * Every code a relay's refusal carries (`{error: {code, message}}`). The relay's error catalogue
 * gives each its HTTP status and message; devices decide what to tell the person by the code.
 */
export const relayErrorCodes = [
  'invalid_request',
  'invalid_credentials',
  'unauthorized',
  'invalid_refresh_token',
  'forbidden',
  'origin_not_allowed',
  'not_found',
  'conflict',
  'account_disabled',
  'email_taken',
  'registration_closed',
  'invitation_required',
  'invitation_invalid',
  'weak_password',
  'admin_required',
  'link_invalid',
  'mail_off',
  'email_unverified',
  'push_off',
  'payments_off',
  'signature_invalid',
  'payload_too_large',
  'unsupported_media_type',
  'blob_too_large',
  'blob_type_refused',
  'blob_hash_mismatch',
  'blob_quota_exceeded',
  'upload_stalled',
  'rate_limited',
  'advisor_required',
  'range_too_long',
  'slot_unavailable',
  'slot_taken',
  'idempotency_key_reused',
  'invalid_transition',
  'internal',
] as const;

export type RelayErrorCode = (typeof relayErrorCodes)[number];
