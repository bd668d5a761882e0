import { useText } from '../../i18n/index.js';
import { useAttachmentStatus } from '../../tally/index.js';
import { attachmentMessages } from './messages.js';

/** Where one attachment is, in words: on this device only, uploading, synced… */
export function AttachmentStatusText({ hash }: { readonly hash: string }) {
  const text = useText(attachmentMessages);
  const status = useAttachmentStatus(hash);
  return (
    <span className="attachment-status" data-testid="attachment-status" data-status={status}>
      {text(`status.${status}`)}
    </span>
  );
}
