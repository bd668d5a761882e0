import * as Y from 'yjs';

/** Clocks `[clock, end)` of one Yjs client. */
export interface ClockRange {
  readonly clock: number;
  readonly end: number;
}

/**
 * Writes an update in Yjs's V1 format (the y-websocket wire format): one block per client of
 * structs that follow each other without a gap, then the deleted ranges. Each struct writes
 * itself; the counts, clients and clocks around them are variable-length unsigned integers in
 * V1, which is what the encoder's `writeLen` and `writeClient` write.
 */
export function writeUpdate(
  blocks: ReadonlyMap<number, readonly (Y.Item | Y.GC)[]>,
  deleted: ReadonlyMap<number, readonly ClockRange[]>,
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoder.writeLen(blocks.size);
  for (const [client, structs] of blocks) {
    encoder.writeLen(structs.length);
    encoder.writeClient(client);
    encoder.writeLen(structs[0]?.id.clock ?? 0);
    for (const struct of structs) struct.write(encoder, 0);
  }
  encoder.writeLen(deleted.size);
  for (const [client, ranges] of deleted) {
    encoder.writeClient(client);
    encoder.writeLen(ranges.length);
    for (const { clock, end } of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(end - clock);
    }
  }
  return encoder.toUint8Array();
}

/** Ranges in clock order, overlapping and touching ones joined. */
export function joinRanges(ranges: readonly ClockRange[]): ClockRange[] {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  const joined: ClockRange[] = [];
  for (const range of sorted) {
    const last = joined[joined.length - 1];
    if (last && range.clock <= last.end)
      joined[joined.length - 1] = { clock: last.clock, end: Math.max(last.end, range.end) };
    else joined.push(range);
  }
  return joined;
}

/** Whether a clock lies in one of the ranges (joined, in clock order). */
export function inRanges(ranges: readonly ClockRange[] | undefined, clock: number): boolean {
  if (!ranges) return false;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle] as ClockRange;
    if (clock < range.clock) high = middle - 1;
    else if (clock >= range.end) low = middle + 1;
    else return true;
  }
  return false;
}
