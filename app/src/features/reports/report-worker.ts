import { readStoredLedger } from '../../sync/index.js';
import type { ToReportWorker } from './report-protocol.js';
import { serveReports } from './report-service.js';

/**
 * Computes reports away from the page, on its own replica of the ledger: it reads the ledger
 * stored on this device, takes what it lacked from the page as one Yjs update, then follows
 * every change the page forwards. The page never blocks on reading 100,000 transactions.
 */
const receive = serveReports((message) => postMessage(message), readStoredLedger);

addEventListener('message', (event: MessageEvent<ToReportWorker>) => receive(event.data));
