/**
 * Runs `work` once the page is idle, or after `timeoutMs` at the latest, so work that can wait
 * never delays input or a paint; where the browser has no idle callbacks, in the next task.
 * Returns what cancels it.
 */
export function whenIdle(work: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
}
