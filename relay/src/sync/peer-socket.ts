import type { CloseCode } from '@tally/schema';

/** All a document room knows about a connection, so rooms run over `ws`, in tests, or anywhere. */
export interface PeerSocket {
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
  isOpen(): boolean;
}

export { type CloseCode, closeCodes } from '@tally/schema';
