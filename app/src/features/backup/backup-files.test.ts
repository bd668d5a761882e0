import { describe, expect, it } from 'vitest';
import { exportFileName, exportFileType } from './backup-files.js';

describe('exported file names', () => {
  it('say what the file holds and the day it was made, so downloads sort by date', () => {
    expect(exportFileName('backup', '2026-11-25')).toBe('tally-backup-2026-11-25.json');
    expect(exportFileName('transactions', '2026-01-05')).toBe('tally-transactions-2026-01-05.csv');
  });

  it('carry the type a spreadsheet or another app expects', () => {
    expect(exportFileType('backup')).toBe('application/json');
    expect(exportFileType('transactions')).toBe('text/csv');
  });
});
