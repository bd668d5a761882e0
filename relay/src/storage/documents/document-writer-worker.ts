import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CHECKPOINT_EVERY_MS, type WriterAnswer, type WriterJob } from './document-writer.js';
import { documentWriter } from './sqlite-document-writes.js';

/**
 * The documents' writes on a connection of their own (SPEC B5, P2): the relay's event loop only
 * posts them and waits for the answer, so a large snapshot or version is written while it keeps
 * answering. It also checkpoints the write-ahead log, for every connection to the file.
 */
const db = new Database((workerData as { filename: string }).filename);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const write = documentWriter(db);
// The relay's own connection never checkpoints (`wal_autocheckpoint = 0`): copying the log into
// the database, and its fsync, would hold up its event loop. This thread does it instead, without
// waiting for anyone, and SQLite starts the log afresh once a checkpoint has copied all of it.
const checkpoints = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), CHECKPOINT_EVERY_MS);
checkpoints.unref();

parentPort?.on('message', (job: WriterJob) => {
  if (job.kind === 'close') {
    clearInterval(checkpoints);
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
