import { closeCodes, closeReasons, onDocumentChange, refusalInCloseReason } from '@tally/schema';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1, messageYjsUpdate } from 'y-protocols/sync';
import { messageSync } from 'y-websocket';
import * as Y from 'yjs';
import { LedgerProvider } from './ledger-provider.js';
import type { LinkState } from './sync-state.js';

/** What the link tells the one who made it. */
export interface LinkEvents {
  /** Something the sync state is made from changed: the connection, the ledger, or what the relay stores. */
  changed(): void;
  /** The relay refused the connection or ended it: the token may have expired, or the device been revoked. */
  refused(): void;
  /** The relay ended the connection because this device sent more than it takes in one frame. */
  tooLarge(): void;
  /** The relay ended the connection because its admin disabled the account. */
  disabled(): void;
  /** The relay refused what this device sent: its ledger's guard found data no ledger may hold (relay SPEC V1). */
  refusedData(): void;
  /** The relay refused what this device sent because the ledger's owner has as much stored as the relay keeps for one account. */
  storageFull(): void;
  /** The relay ended the connection because its access token expired; the provider reconnects by itself. */
  tokenExpired(): void;
  /** The relay ended the connection because the account's role in the ledger changed, or it was removed from it. */
  membershipChanged(): void;
}

export interface LinkTarget {
  /** `ws(s)://host/sync`, where the provider appends the document id. */
  readonly syncUrl: string;
  readonly docId: string;
  readonly accessToken: string;
}

export interface LinkOptions {
  /** The WebSocket class to connect with; the browser's when not given (Node has none of its own). */
  readonly WebSocket?: typeof WebSocket | undefined;
}

/** Close codes after which a device does not reconnect on its own. */
const finalCloseCodes: ReadonlySet<number> = new Set([
  closeCodes.policyViolation,
  closeCodes.messageTooBig,
  closeCodes.accountDisabled,
  closeCodes.membershipEnded,
]);

/**
 * The y-websocket provider (stock but for how tabs catch up, `LedgerProvider`) between this
 * device's ledger and the relay, and what the relay is known to store. The relay sends its state
 * vector when a connection opens, and sends every update back, the sender's own included, once it
 * has stored it; the link keeps the largest clock it has heard of per Yjs client, so a write is
 * known to be stored on the relay once it returns.
 */
export class RelayLink {
  private readonly provider: LedgerProvider;
  private stored = new Map<number, number>();
  private opened = false;
  /** False once destroyed: the provider's last events, as it closes, are nobody's business. */
  private live = true;
  private readonly stopFollowing: () => void;

  constructor(
    private readonly doc: Y.Doc,
    target: LinkTarget,
    private readonly events: LinkEvents,
    options: LinkOptions = {},
  ) {
    const provider = new LedgerProvider(target.syncUrl, target.docId, doc, {
      params: { token: target.accessToken },
      // Retrying cannot help after these: a revoked device asks the relay instead, a refused
      // large update waits for the relay's limit to change, a disabled account or a member
      // removed from the ledger may no longer open it.
      shouldReconnect: (event) => !finalCloseCodes.has(event.code),
      maxBackoffTime: 5_000,
      ...(options.WebSocket && { WebSocketPolyfill: options.WebSocket }),
    });
    this.provider = provider;
    this.hearRelayMessages();
    provider.on('status', ({ status }) => {
      // A new connection knows nothing yet of what the relay stores.
      if (status === 'connecting') this.stored = new Map();
      if (status === 'connected') this.opened = true;
      this.changed();
    });
    provider.on('sync', () => this.changed());
    provider.on('connection-close', (event) => {
      // The relay closes a socket when its token expires; the provider reconnects with the token
      // renewed a minute before, or, if the device slept through that, with one renewed now.
      if (event?.code === closeCodes.tokenExpired && this.live) events.tokenExpired();
      // The provider reconnects with the new role; the app asks the relay what it is before writing again.
      else if ((event?.code === closeCodes.roleChanged || event?.code === closeCodes.membershipEnded) && this.live)
        events.membershipChanged();
      // The relay says which rule the data broke; after 1013 the provider reconnects and sends all it has.
      else if (event && refusalInCloseReason(event.reason) !== undefined && this.live) events.refusedData();
      // Refused before opening: the token may have expired while the device slept, or been revoked.
      else if (!this.opened && this.live) events.refused();
      this.opened = false;
    });
    provider.on('closed', ({ code, reason }) => {
      if (!this.live || refusalInCloseReason(reason) !== undefined) return;
      if (code === closeCodes.messageTooBig) events.tooLarge();
      else if (code === closeCodes.accountDisabled) events.disabled();
      else if (reason === closeReasons.quotaReached) events.storageFull();
      else events.refused();
    });
    this.stopFollowing = onDocumentChange(doc, this.changed);
  }

  state(): LinkState {
    return {
      connected: this.provider.wsconnected,
      received: this.provider.synced,
      held: Y.decodeStateVector(Y.encodeStateVector(this.doc)),
      stored: this.stored,
    };
  }

  /** Connects with a fresh access token from now on, and again at once if the relay had stopped it. */
  renewToken(accessToken: string): void {
    this.provider.params = { token: accessToken };
    if (!this.provider.shouldConnect) this.provider.connect();
  }

  destroy(): void {
    this.live = false;
    this.stopFollowing();
    this.provider.destroy();
  }

  private readonly changed = (): void => {
    if (this.live) this.events.changed();
  };

  /**
   * Learns from each sync message of the relay what it stores, before the provider applies it:
   * the relay stores what it sends first, so the state shown never counts an update it sent as
   * not yet stored, not even while it is being applied.
   */
  private hearRelayMessages(): void {
    const handlers = this.provider.messageHandlers;
    const applySync = handlers[messageSync];
    if (applySync === undefined) throw new Error('the y-websocket provider has no handler for sync messages');
    handlers[messageSync] = (encoder, decoder, provider, fromSocket, messageType) => {
      // Messages from another tab of this device (over BroadcastChannel) say nothing of the relay.
      const heard = fromSocket && this.hear(decoding.clone(decoder));
      applySync(encoder, decoder, provider, fromSocket, messageType);
      if (heard) this.changed();
    };
  }

  /** Whether the message told anything new of what the relay stores. */
  private hear(message: decoding.Decoder): boolean {
    const kind = decoding.readVarUint(message);
    if (kind === messageYjsSyncStep1) {
      this.stored = new Map(Y.decodeStateVector(decoding.readVarUint8Array(message)));
      return true;
    }
    if (kind === messageYjsUpdate) {
      // The relay holds what it sends without gaps: a client's clock here means all of its writes before it.
      for (const [client, clock] of Y.parseUpdateMeta(decoding.readVarUint8Array(message)).to) {
        if (clock > (this.stored.get(client) ?? 0)) this.stored.set(client, clock);
      }
      return true;
    }
    // Its answer to this device's state vector holds nothing the relay had not said it stores,
    // or sent since (it stores and sends each update before it answers): it is not read again,
    // which would cost a fresh device half a second on a 100,000-transaction ledger.
    return false;
  }
}
