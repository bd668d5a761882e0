import { describe, expect, it } from 'vitest';
import { versionPolicy, versionsToDrop } from './version-policy.js';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const policy = versionPolicy({ versionEveryMinutes: 60, versionKeepDays: 30, versionThinAfterDays: 2 });
const now = Date.UTC(2026, 11, 3, 12);

function version(versionId: string, takenAt: number) {
  return { versionId, takenAt, bytes: 100 };
}

describe('the versions a ledger keeps', () => {
  it('[R2] keeps every version of the last days, one a day after that, none past the keeping time', () => {
    const versions = [
      version('recent-1', now - 1 * hour),
      version('recent-2', now - 30 * hour),
      version('day-5-late', Date.UTC(2026, 10, 28, 20)),
      version('day-5-early', Date.UTC(2026, 10, 28, 8)),
      version('day-6', Date.UTC(2026, 10, 27, 9)),
      version('too-old', now - 31 * day),
    ];
    expect(versionsToDrop(versions, now, policy).sort()).toEqual(['day-5-early', 'too-old']);
  });

  it('[R2] drops nothing from a ledger whose versions are all recent', () => {
    expect(versionsToDrop([version('a', now - hour), version('b', now - 2 * hour)], now, policy)).toEqual([]);
  });
});
