import type { AttachmentState, StoredAttachment } from './stored-attachment.js';
import type { TallyDatabase } from './tally-database.js';

/** What attachments take on this device, and how much of it is also on the relay (so may be dropped here). */
export interface AttachmentUsage {
  readonly count: number;
  readonly bytes: number;
  readonly syncedCount: number;
  readonly syncedBytes: number;
}

const STATES: readonly AttachmentState[] = ['local', 'queued', 'synced'];

/** Reads a stored row back, or undefined when it is not one (a person with the browser's tools, an older Tally). */
function readStored(stored: unknown): StoredAttachment | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const row: Partial<Record<keyof StoredAttachment, unknown>> = stored;
  const state = STATES.find((known) => known === row.state);
  if (
    typeof row.hash !== 'string' ||
    typeof row.type !== 'string' ||
    !(row.bytes instanceof ArrayBuffer) ||
    state === undefined ||
    typeof row.keptAt !== 'number'
  )
    return undefined;
  return { hash: row.hash, type: row.type, bytes: row.bytes, state, keptAt: row.keptAt };
}

/**
 * The bytes of attachments this device keeps, content-addressed by sha256, and the upload outbox:
 * the rows `queued` are what is still to be sent to the relay, kept across reloads.
 */
export class AttachmentStore {
  constructor(private readonly db: TallyDatabase) {}

  /** The bytes kept for `hash`, or undefined when this device does not hold them. */
  async get(hash: string): Promise<StoredAttachment | undefined> {
    return readStored(await this.db.attachments.get(hash));
  }

  /**
   * Keeps bytes once per hash. Bytes already kept stay as they are, so a hash already synced is
   * never sent again; the answer is what is kept now.
   */
  async keep(attachment: StoredAttachment): Promise<StoredAttachment> {
    return this.db.transaction('rw', this.db.attachments, async () => {
      const kept = readStored(await this.db.attachments.get(attachment.hash));
      if (kept) return kept;
      await this.db.attachments.put(attachment);
      return attachment;
    });
  }

  /** Puts the kept bytes of `hashes` that are only here in the upload outbox. */
  async queue(hashes: readonly string[]): Promise<void> {
    await this.db.transaction('rw', this.db.attachments, async () => {
      for (const hash of hashes) {
        const kept = readStored(await this.db.attachments.get(hash));
        if (kept?.state === 'local') await this.db.attachments.put({ ...kept, state: 'queued' });
      }
    });
  }

  /** The hashes waiting in the upload outbox, oldest first. */
  async queued(): Promise<string[]> {
    const rows = await this.db.attachments.where('state').equals('queued').toArray();
    return rows
      .flatMap((row) => readStored(row) ?? [])
      .sort((a, b) => a.keptAt - b.keptAt)
      .map((row) => row.hash);
  }

  /** The attachments kept only here, picked in a form not saved (yet), oldest first. */
  async local(): Promise<Pick<StoredAttachment, 'hash' | 'keptAt'>[]> {
    const rows = await this.db.attachments.where('state').equals('local').toArray();
    return rows
      .flatMap((row) => readStored(row) ?? [])
      .sort((a, b) => a.keptAt - b.keptAt)
      .map(({ hash, keptAt }) => ({ hash, keptAt }));
  }

  /**
   * Drops the bytes of those of `hashes` still kept only here (`local`); bytes a saved form queued,
   * or the relay stores, stay. The answer is the hashes dropped.
   */
  async discardLocal(hashes: readonly string[]): Promise<string[]> {
    return this.db.transaction('rw', this.db.attachments, async () => {
      const rows = await this.db.attachments.bulkGet([...hashes]);
      const local = rows.flatMap((row) => {
        const kept = readStored(row);
        return kept?.state === 'local' ? [kept.hash] : [];
      });
      await this.db.attachments.bulkDelete(local);
      return local;
    });
  }

  /** The relay stores the bytes of `hash` now. */
  async markSynced(hash: string): Promise<void> {
    await this.db.attachments.update(hash, { state: 'synced' });
  }

  /** The state of each of `hashes` this device keeps bytes for. */
  async states(hashes: readonly string[]): Promise<Map<string, AttachmentState>> {
    const rows = await this.db.attachments.bulkGet([...hashes]);
    const states = new Map<string, AttachmentState>();
    for (const row of rows) {
      const kept = readStored(row);
      if (kept) states.set(kept.hash, kept.state);
    }
    return states;
  }

  async usage(): Promise<AttachmentUsage> {
    let count = 0;
    let bytes = 0;
    let syncedCount = 0;
    let syncedBytes = 0;
    await this.db.attachments.each((row) => {
      const kept = readStored(row);
      if (!kept) return;
      count += 1;
      bytes += kept.bytes.byteLength;
      if (kept.state === 'synced') {
        syncedCount += 1;
        syncedBytes += kept.bytes.byteLength;
      }
    });
    return { count, bytes, syncedCount, syncedBytes };
  }

  /**
   * Drops the bytes the relay stores as well; they are downloaded again when next viewed. What
   * is only here is never dropped. The answer is how many bytes were freed.
   */
  async dropSynced(): Promise<number> {
    return this.db.transaction('rw', this.db.attachments, async () => {
      const synced = await this.db.attachments.where('state').equals('synced').toArray();
      await this.db.attachments.bulkDelete(synced.map((row) => row.hash));
      return synced.reduce((total, row) => total + (readStored(row)?.bytes.byteLength ?? 0), 0);
    });
  }
}
