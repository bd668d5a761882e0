import { useEffect, useSyncExternalStore } from 'react';
import { useTally } from '../../tally/index.js';
import { type ReportResults, reportEngineOf } from './report-engine.js';
import type { ReportRequest } from './report-request.js';

/**
 * Asks for a report, computed off the page, and follows its newest result: the previous one stays
 * on screen, marked as updating, until the new one arrives. `request` must be stable (memoised).
 */
export function useReport(request: ReportRequest | null): ReportResults {
  const engine = reportEngineOf(useTally());
  const results = useSyncExternalStore(engine.subscribe, engine.getSnapshot);
  useEffect(() => {
    if (request) engine.request(request);
  }, [engine, request]);
  return results;
}
