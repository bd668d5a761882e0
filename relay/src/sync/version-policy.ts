import type { LedgerDocuments, LedgerVersion } from '../storage/documents/ledger-documents.js';

/** When a ledger's versions are taken and how long they are kept (R1, R2). */
export interface VersionPolicy {
  /** A changing ledger keeps a version at most this often. */
  readonly everyMs: number;
  /** Versions older than this are dropped. */
  readonly keepMs: number;
  /** Versions older than this are thinned to the newest of each day (UTC). */
  readonly thinAfterMs: number;
}

const dayMs = 24 * 60 * 60 * 1000;

export function versionPolicy(settings: {
  readonly versionEveryMinutes: number;
  readonly versionKeepDays: number;
  readonly versionThinAfterDays: number;
}): VersionPolicy {
  return {
    everyMs: settings.versionEveryMinutes * 60 * 1000,
    keepMs: settings.versionKeepDays * dayMs,
    thinAfterMs: settings.versionThinAfterDays * dayMs,
  };
}

/** The versions a ledger no longer keeps at `now` (R2): too old, or not the newest of their day once thinned. */
export function versionsToDrop(versions: readonly LedgerVersion[], now: number, policy: VersionPolicy): string[] {
  const dropped: string[] = [];
  const daysKept = new Set<number>();
  const newestFirst = [...versions].sort((a, b) => b.takenAt - a.takenAt);
  for (const version of newestFirst) {
    const age = now - version.takenAt;
    if (age > policy.keepMs) dropped.push(version.versionId);
    else if (age > policy.thinAfterMs) {
      const day = Math.floor(version.takenAt / dayMs);
      if (daysKept.has(day)) dropped.push(version.versionId);
      else daysKept.add(day);
    }
  }
  return dropped;
}

/** Stores a version of a ledger, then drops the versions the policy no longer keeps (R1, R2). */
export async function keepVersion(
  documents: LedgerDocuments,
  docId: string,
  state: Uint8Array,
  takenAt: number,
  policy: VersionPolicy,
): Promise<void> {
  await documents.saveVersion(docId, state, takenAt);
  const dropped = versionsToDrop(await documents.listVersions(docId), takenAt, policy);
  if (dropped.length > 0) await documents.dropVersions(docId, dropped);
}
