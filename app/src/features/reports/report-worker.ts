import type { ToReportWorker } from './report-protocol.js';
import { serveReports } from './report-service.js';

/**
 * Computes reports away from the page, from the transaction index's rows the page sends: all of
 * them once, in parts, then every change. The page never blocks on a report over 100,000
 * transactions, and no replica of the ledger is read here.
 */
const receive = serveReports((message) => postMessage(message));

addEventListener('message', (event: MessageEvent<ToReportWorker>) => receive(event.data));
