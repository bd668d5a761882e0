/** All a document room knows about a connection, so rooms run over `ws`, in tests, or anywhere. */
export interface PeerSocket {
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
  isOpen(): boolean;
}

export const closeCodes = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
} as const;

export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];
