import { useText } from '../../i18n/index.js';
import { FocusTrap, failureMessages } from '../../ui/index.js';
import { attachmentMessages } from './messages.js';
import { useAttachmentView } from './use-attachment-view.js';

interface AttachmentViewerProps {
  readonly hash: string;
  readonly name: string;
  readonly type: string;
  readonly onClose: () => void;
}

/** One attachment full size: a photo on the page, a PDF in the browser's own viewer (a new tab). */
export function AttachmentViewer({ hash, name, type, onClose }: AttachmentViewerProps) {
  const text = useText(attachmentMessages);
  const failure = useText(failureMessages);
  const { status, url } = useAttachmentView(hash, true);
  return (
    <div
      className="sheet attachment-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={name}
      data-testid="attachment-viewer"
      onKeyDown={(event) => {
        // The form behind hears neither Escape (it would close too) nor Tab (its own focus trap).
        event.stopPropagation();
        if (event.key === 'Escape') onClose();
      }}
    >
      <FocusTrap>
        <div className="sheet__body attachment-viewer__body">
          <h2 className="attachment-viewer__name">{name}</h2>
          {!url && <p data-testid="attachment-viewer-status">{text(`status.${status}`)}</p>}
          {url && type.startsWith('image/') && (
            <img className="attachment-viewer__image" src={url} alt={name} data-testid="attachment-full" />
          )}
          {url && !type.startsWith('image/') && (
            <a className="button" href={url} target="_blank" rel="noreferrer" data-testid="attachment-open">
              {text('openPdf', { name })}
            </a>
          )}
          <div className="form__actions">
            <span className="form__spacer" />
            <button type="button" className="button" autoFocus onClick={onClose} data-testid="attachment-close">
              {failure('close')}
            </button>
          </div>
        </div>
      </FocusTrap>
    </div>
  );
}
