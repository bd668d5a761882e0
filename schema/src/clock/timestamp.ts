/**
 * A hybrid logical clock timestamp (SPEC rule LWW1): wall-clock milliseconds, a counter for
 * events within the same millisecond, and the id of the writer that made it. Totally ordered.
 */
export interface Timestamp {
  readonly millis: number;
  readonly counter: number;
  readonly node: string;
}

export const MAX_COUNTER = 0xffff;
/** The largest instant a JavaScript Date can hold; nothing later is a believable wall clock. */
export const MAX_MILLIS = 8_640_000_000_000_000;

const NODE_PATTERN = /^[0-9a-z]{1,16}$/;
const BASE36_PATTERN = /^[0-9a-z]{1,11}$/;

export function isNodeId(value: string): boolean {
  return NODE_PATTERN.test(value);
}

export function isTimestamp(value: Timestamp): boolean {
  return (
    Number.isSafeInteger(value.millis) &&
    value.millis >= 0 &&
    value.millis <= MAX_MILLIS &&
    Number.isSafeInteger(value.counter) &&
    value.counter >= 0 &&
    value.counter <= MAX_COUNTER &&
    isNodeId(value.node)
  );
}

/** Orders by millis, then counter, then node id (the tie-breaker of rule LWW1). */
export function compareTimestamps(a: Timestamp, b: Timestamp): -1 | 0 | 1 {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

/**
 * Compact text form `millis.counter.node`, numbers in base 36. When the reader already knows
 * the node (a writer's own entries), `omitNode` drops it to save bytes in every stored field.
 */
export function serializeTimestamp(timestamp: Timestamp, omitNode = false): string {
  const head = `${timestamp.millis.toString(36)}.${timestamp.counter.toString(36)}`;
  return omitNode ? head : `${head}.${timestamp.node}`;
}

/** Parses the compact form; `defaultNode` fills in a node omitted by the writer. */
export function parseTimestamp(text: string, defaultNode?: string): Timestamp | undefined {
  const parts = text.split('.');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [millisText, counterText, nodeText] = parts;
  if (millisText === undefined || counterText === undefined) return undefined;
  if (!BASE36_PATTERN.test(millisText) || !BASE36_PATTERN.test(counterText)) return undefined;
  const node = nodeText ?? defaultNode;
  if (node === undefined) return undefined;
  const timestamp = { millis: parseInt(millisText, 36), counter: parseInt(counterText, 36), node };
  return isTimestamp(timestamp) ? timestamp : undefined;
}
