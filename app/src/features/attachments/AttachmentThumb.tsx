import { useText } from '../../i18n/index.js';
import { attachmentMessages } from './messages.js';
import { useAttachmentView } from './use-attachment-view.js';

interface AttachmentThumbProps {
  readonly hash: string;
  readonly type: string;
  /** Fetch the bytes from the relay when they are not on this device (the form does; the list does not). */
  readonly download: boolean;
  readonly small?: boolean;
}

/** A photo's thumbnail, a PDF's mark, or a placeholder while the bytes are not on this device. */
export function AttachmentThumb({ hash, type, download, small = false }: AttachmentThumbProps) {
  const text = useText(attachmentMessages);
  const { status, url } = useAttachmentView(hash, download);
  const className = small ? 'attachment-thumb attachment-thumb--small' : 'attachment-thumb';
  if (url && type.startsWith('image/'))
    return (
      <img
        className={className}
        src={url}
        alt=""
        decoding="async"
        data-testid="attachment-thumb"
        data-status={status}
      />
    );
  return (
    <span
      className={`${className} attachment-thumb--placeholder`}
      data-testid="attachment-placeholder"
      data-status={status}
      aria-hidden="true"
      title={text(`status.${status}`)}
    >
      {type === 'application/pdf' ? text('pdf') : '⧉'}
    </span>
  );
}
