import { expect, test } from 'vitest';
import { guessMapping } from './csv-mapping.js';
import { previewRows } from './csv-preview.js';
import { readCsv } from './csv-reader.js';

const table = readCsv(
  'Date,Payee,Amount\n03/01/2026,Bakery,"-3,50"\n04/01/2026,Books,-12.00\n05/01/2026,Salary,"1,000.00"\nTotal\n',
);

test('the preview shows rows as the mapping reads them, and changes with it', () => {
  const mapping = guessMapping(table);
  if (!mapping) throw new Error('no guess');
  const rows = previewRows(table, mapping, 2, 10);
  expect(rows.map((row) => (row.ok ? [row.line.date, row.line.amount] : row.code))).toEqual([
    ['2026-01-03', -35000],
    ['2026-01-04', -1200],
    ['2026-01-05', 100000],
  ]);
  const monthFirst = previewRows(table, { ...mapping, dateFormat: 'MM/DD/YYYY' }, 2, 10);
  expect(monthFirst.map((row) => (row.ok ? row.line.date : row.code))).toEqual([
    '2026-03-01',
    '2026-04-01',
    '2026-05-01',
  ]);
  const wrongOrder = previewRows(table, { ...mapping, dateFormat: 'YYYY-MM-DD' }, 2, 10);
  expect(wrongOrder.map((row) => (row.ok ? row.line.date : [row.line, row.code, row.values.value]))).toEqual([
    [2, 'bad-date', '03/01/2026'],
    [3, 'bad-date', '04/01/2026'],
    [4, 'bad-date', '05/01/2026'],
  ]);
});

test('the preview stops at the rows asked for', () => {
  const mapping = guessMapping(table);
  if (!mapping) throw new Error('no guess');
  expect(previewRows(table, mapping, 2, 2)).toHaveLength(2);
});
