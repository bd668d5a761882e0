/**
 * Auto-categorisation on a labelled history of 3,000 transactions: learn from the older part,
 * suggest for the newer part held back, as a person's own history behaves. Printed beside the
 * simplest peer, "the category this payee's first word had last time", measured in the same run.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CategoryModel, readHistory, splitByDate } from '../src/features/categorise/index.js';

const history = readHistory(readFileSync(new URL('../test/fixtures/categorised-history.csv', import.meta.url), 'utf8'));

console.log('\napp: auto-categorisation, learned on the device from the user’s own history\n');
console.log(
  `| ${'held back'.padEnd(10)} | ${'learned on'.padStart(10)} | ${'Tally right'.padStart(11)} | ${'first-word peer'.padStart(15)} | ${'train ms'.padStart(8)} |`,
);
console.log(`|${'-'.repeat(12)}|${'-'.repeat(12)}|${'-'.repeat(13)}|${'-'.repeat(17)}|${'-'.repeat(10)}|`);
for (const heldBack of [0.5, 0.2, 0.1]) {
  const { older, newer } = splitByDate(history, heldBack);
  const start = performance.now();
  const model = CategoryModel.train(older);
  const trainMs = performance.now() - start;
  const right = newer.filter((row) => model.suggest(row)?.categoryId === row.categoryId).length;
  const firstWord = (payee: string): string =>
    payee
      .toLowerCase()
      .split(/[^a-z]+/)
      .find((word) => word.length > 1) ?? '';
  const lastSeen = new Map(older.map((row) => [firstWord(row.payee), row.categoryId]));
  const peerRight = newer.filter((row) => lastSeen.get(firstWord(row.payee)) === row.categoryId).length;
  const percent = (count: number): string => `${((count / newer.length) * 100).toFixed(1)} %`;
  console.log(
    `| ${`${heldBack * 100} %`.padEnd(10)} | ${older.length.toString().padStart(10)} | ${percent(right).padStart(11)} | ${percent(peerRight).padStart(15)} | ${trainMs.toFixed(1).padStart(8)} |`,
  );
}
