import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WriterAnswer, WriterJob } from './document-writer.js';
import { documentWriter } from './sqlite-document-writes.js';

/**
 * The documents' writes on a connection of their own (SPEC B5, P2): the relay's event loop only
 * posts them and waits for the answer, so a large snapshot or version, and every group commit,
 * is written while it keeps answering.
 */
const db = new Database((workerData as { filename: string }).filename);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const write = documentWriter(db);

parentPort?.on('message', (job: WriterJob) => {
  if (job.kind === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  let answer: WriterAnswer;
  try {
    answer = { id: job.id, kind: 'written', result: write(job.write) };
  } catch (error) {
    answer = { id: job.id, kind: 'error', error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
