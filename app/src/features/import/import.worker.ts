import type { Timestamp } from '@tally/schema';
import { type StoredLedger, storeUpdates } from '../../sync/index.js';
import { createImport } from './create-import.js';
import { findHeaderRow, layoutSignature } from './csv-mapping.js';
import type { CsvTable } from './csv-reader.js';
import { SAMPLE_ROWS, type WorkerReply, type WorkerRequest } from './import-protocol.js';
import { prepareReview } from './prepare-review.js';
import { readCsvStatement, readStatement } from './read-statement.js';
import type { LineToWrite } from './review.js';
import { ImportError, type Statement } from './statement.js';

/**
 * Reads, maps, matches and categorises a bank file off the page's thread, so a 50,000-line
 * statement never freezes the screen. It holds the file it read until the review is asked for.
 */
let file: { readonly table: CsvTable; readonly digits: number } | { readonly statement: Statement } | undefined;
/** The confirmed import's transactions, as they arrive. */
const toWrite: LineToWrite[] = [];

function reply(message: WorkerReply): void {
  postMessage(message);
}

function handle(request: WorkerRequest): void {
  if (request.type === 'read') {
    reply({ type: 'progress', phase: 'reading', done: 0, total: request.bytes.byteLength });
    const result = readStatement(new Uint8Array(request.bytes), request.fileName, request.digits);
    if (result.format === 'csv') {
      const { table } = result;
      file = { table, digits: request.digits };
      const headerRow = result.mapping?.headerRow ?? findHeaderRow(table);
      reply({
        type: 'csv',
        sample: { delimiter: table.delimiter, rows: table.rows.slice(0, Math.max(SAMPLE_ROWS, headerRow + 20)) },
        rows: table.rows.length,
        headerRow,
        width: table.rows[headerRow]?.fields.length ?? 0,
        signature: layoutSignature(table, findHeaderRow(table)),
        guess: result.mapping ?? null,
      });
    } else {
      file = { statement: result.statement };
      reply({ type: 'statement', format: result.format, lines: result.statement.lines.length });
    }
    return;
  }
  if (request.type === 'lines') {
    toWrite.push(...request.lines);
    reply({ type: 'lines', held: toWrite.length });
    return;
  }
  if (request.type === 'create') {
    void create(request.node, request.after, request.stored).catch(failed);
    return;
  }
  if (!file) throw new ImportError(0, 'no file has been read', 'no-transactions');
  let statement: Statement;
  if ('table' in file) {
    if (!request.mapping) throw new ImportError(0, 'a CSV file needs its columns mapped', 'no-header');
    statement = readCsvStatement(file.table, request.mapping, file.digits);
  } else statement = file.statement;
  if (statement.currency !== null && statement.currency !== request.currency) {
    throw new ImportError(
      0,
      `the file is in ${statement.currency}, the account in ${request.currency}`,
      'currency-mismatch',
      {
        file: statement.currency,
        account: request.currency,
      },
    );
  }
  const lines = prepareReview(
    statement.lines,
    request.known,
    request.rules,
    request.history,
    request.kinds,
    (phase, done, total) => reply({ type: 'progress', phase, done, total }),
  );
  reply({ type: 'review', lines });
}

/** Sends each slice with its rows as a message of its own, so the page reads one slice at a time. */
async function create(node: string, after: Timestamp, stored: StoredLedger): Promise<void> {
  const created = createImport(toWrite, node, after);
  for (const slice of created.slices) reply({ type: 'slice', ...slice });
  try {
    await storeUpdates(
      stored,
      created.slices.map((slice) => slice.update),
    );
  } catch (error) {
    throw new ImportError(0, `the import could not be stored: ${String(error)}`, 'not-stored');
  }
  reply({ type: 'created' });
}

/** Anything other than an `ImportError` is Tally's own bug: the page still hears that the work failed. */
function failed(caught: unknown): void {
  const error = caught instanceof ImportError ? caught : new ImportError(0, String(caught), 'unreadable');
  reply({ type: 'failed', line: error.line, reason: error.reason, code: error.code, values: error.values });
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  try {
    handle(event.data);
  } catch (error) {
    failed(error);
  }
});
