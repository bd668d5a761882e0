import { type Attachment, MAX_ATTACHMENTS } from '@tally/schema';
import { useEffect, useId, useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useAttachmentMaxBytes, useTally } from '../../tally/index.js';
import { AttachmentStatusText } from './AttachmentStatusText.js';
import { AttachmentThumb } from './AttachmentThumb.js';
import { AttachmentViewer } from './AttachmentViewer.js';
import { addAttachment, isAttachmentType } from './attachment-draft.js';
import type { PrepareRefusal } from './attachment-protocol.js';
import { prepareInWorker } from './attachment-worker-client.js';
import { fileSizeLimit } from './file-size.js';
import { attachmentMessages } from './messages.js';
import './attachments.css';

interface AttachmentsFieldProps {
  readonly attachments: readonly Attachment[];
  readonly onChange: (change: (attachments: readonly Attachment[]) => readonly Attachment[]) => void;
}

type Refused = { readonly name: string; readonly refusal: PrepareRefusal | 'too-many' };

/**
 * The transaction's receipts and documents: each a thumbnail with where it is (on this device
 * only, uploading, synced), viewable full size and removable; a photo taken or chosen is
 * downscaled and kept on the device at once, before the form is saved.
 */
export function AttachmentsField({ attachments, onChange }: AttachmentsFieldProps) {
  const text = useText(attachmentMessages);
  const tally = useTally();
  const inputId = useId();
  const [preparing, setPreparing] = useState<readonly string[]>([]);
  const [refused, setRefused] = useState<readonly Refused[]>([]);
  const [viewing, setViewing] = useState<Attachment | undefined>(undefined);
  const picked = useRef(new Set<string>());
  const { attachments: keeper } = tally;
  const maxBytes = useAttachmentMaxBytes();

  // As the form closes, what was picked here and is not saved in a transaction leaves the device.
  useEffect(() => {
    const pickedHere = picked.current;
    return () => void keeper.discard([...pickedHere]);
  }, [keeper]);

  const attach = async (files: readonly File[]) => {
    setRefused([]);
    setPreparing(files.map((file) => file.name));
    let count = attachments.length;
    for (const file of files) {
      const preparing = await prepareInWorker(file, maxBytes);
      setPreparing((names) => names.filter((name) => name !== file.name));
      const refusal = !preparing.ok ? preparing.refusal : count >= MAX_ATTACHMENTS ? 'too-many' : undefined;
      if (refusal || !preparing.ok || !isAttachmentType(preparing.prepared.type)) {
        if (refusal) setRefused((current) => [...current, { name: file.name, refusal }]);
        continue;
      }
      const { hash, name, type, bytes } = preparing.prepared;
      await tally.attachments.keep(hash, type, bytes);
      picked.current.add(hash);
      count += 1;
      const attachment: Attachment = { hash, name, type, size: bytes.byteLength, addedAt: Date.now() };
      onChange((current) => addAttachment(current, attachment));
    }
  };

  return (
    <fieldset className="attachments-field" data-testid="attachments">
      <legend>{text('attachments')}</legend>
      {attachments.length > 0 && (
        <ul className="attachments-field__list">
          {attachments.map((attachment) => (
            <li
              key={attachment.hash}
              className="attachments-field__item"
              data-testid="attachment"
              data-hash={attachment.hash}
            >
              <button
                type="button"
                className="attachments-field__view"
                aria-label={text('view', { name: attachment.name })}
                data-testid="view-attachment"
                onClick={() => setViewing(attachment)}
              >
                <AttachmentThumb hash={attachment.hash} type={attachment.type} download />
              </button>
              <span className="attachments-field__about">
                <span className="attachments-field__name">{attachment.name}</span>
                <AttachmentStatusText hash={attachment.hash} />
              </span>
              <button
                type="button"
                className="button attachments-field__remove"
                aria-label={text('remove', { name: attachment.name })}
                data-testid="remove-attachment"
                onClick={() => onChange((current) => current.filter((kept) => kept.hash !== attachment.hash))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {preparing.map((name) => (
        <p key={name} className="attachments-field__preparing" role="status" data-testid="attachment-preparing">
          {text('preparing', { name })}
        </p>
      ))}
      {refused.map(({ name, refusal }) => (
        <p key={`${name}-${refusal}`} className="form__error" role="alert" data-testid="attachment-refused">
          {text(`refusal.${refusal}`, {
            name,
            max: String(MAX_ATTACHMENTS),
            size: fileSizeLimit(text.locale, maxBytes),
          })}
        </p>
      ))}
      <label className="button attachments-field__attach" htmlFor={inputId}>
        {text('attach')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        multiple
        data-testid="attach-file"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void attach(files);
        }}
      />
      {viewing && (
        <AttachmentViewer
          hash={viewing.hash}
          name={viewing.name}
          type={viewing.type}
          onClose={() => setViewing(undefined)}
        />
      )}
    </fieldset>
  );
}
