import { useSyncExternalStore } from 'react';
import type { AttachmentStatus } from './attachment-keeper.js';
import { useTally } from './tally-context.js';

/** Where one attachment is: on this device only, uploading, synced, on the relay only… */
export function useAttachmentStatus(hash: string): AttachmentStatus {
  const { attachments } = useTally();
  return useSyncExternalStore(attachments.subscribe, () => attachments.statusOf(hash));
}
