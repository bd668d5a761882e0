/**
 * How far an attachment's bytes are on the relay: `local` kept here only (picked in a form not yet
 * saved), `queued` waiting in the upload outbox, `synced` stored on the relay as well.
 */
export type AttachmentState = 'local' | 'queued' | 'synced';

/** The bytes of one attachment as this device keeps them, by their sha256 (hex). */
export interface StoredAttachment {
  readonly hash: string;
  /** The media type the bytes are: image/jpeg, image/png, image/webp, image/heic, application/pdf. */
  readonly type: string;
  readonly bytes: ArrayBuffer;
  readonly state: AttachmentState;
  /** When this device stored them (ms since the epoch). */
  readonly keptAt: number;
}
