import { parentPort } from 'node:worker_threads';
import { checkLedgerUpdate } from '@tally/schema';
import * as Y from 'yjs';
import type { GuardAnswer, GuardJob } from './off-thread-guard.js';

/** Judges large updates off the relay's event loop (B5): a copy of the ledger as it stands, and the update. */
parentPort?.on('message', ({ id, state, update }: GuardJob) => {
  let answer: GuardAnswer;
  try {
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, state);
    answer = { id, verdict: checkLedgerUpdate(doc, update) };
    doc.destroy();
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
