/**
 * Ledger size and speed (budget: ≤ 250 bytes per typical transaction). Each figure is
 * printed beside the same records as plain JSON and as plain Yjs maps without the
 * last-write-wins layer, measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { Ledger } from '../src/index.js';
import { createInBatches, typicalSetup, typicalTransactions } from '../src/testing/index.js';

const BUDGET_BYTES_PER_TRANSACTION = 250;
const BATCH = 1_000;
const SIZES = [10_000, 100_000];

interface Row {
  readonly what: string;
  readonly count: number;
  readonly bytesPerTransaction: number;
  readonly createMs: number;
  readonly applyMs: number;
  readonly readMs: number;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

function measureLedger(count: number): Row & { json: Row; plainYjs: Row } {
  const doc = new Y.Doc();
  const ledger = new Ledger(doc);
  const setup = typicalSetup(ledger);
  const baseline = Y.encodeStateAsUpdate(doc).length;
  const inputs = typicalTransactions(count, setup);

  const [, createMs] = time(() => createInBatches(ledger, inputs));
  const update = Y.encodeStateAsUpdate(doc);
  const fresh = new Y.Doc();
  const [, applyMs] = time(() => Y.applyUpdate(fresh, update));
  const [records, readMs] = time(() => new Ledger(fresh).transactions.list());
  if (records.length !== count) throw new Error(`read back ${records.length} of ${count} transactions`);

  const [json, jsonCreateMs] = time(() => JSON.stringify(records));
  const [, jsonReadMs] = time(() => JSON.parse(json) as unknown[]);

  const plain = new Y.Doc();
  const [, plainCreateMs] = time(() => {
    const map = plain.getMap<Y.Map<unknown>>('transactions');
    for (let i = 0; i < records.length; i += BATCH) {
      plain.transact(() => {
        for (const { id, deleted: _deleted, ...fields } of records.slice(i, i + BATCH)) {
          const record = new Y.Map<unknown>();
          for (const [key, value] of Object.entries(fields)) record.set(key, value);
          map.set(id, record);
        }
      });
    }
  });
  const plainUpdate = Y.encodeStateAsUpdate(plain);
  const plainFresh = new Y.Doc();
  const [, plainApplyMs] = time(() => Y.applyUpdate(plainFresh, plainUpdate));
  const [, plainReadMs] = time(() => plainFresh.getMap('transactions').toJSON());

  return {
    what: 'Tally ledger (Yjs + per-field LWW)',
    count,
    bytesPerTransaction: (update.length - baseline) / count,
    createMs,
    applyMs,
    readMs,
    json: {
      what: 'plain JSON of the same records',
      count,
      bytesPerTransaction: json.length / count,
      createMs: jsonCreateMs,
      applyMs: 0,
      readMs: jsonReadMs,
    },
    plainYjs: {
      what: 'plain Yjs maps, no LWW',
      count,
      bytesPerTransaction: plainUpdate.length / count,
      createMs: plainCreateMs,
      applyMs: plainApplyMs,
      readMs: plainReadMs,
    },
  };
}

function format(row: Row): string {
  const cells = [
    row.what.padEnd(36),
    row.count.toLocaleString('en').padStart(8),
    row.bytesPerTransaction.toFixed(1).padStart(9),
    row.createMs.toFixed(0).padStart(9),
    row.applyMs.toFixed(0).padStart(9),
    row.readMs.toFixed(0).padStart(9),
  ];
  return `| ${cells.join(' | ')} |`;
}

console.log('\nschema: ledger size and speed (transactions of 8 fields, created in batches of 1,000)\n');
console.log(
  `| ${'what'.padEnd(36)} | ${'count'.padStart(8)} | ${'B/tx'.padStart(9)} | ${'create ms'.padStart(9)} | ${'apply ms'.padStart(9)} | ${'read ms'.padStart(9)} |`,
);
console.log(
  `|${'-'.repeat(38)}|${'-'.repeat(10)}|${'-'.repeat(11)}|${'-'.repeat(11)}|${'-'.repeat(11)}|${'-'.repeat(11)}|`,
);
for (const count of SIZES) {
  const row = measureLedger(count);
  for (const line of [row, row.plainYjs, row.json]) console.log(format(line));
  const verdict = row.bytesPerTransaction <= BUDGET_BYTES_PER_TRANSACTION ? 'within' : 'OVER';
  console.log(
    `|   ${count.toLocaleString('en')} tx: ${row.bytesPerTransaction.toFixed(1)} B/tx, ${verdict} the ${BUDGET_BYTES_PER_TRANSACTION} B budget; ` +
      `${(row.bytesPerTransaction / row.json.bytesPerTransaction).toFixed(2)}× JSON, ${(row.bytesPerTransaction / row.plainYjs.bytesPerTransaction).toFixed(2)}× plain Yjs`,
  );
}
