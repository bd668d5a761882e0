import { useEffect, useId, useState } from 'react';
import { useText } from '../../i18n/index.js';
import {
  advisorApi,
  type ChatDocument,
  type ChatMessage,
  type DocumentToSend,
  RelayApiError,
} from '../../sync/index.js';
import { sha256, useAttachmentMaxBytes, useTally } from '../../tally/index.js';
import { fileSizeLimit } from '../attachments/index.js';
import { advisorMessages } from './messages.js';

/** What the relay keeps as a chat document (relay SPEC BLOB1): the picker offers only these. */
const DOCUMENT_TYPES = 'application/pdf,image/jpeg,image/png,image/webp';

/** A file type as a person calls it; the relay decides the type from the bytes, so it is one of these. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

/** Which file was picked, so picking it twice keeps it once. */
function fileKey(file: File): string {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
}

/**
 * Uploads the files (each by its sha256, so one already there is stored once) and sends the message
 * with them. Online only: unlike text, a message with documents waits in no outbox.
 */
export function useSendWithDocuments(bookingId: string) {
  const tally = useTally();
  return async (clientId: string, text: string, files: readonly File[]): Promise<ChatMessage> => {
    const documents: DocumentToSend[] = [];
    for (const file of files) {
      const bytes = await file.arrayBuffer();
      const hash = await sha256(bytes);
      await tally.sync.relayCall((api, token) => api.putBlob(token, hash, file.type, bytes));
      documents.push({ hash, name: file.name });
    }
    return tally.sync.relayCall((api, token) => advisorApi.send(api, token, bookingId, clientId, text, documents));
  };
}

/** The "Attach a document" control and the files picked, each with a button to remove it; disabled offline, saying why. */
export function DocumentPicker({
  picked,
  onPick,
  online,
}: {
  readonly picked: readonly File[];
  readonly onPick: (files: readonly File[]) => void;
  readonly online: boolean;
}) {
  const text = useText(advisorMessages);
  const inputId = useId();
  const hintId = useId();
  const [tooLarge, setTooLarge] = useState<readonly string[]>([]);
  const maxBytes = useAttachmentMaxBytes();
  return (
    <div className="advisors__documents">
      <label htmlFor={inputId} className={online ? 'button' : 'button advisors__attach--offline'}>
        {text('attachDocument')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={DOCUMENT_TYPES}
        multiple
        disabled={!online}
        aria-describedby={online ? undefined : hintId}
        data-testid="chat-attach"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          // A file the relay would refuse for its size is not uploaded only to be refused.
          const fitting = files.filter((file) => file.size <= maxBytes);
          setTooLarge(files.filter((file) => file.size > maxBytes).map((file) => file.name));
          // The same file picked again is still one document.
          onPick([...picked, ...fitting.filter((file) => !picked.some((had) => fileKey(had) === fileKey(file)))]);
        }}
      />
      {tooLarge.map((name) => (
        <p key={name} className="form__error" role="alert" data-testid="chat-document-too-large">
          {text('documentTooLarge', { name, size: fileSizeLimit(text.locale, maxBytes) })}
        </p>
      ))}
      {!online && (
        <p id={hintId} className="hint" data-testid="chat-documents-offline">
          {text('documentsOffline')}
        </p>
      )}
      {picked.length > 0 && (
        <ul className="advisors__picked">
          {picked.map((file) => (
            <li key={fileKey(file)} data-testid="chat-picked">
              {file.name}{' '}
              <button
                type="button"
                className="button"
                aria-label={text('removeDocument', { name: file.name })}
                data-testid="chat-picked-remove"
                onClick={() => onPick(picked.filter((kept) => kept !== file))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A message's documents, each a button that fetches it with this device's token and opens it. */
export function MessageDocuments({ documents }: { readonly documents: readonly ChatDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <ul className="advisors__message-documents">
      {documents.map((document) => (
        <li key={document.hash}>
          <DocumentLink document={document} />
        </li>
      ))}
    </ul>
  );
}

function DocumentLink({ document }: { readonly document: ChatDocument }) {
  const text = useText(advisorMessages);
  const tally = useTally();
  const [url, setUrl] = useState<string | undefined>();
  const [state, setState] = useState<'idle' | 'opening' | 'unreachable'>('idle');
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const size = new Intl.NumberFormat(text.locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(
    document.size / 1000,
  );
  const type = TYPE_NAMES[document.type] ?? document.type;
  const label = text('openDocument', { name: document.name, type, size });

  const open = async () => {
    setState('opening');
    try {
      const fetched = await tally.sync.relayCall((api, token) => api.getBlob(token, document.hash));
      const made = URL.createObjectURL(new Blob([fetched.bytes], { type: fetched.type }));
      setUrl(made);
      setState('idle');
      window.open(made, '_blank', 'noopener');
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setState('unreachable');
    }
  };

  // Once fetched it is a link to the bytes on this page, so a blocked pop-up still leaves a way to open it.
  return (
    <>
      {url ? (
        <a href={url} target="_blank" rel="noopener" aria-label={label} data-testid="chat-document-file">
          {document.name}
        </a>
      ) : (
        <button
          type="button"
          className="button"
          aria-label={label}
          aria-disabled={state === 'opening'}
          data-testid="chat-document"
          onClick={() => void (state === 'opening' || open())}
        >
          {document.name}
        </button>
      )}{' '}
      <span className="hint">
        {type}, {size}
      </span>
      {state === 'opening' && <span role="status">{text('openingDocument', { name: document.name })}</span>}
      {state === 'unreachable' && (
        <span className="form__error" role="alert">
          {text('unreachable')}
        </span>
      )}
    </>
  );
}
