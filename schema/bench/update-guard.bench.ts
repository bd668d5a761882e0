/**
 * The relay's update guard (SPEC GRD1–GRD8) on a ledger of 100,000 transactions: what checking a
 * typical update costs beside `Y.applyUpdate` of the same update, measured in the same run on
 * the same document, and what checking one large update costs — a device's first sync of the
 * whole ledger — beside applying it.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { checkLedgerUpdate, Ledger, type NewTransaction } from '../src/index.js';
import { SeededRandom, typicalLedger, typicalTransactions } from '../src/testing/index.js';

const COUNT = 100_000;
const UPDATES = 1_000;
const LARGE_RUNS = 3;

function elapsed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Each update a ledger makes while `change` runs, one per transaction it writes. */
function updatesOf(ledger: Ledger, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array): void => {
    updates.push(update);
  };
  ledger.doc.on('update', collect);
  change();
  ledger.doc.off('update', collect);
  return updates;
}

interface Row {
  readonly what: string;
  readonly guard: readonly number[];
  readonly apply: readonly number[];
}

/** Checks, then applies, each update in turn on the relay's document, timing both. */
function measure(what: string, relay: Y.Doc, updates: readonly Uint8Array[]): Row {
  const guard: number[] = [];
  const apply: number[] = [];
  for (const update of updates) {
    let verdict: ReturnType<typeof checkLedgerUpdate> | undefined;
    guard.push(elapsed(() => (verdict = checkLedgerUpdate(relay, update))));
    if (verdict?.verdict !== 'accepted') throw new Error(`${what}: the guard did not accept an honest update`);
    const accepted = verdict.update;
    apply.push(elapsed(() => Y.applyUpdate(relay, accepted)));
  }
  return { what, guard, apply };
}

function microseconds(ms: number): string {
  return `${(ms * 1000).toFixed(0)} µs`;
}

console.log(`\nschema: the relay's update guard on a ledger of ${COUNT.toLocaleString('en')} transactions\n`);
const device = typicalLedger(COUNT, { node: 'device', random: new SeededRandom(1) });
const full = Y.encodeStateAsUpdate(device.doc);
const relay = new Y.Doc();
Y.applyUpdate(relay, full);
const other = new Ledger(new Y.Doc(), { node: 'other', random: new SeededRandom(2) });
Y.applyUpdate(other.doc, full);
const sendTo = (target: Ledger) => (update: Uint8Array) => Y.applyUpdate(target.doc, update);

const accountId = device.accounts.list()[0]?.id ?? '';
const categoryIds = device.categories.list().map((category) => category.id);
const fresh: NewTransaction[] = typicalTransactions(UPDATES, { accountId, categoryIds }).map((input, i) => ({
  ...input,
  payee: `${input.payee} ${i}`,
}));
const created = updatesOf(device, () => {
  for (const input of fresh) device.transactions.create(input);
});
created.forEach(sendTo(other));
const ids = device.transactions.list().map((transaction) => transaction.id);
const random = new SeededRandom(3);
// Edited on another device than the one that created them: each edit folds the creator's entry in.
const edited = updatesOf(other, () => {
  for (let i = 0; i < UPDATES; i += 1)
    other.transactions.update(random.pick(ids), { notes: `edited ${i}`, cleared: random.chance(0.5) });
});

const rows = [
  measure('one transaction created', relay, created),
  measure('one field edited (another device)', relay, edited),
];
const SHARES = [0.5, 0.9, 0.99];
const headings = ['guard', 'apply'].flatMap((what) => SHARES.map((share) => `${what} p${share * 100}`.padStart(10)));
console.log(`| ${'typical update'.padEnd(34)} | ${headings.join(' | ')} | guard ÷ apply (p50) |`);
console.log(`|${'-'.repeat(36)}|${`${'-'.repeat(12)}|`.repeat(headings.length)}${'-'.repeat(21)}|`);
for (const { what, guard, apply } of rows) {
  const cells = [
    what.padEnd(34),
    ...[guard, apply].flatMap((times) => SHARES.map((share) => microseconds(percentile(times, share)).padStart(10))),
    `${(median(guard) / median(apply)).toFixed(2)}×`.padStart(19),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

const largeGuard: number[] = [];
const largeApply: number[] = [];
for (let run = 0; run < LARGE_RUNS; run += 1) {
  const empty = new Y.Doc();
  let verdict: ReturnType<typeof checkLedgerUpdate> | undefined;
  largeGuard.push(elapsed(() => (verdict = checkLedgerUpdate(empty, full))));
  if (verdict?.verdict !== 'accepted') throw new Error('the guard did not accept the first sync');
  largeApply.push(elapsed(() => Y.applyUpdate(new Y.Doc(), full)));
}
console.log(
  `\n| first sync of the whole ledger (${(full.length / 1_000_000).toFixed(1)} MB) into an empty relay document: ` +
    `guard ${median(largeGuard).toFixed(0)} ms, apply ${median(largeApply).toFixed(0)} ms ` +
    `(${(median(largeGuard) / median(largeApply)).toFixed(2)}×; median of ${LARGE_RUNS}) |`,
);
