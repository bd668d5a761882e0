/**
 * The WebSocket close codes a relay ends a sync socket with, and that a device acts on: a
 * device does not retry after `policyViolation` (revoked, or no longer allowed) or
 * `messageTooBig` (it sent more than the relay takes in one frame). After `tokenExpired` it
 * renews its access token if it has not already, and reconnects: outside 4400–4499, so the stock
 * y-websocket provider reconnects by itself. After `roleChanged` it reconnects too, and the relay
 * grants the member's new role; it reads that role from `GET /api/ledgers` to offer editing or
 * not. `accountDisabled` and `membershipEnded` are in 4400–4499, so the stock provider stops:
 * the device may no longer open that ledger.
 */
export const closeCodes = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
  tokenExpired: 4001,
  roleChanged: 4002,
  accountDisabled: 4401,
  membershipEnded: 4403,
} as const;

/** Close reasons a device tells the person about, besides the update guard's refusals (`closeReasonOf`). */
export const closeReasons = {
  /** The ledger's owner has as much stored on the relay as the relay keeps for one account (1008). */
  quotaReached: 'storage quota reached',
} as const;

export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];
