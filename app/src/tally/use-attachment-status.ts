import { useSyncExternalStore } from 'react';
import type { AttachmentStatus } from './attachment-keeper.js';
import { useTally } from './tally-context.js';

/** Where one attachment is: on this device only, uploading, synced, on the relay only… */
export function useAttachmentStatus(hash: string): AttachmentStatus {
  const { attachments } = useTally();
  return useSyncExternalStore(attachments.subscribe, () => attachments.statusOf(hash));
}

/** The largest file the relay keeps, as far as this device knows (relay SPEC BLOB8). */
export function useAttachmentMaxBytes(): number {
  const { attachments } = useTally();
  return useSyncExternalStore(attachments.subscribe, () => attachments.maxBytes);
}
