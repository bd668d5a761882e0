import {
  changedAnything,
  checkLedgerUpdate,
  closeCodeOf,
  closeReasonOf,
  closeReasons,
  versionRestoreUpdate,
} from '@tally/schema';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type FailureKind, reportFailure } from '../failures.js';
import type { RelayMetrics } from '../metrics.js';
import type { RelayLogger } from '../relay-logger.js';
import { type RelayOptions, relayDefaults } from '../settings/relay-settings.js';
import type { LedgerDocuments } from '../storage/documents/ledger-documents.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import {
  type HeldDoc,
  holdDoc,
  type OffThreadGuard,
  type RestoreEdits,
  type WorkerVerdict,
} from './off-thread-guard.js';
import { type CloseCode, closeCodes, type PeerSocket } from './peer-socket.js';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  parseFrame,
  type SyncMessage,
} from './sync-message.js';
import { TokenBucket } from './token-bucket.js';
import { keepVersion, type VersionPolicy } from './version-policy.js';

/** What one socket may send (B1–B3). */
export type SyncLimits = Pick<
  RelayOptions,
  'maxUpdateBytes' | 'maxStateVectorBytes' | 'maxAwarenessBytes' | 'syncMessagesPerSecond' | 'syncMessageBurst'
>;

export const defaultSyncLimits: SyncLimits = {
  maxUpdateBytes: relayDefaults.maxUpdateBytes,
  maxStateVectorBytes: relayDefaults.maxStateVectorBytes,
  maxAwarenessBytes: relayDefaults.maxAwarenessBytes,
  syncMessagesPerSecond: relayDefaults.syncMessagesPerSecond,
  syncMessageBurst: relayDefaults.syncMessageBurst,
};

export interface RoomOptions {
  /** Compact the update log into a snapshot once it holds this many entries. */
  readonly compactAfter: number;
  readonly limits: SyncLimits;
  /** Whether the document's owner may store this many bytes more, counting them if so (B4); no quota when absent. */
  readonly reserve?: (docId: string, bytes: number) => Promise<boolean>;
  /** Holds large documents, and judges large updates, off the event loop (B5); all on it when absent. */
  readonly offThread?: OffThreadGuard;
  readonly metrics: RelayMetrics;
  /** Where failures are told, with their cause; peers only ever hear "document unavailable". */
  readonly logger: RelayLogger;
  /** Called when the last peer has left. */
  readonly onEmpty: (room: DocRoom) => void;
  /** Called when a peer has received the full document. */
  readonly onSynced?: (peer: PeerSocket) => void;
  /** When the ledger keeps versions of itself, and for how long (R1, R2). */
  readonly versions: VersionPolicy;
  /**
   * Told each accepted update once it is stored and before it is sent on, so what it references is
   * recorded before any peer sees it (BLOB5); it reports its own failures.
   */
  readonly onStored?: (docId: string, update: Uint8Array, seq: number) => Promise<void>;
  /** The other relays on the same database, when there are (C1–C4). */
  readonly bus?: RoomBus;
}

/** What a room tells the other relays with its document open (C1, C4). */
export interface RoomBus {
  publishUpdate(seq: number, update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  /** How long a gap in the document's sequence may stay open before it is read from storage (C2). */
  readonly gapRepairMs: number;
}

/** What a restore wrote: how many records it changed (R3). */
export interface RestoreResult {
  readonly records: number;
}

export interface PeerAccess {
  /** A read-only member's updates are dropped (S7). */
  readonly canWrite: boolean;
}

interface Peer extends PeerAccess {
  readonly awarenessClients: Set<number>;
  /** An update of this peer's that builds on changes the relay lacks (GRD2), judged again with what comes next. */
  held: Uint8Array | null;
  /** The messages this peer may still send (B2). */
  readonly budget: TokenBucket;
  /** Set once it has sent more than its budget: what it sends after is dropped, and it is closed in turn. */
  overBudget: boolean;
}

/** An update this large is judged and applied in a worker, so that other documents keep answering meanwhile (B5). */
export const OFF_THREAD_BYTES = 64 * 1024;

/** A document held as bytes this large is built only in the worker: building it here would hold up everything (B5). */
export const OFF_THREAD_DOC_BYTES = 1024 * 1024;

/** What a peer may hold back while the changes it builds on are missing, before it is asked to reconnect. */
const MAX_HELD_BYTES = 4 * 1024 * 1024;

type Arrival =
  | { readonly kind: 'join'; readonly socket: PeerSocket }
  | { readonly kind: 'over-budget'; readonly socket: PeerSocket }
  | { readonly kind: 'frame'; readonly socket: PeerSocket; readonly frame: Uint8Array }
  | {
      readonly kind: 'restore';
      readonly version: Uint8Array;
      readonly resolve: (result: RestoreResult) => void;
      readonly reject: (error: unknown) => void;
    }
  /** Another relay stored updates: apply those that come next in the document's sequence (C1). */
  | { readonly kind: 'heard' }
  /** Read from storage what this room may have missed (C2, C3). */
  | { readonly kind: 'repair' };

/**
 * One document and the peers editing it. Arrivals are handled in order, and only after the
 * stored document has loaded completely (P1). Updates that arrive together are applied
 * together, stored together, and only then sent to every peer, the sender included (P2).
 */
export class DocRoom {
  /** The ledger, built here; empty while it is held as bytes (`held`). */
  private doc = ledgerDoc();
  /** Presence needs no ledger: it has a document of its own. */
  readonly awareness = new awarenessProtocol.Awareness(ledgerDoc());
  private readonly peers = new Map<PeerSocket, Peer>();
  /** Frames a peer sent before leaving are still handled; frames after a refused one are not. */
  private readonly refused = new WeakSet<PeerSocket>();
  private readonly access = new WeakMap<PeerSocket, PeerAccess>();
  private readonly arrivals: Arrival[] = [];
  private draining = false;
  private queue: Promise<void>;
  private unsavedAppends: Promise<void>[] = [];
  private unsentUpdates: Uint8Array[] = [];
  private logLength = 0;
  private lastSeq = 0;
  /** Every stored update up to this sequence number is in the room's document (C2). */
  private heldSeq = 0;
  /** The newest number storage was last seen to hold (C10): one past `heldSeq` is a gap, whether heard of or not. */
  private storedSeq = 0;
  /** Stored updates numbered past `heldSeq`: stored by this room (null: in the document already) or heard from another relay. */
  private readonly ahead = new Map<number, Uint8Array | null>();
  private gapTimer: NodeJS.Timeout | undefined;
  private failed = false;
  /** When the newest stored version was taken; null before the first. */
  private lastVersionAt: number | null = null;
  /** Versions being stored and thinned: they never hold up syncing, but closing waits for them. */
  private versionWork: Promise<void> = Promise.resolve();
  /**
   * The ledger as bytes, while no Y.Doc of it is built here. A freshly compacted document is kept
   * as its stored bytes until something needs the Y.Doc: a peer that has nothing yet is sent those
   * bytes at once, which is most of a cold start. A large one (`OFF_THREAD_DOC_BYTES`), or one that
   * received a large update, stays so: the worker holds its Y.Doc (B5).
   */
  private held: HeldDoc | null = null;

  constructor(
    readonly docId: string,
    private readonly documents: LedgerDocuments,
    private readonly options: RoomOptions,
    previousRoomClosed: Promise<void> = Promise.resolve(),
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.queue = previousRoomClosed.then(() => this.load()).catch((error: unknown) => this.fail('load', error));
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** True once loading or storing has failed: the room only refuses peers until it is unloaded. */
  get broken(): boolean {
    return this.failed;
  }

  /** Resolves once everything that has arrived so far has been handled and stored. */
  async settled(): Promise<void> {
    while (this.draining) await this.queue;
    await this.queue;
  }

  join(socket: PeerSocket, access: PeerAccess): void {
    const { syncMessagesPerSecond, syncMessageBurst } = this.options.limits;
    this.peers.set(socket, {
      ...access,
      awarenessClients: new Set(),
      held: null,
      budget: new TokenBucket(syncMessagesPerSecond, syncMessageBurst),
      overBudget: false,
    });
    this.access.set(socket, access);
    if (this.failed) this.reject(socket, closeCodes.internalError, 'document unavailable');
    else this.arrive({ kind: 'join', socket });
  }

  receive(socket: PeerSocket, frame: Uint8Array): void {
    this.options.metrics.bytesIn += frame.byteLength;
    const peer = this.peers.get(socket);
    if (peer?.overBudget) return;
    if (peer !== undefined && !peer.budget.take()) {
      // What it sent within its budget is still handled, in order; then it is closed (B2).
      peer.overBudget = true;
      this.arrive({ kind: 'over-budget', socket });
      return;
    }
    this.arrive({ kind: 'frame', socket, frame });
  }

  leave(socket: PeerSocket): void {
    const peer = this.peers.get(socket);
    if (peer === undefined) return;
    this.peers.delete(socket);
    if (peer.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], null);
    }
    if (this.peers.size === 0) this.options.onEmpty(this);
  }

  /**
   * Writes the values of an earlier version back as new edits, after everything that arrived
   * before, and sends them to every peer once stored (R3). The ledger as it stood is kept as a
   * version first, so the restore can be undone.
   */
  restore(version: Uint8Array): Promise<RestoreResult> {
    return new Promise((resolve, reject) => {
      if (this.failed) reject(new Error('document unavailable'));
      else this.arrive({ kind: 'restore', version, resolve, reject });
    });
  }

  /** An update another relay stored under `seq`, heard on the bus (C1); applied in the document's order. */
  hearUpdate(seq: number, update: Uint8Array): void {
    if (this.failed || seq <= this.heldSeq || this.ahead.has(seq)) return;
    this.ahead.set(seq, update);
    this.arrive({ kind: 'heard' });
  }

  /**
   * The newest number storage holds for the document, read by the periodic check (C10): one the
   * room has neither applied nor heard of is a gap, as if heard, for an update whose message was
   * lost and that no later update reveals.
   */
  noticeStoredSeq(seq: number): void {
    if (this.failed || seq <= this.heldSeq || this.ahead.has(seq)) return;
    this.storedSeq = Math.max(this.storedSeq, seq);
    this.watchGap();
  }

  /** Presence on another relay (C4): passed on to this room's peers, never back to the bus. */
  hearAwareness(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, heardOrigin);
    } catch {
      // Presence is best effort: a message this relay cannot read is dropped.
    }
  }

  /** Reads what the room may have missed from storage, after what has arrived so far (C3). */
  repair(): void {
    if (!this.failed) this.arrive({ kind: 'repair' });
  }

  /** Waits for pending work, folds the log into a snapshot and frees the document; rejects if folding failed. */
  async close(): Promise<void> {
    clearTimeout(this.gapTimer);
    await this.settled();
    await this.versionWork;
    try {
      if (!this.failed && this.logLength > 0) await this.compact();
    } finally {
      if (this.held !== null) this.options.offThread?.drop(this.held);
      this.awareness.destroy();
      this.doc.destroy();
    }
  }

  private arrive(arrival: Arrival): void {
    this.arrivals.push(arrival);
    if (this.draining) return;
    this.draining = true;
    this.queue = this.queue.then(() => this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.arrivals.length > 0 && !this.failed) {
        for (const arrival of this.arrivals.splice(0)) {
          if (arrival.kind === 'restore') {
            await this.restoreVersion(arrival);
            continue;
          }
          if (arrival.kind === 'heard' || arrival.kind === 'repair') {
            await this.catchUp(arrival.kind === 'repair');
            continue;
          }
          if (this.failed || this.refused.has(arrival.socket)) continue;
          try {
            if (arrival.kind === 'join') await this.greet(arrival.socket);
            else if (arrival.kind === 'over-budget')
              this.refuse(arrival.socket, closeCodes.tryAgainLater, 'too many messages');
            else await this.handle(arrival.socket, arrival.frame);
          } catch (error) {
            // Once the room has failed, the failure has been reported and every peer told.
            if (this.failed) continue;
            reportFailure(this.options, 'message', error, { docId: this.docId });
            this.reject(arrival.socket, closeCodes.internalError, 'internal error');
          }
        }
        await this.flush();
      }
    } catch (error) {
      // `flush` reports its own failures; this only keeps the room from stalling on anything else.
      this.fail('store', error);
    } finally {
      for (const arrival of this.arrivals.splice(0)) {
        if (arrival.kind === 'restore') arrival.reject(new Error('document unavailable'));
      }
      this.draining = false;
    }
  }

  private async restoreVersion(arrival: Extract<Arrival, { kind: 'restore' }>): Promise<void> {
    try {
      if (this.failed) throw new Error('document unavailable');
      await this.flush();
      const { update, records, before } = await this.restoreEdits(arrival.version);
      if (update !== null && before !== null) {
        this.keepVersionOf(before, Date.now());
        // The restore is accepted like any device's update: the same checks, stored, then sent to every peer.
        const restorer = relaySocket();
        await this.accept(restorer, update);
        if (this.refused.has(restorer)) throw new Error('the restore was refused');
        await this.flush();
      }
      arrival.resolve({ records });
    } catch (error) {
      arrival.reject(error);
    }
  }

  /**
   * The edits that write a version back: made in the worker when the ledger lives there or the
   * version is large (B5), since building both ledgers takes seconds for a large one.
   */
  private async restoreEdits(version: Uint8Array): Promise<RestoreEdits> {
    const { offThread } = this.options;
    if (offThread !== undefined && (this.worker() !== undefined || version.byteLength >= OFF_THREAD_DOC_BYTES)) {
      return offThread.restore(this.held ?? this.moveToWorker(), version);
    }
    const doc = this.built();
    const { update, records } = versionRestoreUpdate(doc, version);
    return { update, records, before: update === null ? null : Y.encodeStateAsUpdate(doc) };
  }

  /** Holds the ledger as bytes from now on, so the worker builds it and keeps it (B5). */
  private moveToWorker(): HeldDoc {
    const held = holdDoc(this.docId, Y.encodeStateAsUpdate(this.doc), Y.encodeStateVector(this.doc));
    this.held = held;
    this.doc.destroy();
    this.doc = ledgerDoc();
    return held;
  }

  private async load(): Promise<void> {
    const [newest] = await this.documents.listVersions(this.docId);
    this.lastVersionAt = newest?.takenAt ?? null;
    const stored = await this.documents.load(this.docId);
    this.logLength = stored.updates.length;
    this.lastSeq = stored.lastSeq;
    this.heldSeq = stored.lastSeq;
    const { snapshot, stateVector, updates } = stored;
    if (snapshot !== null && stateVector !== null) {
      const held = holdDoc(this.docId, snapshot, stateVector, [...updates]);
      if (updates.length === 0) {
        this.held = held;
        return;
      }
      if (this.options.offThread !== undefined && held.bytes >= OFF_THREAD_DOC_BYTES) {
        // Its log is folded in the worker (in memory: storage is compacted as usual).
        this.held = (await this.options.offThread.state(held, true)).next;
        return;
      }
    }
    rebuildDoc(stored, this.doc);
    dropPending(this.doc);
  }

  /** The Y.Doc with everything stored in it, built here if it was held as bytes. */
  private built(): Y.Doc {
    const held = this.held;
    if (held !== null) {
      this.held = null;
      this.options.offThread?.drop(held);
      rebuildDoc({ snapshot: held.snapshot, updates: held.tail }, this.doc);
      dropPending(this.doc);
    }
    return this.doc;
  }

  /** The worker that holds this room's document, when it is held as bytes and large (B5). */
  private worker(): OffThreadGuard | undefined {
    return this.held !== null && this.held.bytes >= OFF_THREAD_DOC_BYTES ? this.options.offThread : undefined;
  }

  private stateVector(): Uint8Array {
    return this.held?.stateVector ?? Y.encodeStateVector(this.doc);
  }

  /** Reports what broke the room, once, and refuses every peer from now on. */
  private fail(kind: Extract<FailureKind, 'load' | 'store' | 'compact'>, error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    reportFailure(this.options, kind, error, { docId: this.docId });
    for (const socket of [...this.peers.keys()]) this.reject(socket, closeCodes.internalError, 'document unavailable');
  }

  private async greet(socket: PeerSocket): Promise<void> {
    await this.flush();
    // Our state vector asks the peer for whatever it has that the relay lacks.
    this.send(socket, encodeSyncStep1(this.stateVector()));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) {
      this.send(socket, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
    }
  }

  private async handle(socket: PeerSocket, frame: Uint8Array): Promise<void> {
    const parsed = parseFrame(frame);
    if (!parsed.ok) {
      this.refuse(socket, parsed.code, parsed.reason);
      return;
    }
    const message = parsed.message;
    const tooLarge = this.tooLarge(message);
    if (tooLarge !== undefined) {
      this.refuse(socket, closeCodes.messageTooBig, tooLarge);
      return;
    }
    switch (message.kind) {
      case 'sync-step-1':
        if (!isStateVector(message.stateVector)) {
          this.refuse(socket, closeCodes.policyViolation, 'malformed state vector');
          return;
        }
        // The reply may only hold what is stored.
        await this.flush();
        this.send(socket, encodeSyncStep2(await this.missingFrom(message.stateVector)));
        this.options.onSynced?.(socket);
        return;
      case 'sync-step-2':
      case 'update':
        if (this.access.get(socket)?.canWrite !== true || isEmptyUpdate(message.update)) return;
        // An update message is passed on as it came; a first sync's update is sent on as an update.
        await this.acceptKeepingVersion(socket, message.update, message.kind === 'update' ? frame : undefined);
        return;
      case 'awareness':
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, socket);
        } catch {
          this.refuse(socket, closeCodes.policyViolation, 'malformed awareness');
        }
        return;
      case 'query-awareness':
        this.send(
          socket,
          encodeAwareness(
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
          ),
        );
        return;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  }

  /** Why a message is larger than a socket may send (B1), if it is. */
  private tooLarge(message: SyncMessage): string | undefined {
    const { maxUpdateBytes, maxStateVectorBytes, maxAwarenessBytes } = this.options.limits;
    switch (message.kind) {
      case 'sync-step-1':
        return message.stateVector.byteLength > maxStateVectorBytes ? 'state vector too large' : undefined;
      case 'update':
        return message.update.byteLength > maxUpdateBytes ? 'update too large' : undefined;
      case 'awareness':
        return message.update.byteLength > maxAwarenessBytes ? 'awareness too large' : undefined;
      default:
        // A first sync's update is bounded by the frame limit alone: it carries the whole ledger.
        return undefined;
    }
  }

  /**
   * What a peer with this state vector lacks. A peer with nothing, a new device, of a ledger held
   * as one stored piece is sent that piece as stored (P7), with nothing encoded for it.
   */
  private async missingFrom(stateVector: Uint8Array): Promise<Uint8Array> {
    const held = this.held;
    // Only a peer holding nothing is sent a stored piece; looking for one passes over the tail, so it is asked second.
    const whole = held === null || Y.decodeStateVector(stateVector).size > 0 ? undefined : onePiece(held);
    if (whole !== undefined) return whole;
    const worker = this.worker();
    if (held !== null && worker !== undefined) return worker.missing(held, stateVector);
    return Y.encodeStateAsUpdate(this.built(), stateVector);
  }

  /**
   * Judges an update with the ledger's guard (GRD1–GRD8, SPEC V1) and, if it passes, applies it
   * and starts storing what it changed; `flush` sends it once stored. A refused update is neither
   * stored nor sent, and closes its socket with the refusal as its reason.
   */
  private async accept(socket: PeerSocket, update: Uint8Array, message?: Uint8Array): Promise<void> {
    // A peer that has left meanwhile still has its update judged; nothing of it is held for later.
    const peer = this.peers.get(socket) ?? {
      canWrite: true,
      awarenessClients: new Set<number>(),
      held: null,
      budget: new TokenBucket(0, 0),
      overBudget: false,
    };
    if (peer.held === null) {
      if (await this.judgeAndApply(socket, peer, update, message)) await this.retryHeld(socket);
      return;
    }
    let whole: Uint8Array;
    try {
      whole = Y.mergeUpdates([peer.held, update]);
    } catch {
      this.refuse(socket, closeCodes.policyViolation, 'malformed update');
      return;
    }
    peer.held = null;
    if (await this.judgeAndApply(socket, peer, whole)) await this.retryHeld(socket);
  }

  /**
   * Judges an update and applies it if accepted: in the worker when the update or the document is
   * large (B5), here otherwise. Whether it changed the document.
   */
  private async judge(socket: PeerSocket, update: Uint8Array): Promise<{ verdict: WorkerVerdict; changed: boolean }> {
    const { offThread } = this.options;
    // The document moves to the worker as it stands, and stays there.
    if (offThread !== undefined && this.held === null && update.byteLength >= OFF_THREAD_BYTES) this.moveToWorker();
    const held = this.held;
    if (
      held !== null &&
      offThread !== undefined &&
      (this.worker() !== undefined || update.byteLength >= OFF_THREAD_BYTES)
    ) {
      return offThread.judge(held, update);
    }
    const doc = this.built();
    const verdict = checkLedgerUpdate(doc, update);
    if (verdict.verdict !== 'accepted') return { verdict, changed: false };
    let changed = false;
    const observe = (transaction: Y.Transaction): void => {
      changed = changedAnything(transaction);
    };
    doc.on('afterTransaction', observe);
    try {
      Y.applyUpdate(doc, verdict.update, socket);
    } catch {
      return { verdict: malformed, changed: false };
    } finally {
      doc.off('afterTransaction', observe);
    }
    return { verdict, changed };
  }

  /**
   * Whether the update changed the document. What is stored and sent is the update as received
   * (the document never holds changes pending: GRD2), never re-encoded: `message`, the frame it
   * came in, is passed on to every peer as it is.
   */
  private async judgeAndApply(
    socket: PeerSocket,
    peer: Peer,
    update: Uint8Array,
    message?: Uint8Array,
  ): Promise<boolean> {
    const { verdict, changed } = await this.judge(socket, update);
    if (verdict.verdict === 'incomplete') {
      if (update.byteLength > MAX_HELD_BYTES) {
        this.refuse(socket, closeCodes.tryAgainLater, 'incomplete update');
      } else {
        peer.held = update;
      }
      return false;
    }
    if (verdict.verdict === 'refused' && verdict.reason === 'malformed') {
      this.refuse(socket, closeCodes.policyViolation, 'malformed update');
      return false;
    }
    if (verdict.verdict === 'refused') {
      this.options.metrics.updatesRefused++;
      this.options.logger.info(
        {
          docId: this.docId,
          reason: verdict.reason,
          detail: verdict.message,
          ...(verdict.collection !== undefined && { collection: verdict.collection }),
          ...(verdict.recordId !== undefined && { recordId: verdict.recordId }),
          ...(verdict.field !== undefined && { field: verdict.field }),
        },
        'update refused',
      );
      this.reject(socket, closeCodeOf(verdict), closeReasonOf(verdict));
      return false;
    }
    if (!changed) return false;
    this.store(update, message ?? encodeUpdate(update));
    return true;
  }

  /** Starts storing an accepted update; `flush` sends `message` once it is stored (P2). */
  private store(update: Uint8Array, message: Uint8Array): void {
    const started = performance.now();
    this.unsavedAppends.push(
      this.documents.appendUpdate(this.docId, update).then(async (seq) => {
        this.lastSeq = Math.max(this.lastSeq, seq);
        if (this.options.bus !== undefined) {
          // Stored first, then told to the other relays (P2 across relays, C1).
          if (seq > this.heldSeq) this.ahead.set(seq, null);
          this.options.bus.publishUpdate(seq, update);
        }
        this.options.metrics.observePersist(performance.now() - started);
        this.options.metrics.updatesAccepted++;
        await this.options.onStored?.(this.docId, update, seq);
      }),
    );
    this.unsentUpdates.push(message);
    this.logLength++;
  }

  /** Another peer's held update may be complete now that the document holds more (GRD2). */
  private async retryHeld(after: PeerSocket): Promise<void> {
    for (const [socket, peer] of [...this.peers]) {
      if (socket === after || peer.held === null) continue;
      const held = peer.held;
      peer.held = null;
      await this.judgeAndApply(socket, peer, held);
    }
  }

  /**
   * Accepts an update; when a version is due and the update changes the ledger, keeps the ledger as
   * it stood first (R1). The update and that version are counted against the owner's quota (B4).
   */
  private async acceptKeepingVersion(socket: PeerSocket, update: Uint8Array, message?: Uint8Array): Promise<void> {
    const now = Date.now();
    const before = this.versionDue(now) ? await this.currentState() : null;
    const bytes = update.byteLength + (before?.byteLength ?? 0);
    if (this.options.reserve && !(await this.options.reserve(this.docId, bytes))) {
      this.refuse(socket, closeCodes.policyViolation, closeReasons.quotaReached);
      return;
    }
    const stored = this.logLength;
    await this.accept(socket, update, message);
    if (before !== null && this.logLength > stored) this.keepVersionOf(before, now);
  }

  /** Whether a change now should first keep the ledger as it stands (R1): never for an empty one. */
  private versionDue(now: number): boolean {
    if (this.lastVersionAt !== null && now - this.lastVersionAt < this.options.versions.everyMs) return false;
    // An empty state vector is one byte: no clients.
    return this.held !== null ? this.held.stateVector.byteLength > 1 : this.doc.store.clients.size > 0;
  }

  private async currentState(): Promise<Uint8Array> {
    const held = this.held;
    if (held !== null && held.tail.length === 0) return held.snapshot;
    const worker = this.worker();
    if (held !== null && worker !== undefined) return (await worker.state(held, false)).state;
    return Y.encodeStateAsUpdate(this.built());
  }

  /** Stores a version of the ledger and thins the older ones (R1, R2); a failure is reported, syncing goes on. */
  private keepVersionOf(state: Uint8Array, takenAt: number): void {
    this.lastVersionAt = takenAt;
    const { documents, docId } = this;
    this.versionWork = this.versionWork.then(async () => {
      try {
        await keepVersion(documents, docId, state, takenAt, this.options.versions);
      } catch (error) {
        reportFailure(this.options, 'version', error, { docId });
      }
    });
  }

  /** Waits until every accepted update is stored, then sends them all to every peer. */
  private async flush(): Promise<void> {
    if (this.unsavedAppends.length === 0) return;
    const appends = this.unsavedAppends;
    const updates = this.unsentUpdates;
    this.unsavedAppends = [];
    this.unsentUpdates = [];
    try {
      await Promise.all(appends);
    } catch (error) {
      // The document now holds updates that are not stored: it must not answer anyone again.
      this.fail('store', error);
      throw error;
    }
    for (const message of updates) {
      for (const peer of this.peers.keys()) this.send(peer, message);
    }
    if (this.options.bus !== undefined) await this.catchUp(false);
    if (this.logLength < this.options.compactAfter) return;
    try {
      await this.compact();
    } catch (error) {
      this.fail('compact', error);
      throw error;
    }
  }

  /**
   * Applies the updates other relays stored, in the document's order, and sends each to this
   * room's peers (C1). A gap — an update numbered past one the room has not seen — is waited for
   * `gapRepairMs`, then read from storage, which holds every update below a number anyone has
   * seen (C2); so does `repair`, whatever the room has seen (C3). Storage is the truth: the bus
   * only says when to look.
   */
  private async catchUp(repair: boolean): Promise<void> {
    try {
      let changed = repair && (await this.readMissed());
      for (const seq of this.ahead.keys()) if (seq <= this.heldSeq) this.ahead.delete(seq);
      for (let next = this.ahead.get(this.heldSeq + 1); next !== undefined; next = this.ahead.get(this.heldSeq + 1)) {
        this.ahead.delete(this.heldSeq + 1);
        this.heldSeq++;
        if (next === null) continue;
        if (await this.applyHeard(next)) {
          this.sendToAll(encodeUpdate(next));
          changed = true;
        }
        this.logLength++;
      }
      // A peer's update held for changes the relay lacked may build on these (GRD2).
      if (changed) await this.retryHeld(relaySocket());
    } catch (error) {
      reportFailure(this.options, 'repair', error, { docId: this.docId });
    }
    this.watchGap();
  }

  /**
   * What storage holds past `heldSeq` and the room lacks, applied and sent to its peers as one
   * update (C2, C3); whether there was any. Only the updates stored since are read, unless a
   * compaction folded some of them (C10).
   */
  private async readMissed(): Promise<boolean> {
    await this.flush();
    const stored = await this.documents.loadSince(this.docId, this.heldSeq);
    const missed = await this.applyStored([...(stored.snapshot === null ? [] : [stored.snapshot]), ...stored.updates]);
    this.heldSeq = Math.max(this.heldSeq, stored.lastSeq);
    this.lastSeq = Math.max(this.lastSeq, stored.lastSeq);
    this.logLength =
      stored.snapshot === null
        ? this.logLength + stored.updates.length
        : Math.max(this.logLength, stored.updates.length);
    if (missed !== null) this.sendToAll(encodeUpdate(missed));
    return missed !== null;
  }

  /**
   * Applies stored updates, already judged by the relay that stored them; what they changed, or
   * null. A ledger the worker holds is changed there (B5).
   */
  private async applyStored(updates: readonly Uint8Array[]): Promise<Uint8Array | null> {
    const held = this.held;
    const worker = this.worker();
    if (held !== null && worker !== undefined) {
      const changes: Uint8Array[] = [];
      for (const update of updates) if ((await worker.judge(held, update)).changed) changes.push(update);
      return changes.length === 0 ? null : Y.mergeUpdates(changes);
    }
    const doc = this.built();
    const changes: Uint8Array[] = [];
    const collect = (update: Uint8Array): void => {
      changes.push(update);
    };
    doc.on('update', collect);
    try {
      Y.transact(doc, () => {
        for (const update of updates) Y.applyUpdate(doc, update, heardOrigin);
      });
    } finally {
      doc.off('update', collect);
      dropPending(doc);
    }
    return changes.length === 0 ? null : Y.mergeUpdates(changes);
  }

  /**
   * Applies an update another relay stored and judged (C1); whether it changed the document.
   * Nothing is encoded: the update goes on to this room's peers as it came.
   */
  private async applyHeard(update: Uint8Array): Promise<boolean> {
    const held = this.held;
    const worker = this.worker();
    if (held !== null && worker !== undefined) return (await worker.judge(held, update)).changed;
    const doc = this.built();
    let changed = false;
    const observe = (transaction: Y.Transaction): void => {
      changed = changedAnything(transaction);
    };
    doc.on('afterTransaction', observe);
    try {
      Y.applyUpdate(doc, update, heardOrigin);
    } finally {
      doc.off('afterTransaction', observe);
      dropPending(doc);
    }
    return changed;
  }

  /** A gap left open is read from storage after `gapRepairMs` (C2). */
  private watchGap(): void {
    const bus = this.options.bus;
    if (bus === undefined || (this.ahead.size === 0 && this.storedSeq <= this.heldSeq)) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
      return;
    }
    if (this.gapTimer !== undefined) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      this.repair();
    }, bus.gapRepairMs);
    this.gapTimer.unref();
  }

  private sendToAll(message: Uint8Array): void {
    for (const peer of this.peers.keys()) this.send(peer, message);
  }

  private async compact(): Promise<void> {
    const held = this.held;
    const worker = this.worker();
    if (held !== null && worker !== undefined) {
      const { state, stateVector, next } = await worker.state(held, true);
      await this.documents.compact(this.docId, state, stateVector, this.lastSeq);
      this.held = next;
    } else {
      const doc = this.built();
      await this.documents.compact(this.docId, Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), this.lastSeq);
    }
    this.logLength = 0;
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const from = origin === null ? undefined : this.peers.get(origin as PeerSocket);
    if (from !== undefined) {
      for (const client of added) from.awarenessClients.add(client);
      for (const client of removed) from.awarenessClients.delete(client);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.sendToAll(encodeAwareness(update));
    // Presence heard from another relay, or timed out here, is that relay's to tell (C4).
    if (origin !== heardOrigin && origin !== 'timeout') this.options.bus?.publishAwareness(update);
  };

  private send(socket: PeerSocket, message: Uint8Array): void {
    if (!socket.isOpen()) return;
    this.options.metrics.bytesOut += message.byteLength;
    socket.send(message);
  }

  /** Closes the socket of a peer that sent what no honest y-websocket peer sends (P5). */
  private refuse(socket: PeerSocket, code: CloseCode, reason: string): void {
    this.options.logger.info({ docId: this.docId, code, reason }, 'sync frame refused');
    this.reject(socket, code, reason);
  }

  private reject(socket: PeerSocket, code: CloseCode, reason: string): void {
    this.options.metrics.framesRefused++;
    this.refused.add(socket);
    this.leave(socket);
    socket.close(code, reason);
  }
}

/**
 * A Y.Doc for the room. Its guid names it only among subdocuments, which a ledger has none of: a
 * fixed one spares the 31 calls to the system's random source that making a fresh one costs.
 */
function ledgerDoc(): Y.Doc {
  return new Y.Doc({ gc: true, guid: 'ledger' });
}

/** The origin of changes another relay stored or told: they are never sent back to the bus. */
const heardOrigin = Symbol('heard from another relay');

/** The relay itself as the sender of a restore: it receives nothing, and is never a peer. */
function relaySocket(): PeerSocket {
  return { send: () => {}, close: () => {}, isOpen: () => false };
}

function isStateVector(bytes: Uint8Array): boolean {
  try {
    Y.decodeStateVector(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Changes a stored document held pending since before the relay guarded updates may never
 * complete, and would make every update wait on them: they were never applied, and a device
 * holding them sends them again (GRD2).
 */
function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

const malformed: WorkerVerdict = {
  verdict: 'refused',
  reason: 'malformed',
  message: 'Yjs could not apply the update',
  retry: false,
};

/** What a peer with nothing to add sends as its sync step 2: no structs, no deletions. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * The whole ledger as one stored update, when the room holds it so: a snapshot with no update
 * since (loaded from storage), or one update over an empty snapshot (a first sync that moved the
 * room to the worker). Otherwise undefined: merging the pieces needs the ledger built.
 */
function onePiece(held: HeldDoc): Uint8Array | undefined {
  const pieces = [held.snapshot, ...held.tail].filter((piece) => !isEmptyUpdate(piece));
  if (pieces.length > 1) return undefined;
  return pieces[0] ?? held.snapshot;
}
