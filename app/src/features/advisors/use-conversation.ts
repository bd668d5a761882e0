import { useCallback, useEffect, useRef, useState } from 'react';
import {
  advisorApi,
  type ChatMessage,
  type MessagePage,
  type PageOf,
  RelayApiError,
  type RelayEvent,
} from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { bookingOfEvent, useLiveEvents, useOutbox } from './advisor-services.js';
import {
  type ConversationState,
  emptyConversation,
  unreadUpTo,
  withPage,
  withRead,
  withSent,
} from './conversation-state.js';

const CONVERSATION_EVENTS = ['message.created', 'message.read'];

export interface LoadedConversation {
  readonly state: ConversationState;
  /** Loads the page before the first message shown; false when the relay could not be reached. */
  readonly showEarlier: () => Promise<boolean>;
  /** Shows a message this device sent past the outbox (one with documents), before its live event arrives. */
  readonly showSent: (message: ChatMessage) => void;
}

/** Whether the page is in front of the person, so what it shows is being read. */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const seen = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', seen);
    return () => document.removeEventListener('visibilitychange', seen);
  }, []);
  return visible;
}

/** Whether the browser says it is online, so what failed offline is tried again once it is back. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const told = () => setOnline(navigator.onLine);
    window.addEventListener('online', told);
    window.addEventListener('offline', told);
    return () => {
      window.removeEventListener('online', told);
      window.removeEventListener('offline', told);
    };
  }, []);
  return online;
}

/**
 * One booking's conversation as the relay stores it: the newest page first, every new message
 * caught up in order as live events tell of it, earlier pages on request, this device's own
 * messages as the outbox sends them, and the read positions. While the page is in front of the
 * person, the other party's messages are marked read (again once back online, if that failed).
 */
export function useConversation(bookingId: string, own: string | undefined): LoadedConversation {
  const tally = useTally();
  const outbox = useOutbox();
  const [state, setState] = useState(emptyConversation);
  // The latest state for the loops below, which run across renders.
  const latest = useRef(state);
  const change = useCallback((next: (current: ConversationState) => ConversationState) => {
    setState((current) => {
      latest.current = next(current);
      return latest.current;
    });
  }, []);
  const page = useCallback(
    (which: PageOf): Promise<MessagePage> =>
      tally.sync.relayCall((api, token) => advisorApi.messages(api, token, bookingId, which)),
    [tally, bookingId],
  );

  // One catching up at a time, and once more when asked meanwhile, so each asks after what the
  // last one brought: two asking for the newest page at once could leave a hole between them.
  const catching = useRef<Promise<void> | undefined>(undefined);
  const catchAgain = useRef(false);
  const catchUpOnce = useCallback(async () => {
    for (;;) {
      const { through } = latest.current;
      const arrived = await page(through === 0 ? 'newest' : { after: through });
      change((current) => withPage(current, arrived, through === 0 ? 'newest' : 'after'));
      if (through === 0 || !arrived.more) return;
    }
  }, [page, change]);
  const catchUp = useCallback(async () => {
    if (catching.current) {
      catchAgain.current = true;
      return;
    }
    catching.current = (async () => {
      do {
        catchAgain.current = false;
        await catchUpOnce();
      } while (catchAgain.current);
    })();
    try {
      await catching.current;
    } catch (error) {
      // Offline the conversation shows what the device has, and catches up at the next event.
      if (!(error instanceof RelayApiError)) throw error;
    } finally {
      catching.current = undefined;
    }
  }, [catchUpOnce]);
  useEffect(() => {
    void catchUp();
  }, [catchUp]);
  useEffect(
    () => outbox.onSent((message, sentTo) => sentTo === bookingId && change((current) => withSent(current, message))),
    [outbox, bookingId, change],
  );
  useLiveEvents(
    CONVERSATION_EVENTS,
    useCallback(
      (event: RelayEvent) => {
        if (bookingOfEvent(event) !== bookingId) return;
        const { userId, seq } = event.data;
        if (event.type === 'message.created') void catchUp();
        else if (typeof userId === 'string' && typeof seq === 'number')
          change((current) => ({ ...current, reads: withRead(current.reads, { userId, seq }) }));
      },
      [bookingId, catchUp, change],
    ),
  );

  const visible = usePageVisible();
  const online = useOnline();
  const unread = own === undefined ? undefined : unreadUpTo(state, own);
  useEffect(() => {
    if (unread === undefined || !visible || !online) return;
    tally.sync
      .relayCall((api, token) => advisorApi.markRead(api, token, bookingId, unread))
      .then(
        (read) => change((current) => ({ ...current, reads: withRead(current.reads, read) })),
        (error: unknown) => {
          if (!(error instanceof RelayApiError)) throw error;
        },
      );
  }, [tally, bookingId, unread, visible, online, change]);

  const showEarlier = useCallback(async () => {
    const first = latest.current.messages[0];
    if (first === undefined) return true;
    try {
      const arrived = await page({ before: first.seq });
      change((current) => withPage(current, arrived, 'before'));
      return true;
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      return false;
    }
  }, [page, change]);

  const showSent = useCallback((message: ChatMessage) => change((current) => withSent(current, message)), [change]);

  return { state, showEarlier, showSent };
}
