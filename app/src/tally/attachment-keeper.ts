import type { AttachmentStore, AttachmentUsage, StoredAttachment } from '../storage/index.js';
import { RelayApiError, type RelaySync } from '../sync/index.js';

/**
 * Where one attachment is, as the person is told: `device` kept here only (waiting to upload, or
 * with no relay), `uploading`, `synced` (here and on the relay), `relay` (on the relay, not here
 * yet: downloaded when viewed), `downloading`, `unreachable` (not here, and the relay cannot be
 * reached now), `refused` (the relay refused to store it, or to serve it).
 */
export type AttachmentStatus =
  | 'device'
  | 'uploading'
  | 'synced'
  | 'relay'
  | 'downloading'
  | 'unreachable'
  | 'refused'
  | 'unknown';

/** An attachment's bytes, ready to be shown. */
export interface AttachmentBytes {
  readonly type: string;
  readonly bytes: ArrayBuffer;
}

/** What a relay keeps at most unless its `BLOB_MAX_BYTES` says otherwise: assumed until the relay tells (relay SPEC BLOB8). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 15 * 1024 * 1024;

/** The upload outbox tries again this long after the relay could not be reached, besides each reconnection. */
const RETRY_MS = 30_000;
/**
 * At start, files picked longer ago than this in a form never saved are dropped. A younger one may
 * belong to a form still open in another tab of the device.
 */
const UNSAVED_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * The attachments' bytes on this device (docs/app.md#attachments): kept at once when picked, sent
 * to the relay by an outbox that outlives a reload once the transaction is saved, downloaded when
 * first viewed on another device and kept for offline use, and dropped on request when the relay
 * stores them too.
 */
export class AttachmentKeeper {
  private readonly statuses = new Map<string, AttachmentStatus>();
  private readonly listeners = new Set<() => void>();
  private readonly downloads = new Map<string, Promise<AttachmentBytes | undefined>>();
  private sending = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopSync: (() => void) | undefined;
  private limit = DEFAULT_ATTACHMENT_MAX_BYTES;
  private limitAsked = false;

  /** `referenced` gives the hashes the ledger's live transactions name. */
  constructor(
    private readonly store: AttachmentStore,
    private readonly sync: RelaySync,
    private readonly referenced: () => ReadonlySet<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Tidies what earlier sessions left, then sends the outbox whenever the relay is reachable. */
  async start(): Promise<void> {
    await this.tidy();
    const linked = (): void => {
      this.send();
      this.learnLimit();
    };
    this.stopSync = this.sync.subscribe(linked);
    linked();
  }

  /**
   * The largest file the relay keeps, as it said since it was last reached; what a relay keeps by
   * default before that, or without one. A larger file is refused when picked (relay SPEC BLOB8).
   */
  get maxBytes(): number {
    return this.limit;
  }

  /** Asks the relay for its file limit once it can be reached, again after the device left it. */
  private learnLimit(): void {
    const { state } = this.sync.getSnapshot();
    if (state === 'local') this.limitAsked = false;
    if (this.limitAsked || (state !== 'synced' && state !== 'syncing')) return;
    this.limitAsked = true;
    this.sync.attachmentMaxBytes().then(
      (limit) => {
        if (limit === this.limit) return;
        this.limit = limit;
        this.publish();
      },
      () => {
        this.limitAsked = false;
      },
    );
  }

  /**
   * A file kept only here that a transaction names was saved by a session cut off before it queued
   * it: it joins the outbox. One no transaction names was picked in a form that was never saved
   * (the page closed with it open): it goes once it is older than a form left open elsewhere.
   * Which files the ledger names is read only when some are kept only here: it reads every
   * transaction (0.4 s of the start at 100,000).
   */
  private async tidy(): Promise<void> {
    const local = await this.store.local();
    if (local.length === 0) return;
    const referenced = this.referenced();
    await this.store.queue(local.filter(({ hash }) => referenced.has(hash)).map(({ hash }) => hash));
    const cutoff = this.now() - UNSAVED_KEPT_MS;
    this.forget(
      await this.store.discardLocal(
        local.filter(({ hash, keptAt }) => !referenced.has(hash) && keptAt < cutoff).map(({ hash }) => hash),
      ),
    );
  }

  /**
   * The form that picked `hashes` closed: those kept only here that no transaction names (the form
   * was cancelled, or the file removed from it before saving) are dropped from the device.
   */
  async discard(hashes: readonly string[]): Promise<void> {
    const referenced = this.referenced();
    this.forget(await this.store.discardLocal(hashes.filter((hash) => !referenced.has(hash))));
  }

  private forget(hashes: readonly string[]): void {
    if (hashes.length === 0) return;
    for (const hash of hashes) this.statuses.delete(hash);
    this.publish();
  }

  stop(): void {
    this.stopSync?.();
    clearTimeout(this.retry);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Where the attachment is; `unknown` until the device's storage answered (listeners hear it then). */
  statusOf(hash: string): AttachmentStatus {
    const known = this.statuses.get(hash);
    if (known !== undefined) return known;
    this.statuses.set(hash, 'unknown');
    void this.store.get(hash).then((kept) => {
      if (this.statuses.get(hash) === 'unknown') this.setStatus(hash, kept ? statusOfKept(kept) : 'relay');
    });
    return 'unknown';
  }

  /** Keeps picked bytes on this device at once; they wait for the transaction's saving to be sent. */
  async keep(hash: string, type: string, bytes: ArrayBuffer): Promise<void> {
    const kept = await this.store.keep({ hash, type, bytes, state: 'local', keptAt: this.now() });
    this.setStatus(hash, statusOfKept(kept));
  }

  /** The transaction holding `hashes` was saved: their bytes go to the relay as soon as it can be reached. */
  async saved(hashes: readonly string[]): Promise<void> {
    await this.store.queue(hashes);
    this.send();
  }

  /**
   * The bytes to show: kept here, or downloaded from the relay and kept for offline use. Undefined
   * when they are not here and the relay cannot give them now (the status says why).
   */
  async bytes(hash: string): Promise<AttachmentBytes | undefined> {
    const kept = await this.store.get(hash);
    if (kept) return kept;
    const running = this.downloads.get(hash);
    if (running) return running;
    const download = this.download(hash).finally(() => this.downloads.delete(hash));
    this.downloads.set(hash, download);
    return download;
  }

  async usage(): Promise<AttachmentUsage> {
    return this.store.usage();
  }

  /** Drops the copies the relay stores too; they download again when next viewed. Answers the bytes freed. */
  async freeSpace(): Promise<number> {
    const freed = await this.store.dropSynced();
    for (const [hash, status] of this.statuses) if (status === 'synced') this.statuses.set(hash, 'relay');
    this.publish();
    return freed;
  }

  private async download(hash: string): Promise<AttachmentBytes | undefined> {
    if (!this.sync.accountUser) {
      this.setStatus(hash, 'unreachable');
      return undefined;
    }
    this.setStatus(hash, 'downloading');
    try {
      const { type, bytes } = await this.sync.downloadAttachment(hash);
      if ((await sha256(bytes)) !== hash) {
        this.setStatus(hash, 'refused');
        return undefined;
      }
      const kept = await this.store.keep({ hash, type, bytes, state: 'synced', keptAt: this.now() });
      this.setStatus(hash, statusOfKept(kept));
      return kept;
    } catch (error) {
      this.setStatus(hash, error instanceof RelayApiError && !error.unreachable ? 'refused' : 'unreachable');
      return undefined;
    }
  }

  /** Sends the outbox one attachment at a time while the relay is reachable; what is refused waits for the next start. */
  private send(): void {
    const { state } = this.sync.getSnapshot();
    if (this.sending || (state !== 'synced' && state !== 'syncing')) return;
    this.sending = true;
    clearTimeout(this.retry);
    void this.sendQueued().finally(() => {
      this.sending = false;
    });
  }

  private async sendQueued(): Promise<void> {
    const refused = new Set<string>();
    for (;;) {
      const next = (await this.store.queued()).find(
        (hash) => !refused.has(hash) && this.statuses.get(hash) !== 'refused',
      );
      if (next === undefined) return;
      const kept = await this.store.get(next);
      if (!kept) continue;
      this.setStatus(next, 'uploading');
      try {
        await this.sync.uploadAttachment(kept.hash, kept.type, kept.bytes);
        await this.store.markSynced(kept.hash);
        this.setStatus(next, 'synced');
      } catch (error) {
        if (error instanceof RelayApiError && mayTryAgain(error)) {
          this.setStatus(next, 'device');
          this.retry = setTimeout(() => this.send(), RETRY_MS);
          return;
        }
        refused.add(next);
        this.setStatus(next, 'refused');
      }
    }
  }

  private setStatus(hash: string, status: AttachmentStatus): void {
    this.statuses.set(hash, status);
    this.publish();
  }

  private publish(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * The relay could not be reached, was busy, the line stalled mid-upload (408), or the session was
 * being renewed; a full quota (507) is a refusal.
 */
function mayTryAgain(error: RelayApiError): boolean {
  return (
    error.unreachable ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 429 ||
    (error.status >= 500 && error.status !== 507)
  );
}

function statusOfKept(kept: StoredAttachment): AttachmentStatus {
  return kept.state === 'synced' ? 'synced' : 'device';
}

/** The sha256 of `bytes` in hex, the attachment's content address. */
export async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
