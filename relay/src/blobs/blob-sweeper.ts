import { attachmentHashes } from '@tally/schema';
import { reportFailure } from '../failures.js';
import type { RelayMetrics } from '../metrics.js';
import type { RelayLogger } from '../relay-logger.js';
import type { BlobRecords } from '../storage/blobs/blob-records.js';
import type { LedgerDocuments } from '../storage/documents/ledger-documents.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import type { BlobKeeper } from './blob-keeper.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = DAY_MS;
const REMOVE_PER_ROUND = 500;

export interface BlobSweeperOptions {
  readonly records: BlobRecords;
  readonly documents: LedgerDocuments;
  readonly keeper: BlobKeeper;
  readonly graceDays: number;
  readonly now: () => number;
  readonly reporting: { readonly logger: RelayLogger; readonly metrics: RelayMetrics };
}

/**
 * Removes files no ledger has referenced for the grace time (BLOB6). Each sweep first recounts the
 * references of every ledger that has any, from the stored ledger itself (ATT4): references are
 * added as updates are accepted, and dropped only here, so the hot path never reads a whole ledger.
 */
export class BlobSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: BlobSweeperOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sweepReporting());
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep: recounts references, then removes what was released before the grace time. How many files went. */
  async sweep(): Promise<number> {
    const { records, documents, keeper, now } = this.options;
    for (const docId of await records.docsWithReferences()) {
      const stored = await documents.load(docId);
      const doc = rebuildDoc(stored);
      try {
        // Only references seen up to the update read here may go: an update stored meanwhile adds its own (BLOB6).
        await records.replaceReferences(docId, [...attachmentHashes(doc)], now(), stored.lastSeq);
      } finally {
        doc.destroy();
      }
    }
    const cutoff = now() - this.options.graceDays * DAY_MS;
    let removed = 0;
    for (const blob of await records.releasedBefore(cutoff, REMOVE_PER_ROUND)) {
      if (await keeper.remove(blob.hash, cutoff)) removed++;
    }
    this.options.reporting.metrics.blobsRemoved += removed;
    return removed;
  }

  private async sweepReporting(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      reportFailure(this.options.reporting, 'blobs', error);
    }
  }
}
