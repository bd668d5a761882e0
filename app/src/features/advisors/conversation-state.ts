import type { ChatMessage, MessagePage, ReadPosition } from '../../sync/index.js';

/** What a device knows of one conversation: the messages it has loaded, and how far each party read. */
export interface ConversationState {
  /** By `seq`, oldest first, each once. */
  readonly messages: readonly ChatMessage[];
  /** Each party's read position by account id; only ever moves up. */
  readonly reads: ReadonlyMap<string, number>;
  /** Whether older messages remain on the relay, before the first one loaded. */
  readonly earlier: boolean;
  /**
   * The newest `seq` up to which every message since the first loaded is here. A message this
   * device sent arrives on its own, possibly past one the other party wrote meanwhile, so catching
   * up asks for what follows this, never for what follows the last message shown.
   */
  readonly through: number;
}

export const emptyConversation: ConversationState = { messages: [], reads: new Map(), earlier: false, through: 0 };

function withMessages(messages: readonly ChatMessage[], arrived: readonly ChatMessage[]): ChatMessage[] {
  const bySeq = new Map(messages.map((message) => [message.seq, message]));
  for (const message of arrived) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The read positions with `read` taken in, where it is further than what was known. */
export function withRead(reads: ReadonlyMap<string, number>, read: ReadPosition): ReadonlyMap<string, number> {
  if ((reads.get(read.userId) ?? 0) >= read.seq) return reads;
  return new Map(reads).set(read.userId, read.seq);
}

/** The state once a page from the relay has arrived: the newest, one before the first loaded, or one after `through`. */
export function withPage(
  state: ConversationState,
  page: MessagePage,
  asked: 'newest' | 'before' | 'after',
): ConversationState {
  const reads = page.reads.reduce(withRead, state.reads);
  const messages = withMessages(state.messages, page.messages);
  const last = page.messages.at(-1)?.seq ?? state.through;
  return {
    messages,
    reads,
    earlier: asked === 'after' ? state.earlier : page.more,
    through: asked === 'before' ? state.through : Math.max(state.through, last),
  };
}

/** The state once this device's own message is stored: shown at once, without moving `through`. */
export function withSent(state: ConversationState, message: ChatMessage): ConversationState {
  return { ...state, messages: withMessages(state.messages, [message]) };
}

/** The other party's messages not yet marked read: the `seq` to mark read up to, if any. */
export function unreadUpTo(state: ConversationState, own: string): number | undefined {
  const read = state.reads.get(own) ?? 0;
  const newest = state.messages.findLast((message) => message.authorId !== own);
  return newest !== undefined && newest.seq > read ? newest.seq : undefined;
}

/** The `seq` of the person's last message the other party has read, under which "Read" shows. */
export function lastReadOwn(state: ConversationState, own: string): number | undefined {
  const theirs = Math.max(0, ...[...state.reads].filter(([userId]) => userId !== own).map(([, seq]) => seq));
  return state.messages.findLast((message) => message.authorId === own && message.seq <= theirs)?.seq;
}
