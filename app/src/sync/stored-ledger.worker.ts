import { type CompactionAnswer, compactStoredLedger, type StoredLedger } from './stored-ledger.js';

/** Compacts the stored ledger it is sent (`compactStoredLedger`) off the page, and answers with what it did, or `failed`. */
addEventListener('message', async (event: MessageEvent<StoredLedger>) => {
  let answer: CompactionAnswer;
  try {
    answer = await compactStoredLedger(event.data);
  } catch {
    answer = 'failed';
  }
  postMessage(answer);
});
