/**
 * The imports this page is writing now, by batch. Their entries are already among the recent
 * imports (so a closed tab leaves them undoable), but while they are written here undo waits:
 * removing part of an import the page is still adding to would leave the rest loose.
 */
const batches = new Set<string>();
let snapshot: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function changed(): void {
  snapshot = new Set(batches);
  for (const listener of listeners) listener();
}

export const importsBeingWritten = {
  add(batch: string): void {
    batches.add(batch);
    changed();
  },
  delete(batch: string): void {
    if (batches.delete(batch)) changed();
  },
  /** The same set until one starts or ends, as `useSyncExternalStore` wants. */
  current(): ReadonlySet<string> {
    return snapshot;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
