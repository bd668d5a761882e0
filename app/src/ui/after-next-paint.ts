/** Resolves once the browser has painted what React just rendered ("Restoring…", the first rows), so slow work that follows is not in front of it. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A hidden page gets no animation frames; it has nothing to paint either.
    setTimeout(resolve, 100);
  });
}
