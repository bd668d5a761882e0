import { type FailureReporting, reportFailure } from '../failures.js';
import type { LedgerDocuments, RestoreOutcome, RestoreRequest } from '../storage/documents/ledger-documents.js';
import type { DocRooms } from './doc-rooms.js';

/** How often the relay looks for restores asked for by the admin CLI (R4). */
export const restoreCheckMs = 250;

/**
 * Carries out the restores other processes — the admin CLI — ask for (R4): claims each request,
 * then restores it in the ledger's room exactly as the owner's route does, so open devices
 * receive it, and records how it ended for the CLI to read.
 */
export class RestoreWatch {
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  private current: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(
    private readonly documents: LedgerDocuments,
    private readonly rooms: DocRooms,
    private readonly reporting: FailureReporting,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.checking) this.current = this.check();
    }, restoreCheckMs);
    this.timer.unref();
  }

  /** Stops looking; resolves once a restore under way has finished, before the rooms are unloaded. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.current;
  }

  private async check(): Promise<void> {
    this.checking = true;
    try {
      for (const request of await this.documents.claimRestoreRequests(Date.now())) {
        await this.documents.finishRestoreRequest(request.requestId, await this.carryOut(request), Date.now());
      }
      this.failing = false;
    } catch (error) {
      // Logged once per run of failures, not four times a second.
      if (!this.failing) reportFailure(this.reporting, 'restore-request', error);
      this.failing = true;
    } finally {
      this.checking = false;
    }
  }

  private async carryOut(request: RestoreRequest): Promise<RestoreOutcome> {
    const version = await this.documents.loadVersion(request.docId, request.versionId);
    if (version === null) return { kind: 'unknown-version' };
    try {
      const { records } = await this.rooms.restore(request.docId, version);
      this.reporting.logger.info(
        { docId: request.docId, versionId: request.versionId, records },
        'ledger version restored',
      );
      return { kind: 'restored', records };
    } catch (error) {
      reportFailure(this.reporting, 'restore-request', error, { docId: request.docId });
      return { kind: 'failed' };
    }
  }
}
