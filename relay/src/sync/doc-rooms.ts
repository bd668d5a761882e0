import type { BusListener, RelayBus } from '../bus/relay-bus.js';
import { reportFailure } from '../failures.js';
import type { RelayMetrics } from '../metrics.js';
import type { RelayLogger } from '../relay-logger.js';
import { relayDefaults } from '../settings/relay-settings.js';
import type { LedgerDocuments } from '../storage/documents/ledger-documents.js';
import { DocRoom, defaultSyncLimits, type RestoreResult, type SyncLimits } from './doc-room.js';
import type { OffThreadGuard } from './off-thread-guard.js';
import type { PeerSocket } from './peer-socket.js';
import { type VersionPolicy, versionPolicy } from './version-policy.js';

export interface DocRoomsOptions {
  readonly documents: LedgerDocuments;
  readonly metrics: RelayMetrics;
  readonly logger: RelayLogger;
  /** How long a document stays in memory after its last peer leaves. */
  readonly unloadAfterMs: number;
  readonly compactAfter: number;
  /** What one socket may send; the settings' defaults when not given. */
  readonly limits?: SyncLimits;
  /** Counts what each document's owner stores against its quota (B4); no quota when absent. */
  readonly reserve?: (docId: string, bytes: number) => Promise<boolean>;
  /** Judges large updates off the event loop (B5). */
  readonly offThread?: OffThreadGuard;
  readonly onSynced?: (peer: PeerSocket) => void;
  /** When ledgers keep versions of themselves (R1, R2); the settings' defaults unless given. */
  readonly versions?: VersionPolicy;
  /** Told each accepted update once it is stored, before it is sent on (BLOB5). */
  readonly onStored?: (docId: string, update: Uint8Array, seq: number) => Promise<void>;
  /** The other relays on the same database (C1–C4); this relay alone when absent. */
  readonly bus?: RelayBus;
  /** How long a gap in a document's sequence may stay open before it is read from storage (C2). */
  readonly gapRepairMs?: number;
  /** How often, with a bus, the open documents' newest stored numbers are compared with what their rooms hold (C10). */
  readonly sequenceCheckMs?: number;
}

/** A gap this old is read from storage: an update heard out of order usually has its predecessor right behind it. */
export const defaultGapRepairMs = 100;

/** The documents held in memory: loaded on first join, unloaded a short while after the last leave. */
export class DocRooms {
  private readonly rooms = new Map<string, DocRoom>();
  private readonly unloadTimers = new Map<DocRoom, NodeJS.Timeout>();
  /** A document being unloaded is reloaded only after its last updates are stored. */
  private readonly closing = new Map<string, Promise<void>>();

  private readonly sequenceCheck: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(private readonly options: DocRoomsOptions) {
    if (options.bus === undefined) return;
    this.sequenceCheck = setInterval(
      () => void this.checkSequences(),
      options.sequenceCheckMs ?? relayDefaults.sequenceCheckMs,
    );
    this.sequenceCheck.unref();
  }

  /**
   * Reads the newest stored number of every open document at once and tells each room (C10): an
   * update stored by another relay whose message Redis lost, with no later update to show the gap,
   * is found here within one period instead of never.
   */
  private async checkSequences(): Promise<void> {
    if (this.checking || this.rooms.size === 0) return;
    this.checking = true;
    try {
      const stored = await this.options.documents.lastSeqs([...this.rooms.keys()]);
      for (const [docId, seq] of stored) this.rooms.get(docId)?.noticeStoredSeq(seq);
    } catch (error) {
      reportFailure(this.options, 'repair', error, {});
    } finally {
      this.checking = false;
    }
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  open(docId: string): DocRoom {
    const existing = this.rooms.get(docId);
    if (existing !== undefined && !existing.broken) {
      this.cancelUnload(existing);
      return existing;
    }
    if (existing !== undefined) void this.unload(existing);
    const { bus } = this.options;
    // The room loads once it hears the document's channel, so no update stored after its load is missed (C2).
    const ready = Promise.all([this.closing.get(docId), bus?.subscribe(docId)]).then(() => undefined);
    const room = new DocRoom(
      docId,
      this.options.documents,
      {
        compactAfter: this.options.compactAfter,
        limits: this.options.limits ?? defaultSyncLimits,
        ...(this.options.reserve === undefined ? {} : { reserve: this.options.reserve }),
        ...(this.options.offThread === undefined ? {} : { offThread: this.options.offThread }),
        metrics: this.options.metrics,
        logger: this.options.logger,
        onEmpty: (empty) => this.scheduleUnload(empty),
        versions: this.options.versions ?? versionPolicy(relayDefaults),
        ...(this.options.onSynced === undefined ? {} : { onSynced: this.options.onSynced }),
        ...(this.options.onStored === undefined ? {} : { onStored: this.options.onStored }),
        ...(bus === undefined
          ? {}
          : {
              bus: {
                publishUpdate: (seq, update) => bus.publishUpdate(docId, seq, update),
                publishAwareness: (update) => bus.publishAwareness(docId, update),
                gapRepairMs: this.options.gapRepairMs ?? defaultGapRepairMs,
              },
            }),
      },
      ready,
    );
    this.rooms.set(docId, room);
    this.options.metrics.docsLoaded = this.rooms.size;
    return room;
  }

  /**
   * Restores a version of a document in its room, loading it if no device has it open, so open
   * devices receive the restore at once (R3); a room opened for it is unloaded as usual.
   */
  async restore(docId: string, version: Uint8Array): Promise<RestoreResult> {
    const room = this.open(docId);
    try {
      return await room.restore(version);
    } finally {
      if (room.peerCount === 0) this.scheduleUnload(room);
    }
  }

  /** What this relay does with what the other relays tell it about documents (C1–C4). */
  readonly busListener: Pick<BusListener, 'update' | 'awareness' | 'reconnected'> = {
    update: (docId, seq, update) => this.rooms.get(docId)?.hearUpdate(seq, update),
    awareness: (docId, update) => this.rooms.get(docId)?.hearAwareness(update),
    reconnected: () => {
      for (const room of this.rooms.values()) room.repair();
    },
  };

  /** Unloads every document now, storing what is pending. */
  async closeAll(): Promise<void> {
    clearInterval(this.sequenceCheck);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)));
    await Promise.all(this.closing.values());
  }

  private scheduleUnload(room: DocRoom): void {
    this.cancelUnload(room);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room);
      if (room.peerCount === 0) void this.unload(room);
    }, this.options.unloadAfterMs);
    timer.unref();
    this.unloadTimers.set(room, timer);
  }

  private cancelUnload(room: DocRoom): void {
    const timer = this.unloadTimers.get(room);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.unloadTimers.delete(room);
  }

  private unload(room: DocRoom): Promise<void> {
    if (this.rooms.get(room.docId) !== room) return Promise.resolve();
    this.rooms.delete(room.docId);
    this.options.bus?.unsubscribe(room.docId);
    this.options.metrics.docsLoaded = this.rooms.size;
    const closed = room.close().catch((error: unknown) => {
      reportFailure(this.options, 'close', error, { docId: room.docId });
    });
    const tracked = closed.finally(() => {
      if (this.closing.get(room.docId) === tracked) this.closing.delete(room.docId);
    });
    this.closing.set(room.docId, tracked);
    return tracked;
  }
}
