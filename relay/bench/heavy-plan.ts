/** What the heavy-ledger client (heavy-ledger.ts) is told, and the phases it reports on. */
export interface HeavyPlan {
  readonly httpUrl: string;
  /** The large ledger as a device holds it, and the mass delete it makes next. */
  readonly firstSyncFile: string;
  readonly massDeleteFile: string;
  readonly timeLimitMs: number;
}

/** Each phase lasts from its start to the next one's, so work a phase leaves behind counts in it. */
export const heavyPhases = ['before', 'first sync', 'mass delete', 'restore', 'unload'] as const;
