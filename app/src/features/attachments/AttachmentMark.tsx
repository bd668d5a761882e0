import type { Attachment } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { AttachmentThumb } from './AttachmentThumb.js';
import { attachmentMessages } from './messages.js';
import './attachments.css';

/** In a list row: the first attachment's thumbnail (a placeholder until it is on this device) and how many there are. */
export function AttachmentMark({ attachments }: { readonly attachments: readonly Attachment[] }) {
  const text = useText(attachmentMessages);
  const first = attachments[0];
  if (!first) return null;
  return (
    <span className="attachment-mark" data-testid="tx-attachments" data-count={attachments.length}>
      <AttachmentThumb hash={first.hash} type={first.type} download={false} small />
      <span className="visually-hidden">{text.count('count', attachments.length)}</span>
    </span>
  );
}
