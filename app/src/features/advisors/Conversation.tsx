import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { type ChatMessage, RelayApiError } from '../../sync/index.js';
import { useAttachmentMaxBytes } from '../../tally/index.js';
import { Field, wordMessages } from '../../ui/index.js';
import { fileSizeLimit } from '../attachments/index.js';
import { deviceMadeId } from './address.js';
import { useOutbox } from './advisor-services.js';
import { DocumentPicker, MessageDocuments, useSendWithDocuments } from './chat-documents.js';
import { lastReadOwn } from './conversation-state.js';
import { advisorMessages } from './messages.js';
import { whyNotSent } from './send-refusal.js';
import { useConversation, useOnline } from './use-conversation.js';

/** The booking's conversation: the relay's messages, then this device's not yet stored, shown as sending. */
export function Conversation({ bookingId, own }: { readonly bookingId: string; readonly own: string | undefined }) {
  const text = useText(advisorMessages);
  const outbox = useOutbox();
  const { state, showEarlier, showSent } = useConversation(bookingId, own);
  const stored = new Set(state.messages.map((message) => message.clientId));
  const waiting = outbox.waiting(bookingId).filter((message) => !stored.has(message.clientId));
  const readUnder = own === undefined ? undefined : lastReadOwn(state, own);

  return (
    <section className="card" aria-labelledby="conversation-title" data-testid="conversation">
      <h2 id="conversation-title">{text('conversation')}</h2>
      <EarlierMessages earlier={state.earlier} messages={state.messages} showEarlier={showEarlier} />
      <ol className="advisors__messages" aria-live="polite">
        {state.messages.map((message) => (
          <li
            key={message.clientId}
            className={message.authorId === own ? 'advisors__message advisors__message--own' : 'advisors__message'}
            data-testid="chat-message"
            data-seq={message.seq}
            data-state="sent"
          >
            {message.text}
            <MessageDocuments documents={message.documents} />
            {message.seq === readUnder && (
              <span className="advisors__read" data-testid="chat-read">
                {text('read')}
              </span>
            )}
          </li>
        ))}
        {waiting.map((message) => (
          <li
            key={message.clientId}
            className="advisors__message advisors__message--own"
            data-testid="chat-message"
            data-state="sending"
          >
            {message.text} <span className="tag">{text('sending')}</span>
          </li>
        ))}
      </ol>
      <MessageForm bookingId={bookingId} showSent={showSent} />
    </section>
  );
}

/**
 * "Show earlier messages" above the first one shown, while the relay holds older ones. The page
 * stays where it was as they appear above, so the person reads on from the same message; once
 * the first message is there, the button gives way to a note saying so, which takes the focus.
 */
function EarlierMessages({
  earlier,
  messages,
  showEarlier,
}: {
  readonly earlier: boolean;
  readonly messages: readonly ChatMessage[];
  readonly showEarlier: () => Promise<boolean>;
}) {
  const text = useText(advisorMessages);
  const [pagedBack, setPagedBack] = useState(false);
  const [loading, setLoading] = useState(false);
  const [unreachable, setUnreachable] = useState(false);
  const kept = useRef<{ readonly seq: number; readonly top: number } | undefined>(undefined);
  const start = useRef<HTMLParagraphElement>(null);

  useLayoutEffect(() => {
    const anchor = kept.current;
    if (anchor === undefined || messages[0]?.seq === anchor.seq) return;
    kept.current = undefined;
    const shown = document.querySelector(`[data-testid="chat-message"][data-seq="${anchor.seq}"]`);
    if (shown) window.scrollBy(0, shown.getBoundingClientRect().top - anchor.top);
    if (!earlier) start.current?.focus({ preventScroll: true });
  }, [messages, earlier]);

  const show = async () => {
    const first = messages[0];
    if (first === undefined || loading) return;
    const shown = document.querySelector(`[data-testid="chat-message"][data-seq="${first.seq}"]`);
    kept.current = { seq: first.seq, top: shown?.getBoundingClientRect().top ?? 0 };
    // Before the page arrives, so the note saying it was the first is there to take the focus.
    setPagedBack(true);
    setLoading(true);
    const reached = await showEarlier();
    setLoading(false);
    setUnreachable(!reached);
  };

  if (!earlier)
    return pagedBack ? (
      <p className="hint" tabIndex={-1} ref={start} data-testid="chat-start">
        {text('conversationStart')}
      </p>
    ) : null;
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="chat-earlier"
        aria-disabled={loading}
        onClick={() => void show()}
      >
        {text('showEarlier')}
      </button>
      {unreachable && (
        <p className="form__error" role="alert">
          {text('unreachable')}
        </p>
      )}
    </>
  );
}

/**
 * Writes a message into the outbox, which sends it now or once the relay can be reached; a message
 * with documents is sent at once instead (their upload needs the relay), and stays in the form if it could not be.
 */
function MessageForm({
  bookingId,
  showSent,
}: {
  readonly bookingId: string;
  readonly showSent: (message: ChatMessage) => void;
}) {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const outbox = useOutbox();
  const online = useOnline();
  const sendWithDocuments = useSendWithDocuments(bookingId);
  const [draft, setDraft] = useState('');
  const [picked, setPicked] = useState<readonly File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const maxBytes = useAttachmentMaxBytes();

  const sendDocuments = async (typed: string): Promise<string | undefined> => {
    setUploading(true);
    try {
      showSent(await sendWithDocuments(deviceMadeId(), typed, picked));
      setDraft('');
      setPicked([]);
      return undefined;
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      const why = whyNotSent(error);
      if (why === 'unreachable') return text('unreachable');
      if (why === 'refused') return words('relayRefused', { reason: error.message });
      const size = fileSizeLimit(text.locale, maxBytes);
      return picked.map((file) => text('documentRefused', { name: file.name, size })).join(' ');
    } finally {
      setUploading(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    if (picked.length > 0) {
      setProblem(await sendDocuments(draft.trim()));
      return;
    }
    const sending = await sendForm({
      check: () => (draft.trim() === '' ? { issues: text('messageRequired') } : { fields: draft.trim() }),
      send: async (typed) => {
        setDraft('');
        await outbox.write({ bookingId, clientId: deviceMadeId(), text: typed, writtenAt: new Date().toISOString() });
      },
      refused: () => undefined,
    });
    setProblem('issues' in sending ? sending.issues : undefined);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <Field id="chat-text" label={text('yourMessage')} error={problem}>
        <textarea
          id="chat-text"
          data-testid="chat-text"
          maxLength={4000}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </Field>
      <DocumentPicker picked={picked} onPick={setPicked} online={online} />
      {uploading && (
        <p className="hint" role="status" data-testid="chat-uploading">
          {text('uploadingDocuments')}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        data-testid="chat-send"
        aria-disabled={uploading || (picked.length > 0 && !online)}
      >
        {text('send')}
      </button>
    </form>
  );
}
