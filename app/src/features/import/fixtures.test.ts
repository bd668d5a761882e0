import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importKeys, type KnownTransaction, matchDuplicates } from './duplicates.js';
import { readCsvStatement, readStatement } from './read-statement.js';
import type { Statement } from './statement.js';

const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Record<
  string,
  { transactions: number; sum_minor: number; currency: string }
>;

function importFile(name: string): Statement {
  const result = readStatement(new Uint8Array(readFileSync(new URL(name, FIXTURES))), name, 2);
  if (result.format !== 'csv') return result.statement;
  if (!result.mapping) throw new Error(`no mapping guessed for ${name}`);
  return readCsvStatement(result.table, result.mapping, 2);
}

describe('bank exports people bring', () => {
  it.each(Object.entries(expected))(
    '%s imports with the count and sum its bank states',
    (name, { transactions, sum_minor }) => {
      const statement = importFile(name);
      expect(statement.lines).toHaveLength(transactions);
      expect(statement.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(sum_minor);
      for (const line of statement.lines) expect(line.date).toMatch(/^20(25|26)-\d{2}-\d{2}$/);
    },
  );

  it.each(Object.keys(expected))('%s imported again adds nothing', (name) => {
    const statement = importFile(name);
    const keys = importKeys(statement.lines);
    const known: KnownTransaction[] = statement.lines.map((line, i) => ({
      id: `t${i}`,
      date: line.date,
      amount: line.amount,
      payee: line.payee,
      importId: keys[i] ?? null,
    }));
    expect(matchDuplicates(statement.lines, known).filter((match) => match.kind === 'new')).toEqual([]);
  });

  it('reads the currency an OFX statement declares, its FITIDs and a payee with an entity', () => {
    const statement = importFile('card-v2.ofx');
    expect(statement.currency).toBe('USD');
    expect(statement.lines.every((line) => line.bankId?.startsWith('CC'))).toBe(true);
    expect(statement.lines.some((line) => line.payee === "Trader Joe's #552")).toBe(true);
  });

  it('keeps the split parts of a QIF transaction, adding up to its total', () => {
    const split = importFile('quicken.qif').lines.find((line) => line.splits.length > 0);
    expect(split?.splits.reduce((sum, part) => sum + part.amount, 0)).toBe(split?.amount);
    expect(split?.splits[1]).toMatchObject({ category: 'Household', memo: 'Paper towels' });
  });

  it('reads German umlauts from a UTF-8 file with a byte-order mark', () => {
    expect(importFile('de-giro-bom.csv').lines.some((line) => line.payee === 'Stadtwerke München')).toBe(true);
  });
});
