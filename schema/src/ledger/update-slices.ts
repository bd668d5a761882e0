/**
 * A large Yjs update (V1) cut into smaller ones that, applied one after another, give the same
 * document as the whole, so that a device can apply a first sync or its stored ledger a slice per
 * task instead of in one long one. The update's bytes are scanned, never decoded into structs:
 * each slice is its structs' bytes as they came, behind a header naming their client and first
 * clock (a V1 struct's bytes do not depend on what precedes it).
 *
 * Slices come in an order in which each struct finds what it builds on (its origin, right origin
 * or parent, when another client wrote it) in the document or in an earlier slice, so none is left
 * pending. The delete set travels with the last slice, once everything it deletes is there.
 */

/** Why an update is not cut: it is then applied whole, as before, and Yjs says what is wrong with it. */
class Uncuttable extends Error {}

/** One client's structs in the update. */
interface ClientRun {
  readonly client: number;
  readonly count: number;
  /** Byte offset of each struct in the update, and of the end of the last (`count + 1` entries). */
  readonly starts: Float64Array;
  /** Each struct's first clock, and the clock after the last (`count + 1` entries). */
  readonly clocks: Float64Array;
  /** Up to two structs of other clients each struct builds on: client and clock, -1 for none. */
  readonly needClients: Float64Array;
  readonly needClocks: Float64Array;
}

const NONE = -1;

class Scanner {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    const value = this.bytes[this.pos++];
    if (value === undefined) throw new Uncuttable('the update ends early');
    return value;
  }

  varUint(): number {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
      if (factor > Number.MAX_SAFE_INTEGER) throw new Uncuttable('a number too large');
    }
  }

  /** Skips `length` bytes. */
  skip(length: number): void {
    if (length > this.bytes.length - this.pos) throw new Uncuttable('the update ends early');
    this.pos += length;
  }

  /** Skips a length-prefixed string or byte array; returns where its bytes began and their count. */
  bytesField(): number {
    const length = this.varUint();
    this.skip(length);
    return length;
  }

  /** A string's length in UTF-16 code units, as Yjs counts a text's clock, without decoding it. */
  stringUnits(): number {
    const length = this.varUint();
    const end = this.pos + length;
    if (length > this.bytes.length - this.pos) throw new Uncuttable('the update ends early');
    let units = 0;
    for (let i = this.pos; i < end; i++) {
      const byte = this.bytes[i] as number;
      if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
    }
    this.pos = end;
    return units;
  }

  /** Skips a value in lib0's `writeAny` encoding. */
  any(depth = 0): void {
    if (depth > 100) throw new Uncuttable('a value nested too deeply');
    const tag = this.byte();
    switch (tag) {
      case 127:
      case 126:
      case 121:
      case 120:
        return;
      case 125:
        while (this.byte() & 0x80) {}
        return;
      case 124:
        this.skip(4);
        return;
      case 123:
      case 122:
        this.skip(8);
        return;
      case 119:
      case 116:
        this.bytesField();
        return;
      case 118: {
        const entries = this.varUint();
        for (let i = 0; i < entries; i++) {
          this.bytesField();
          this.any(depth + 1);
        }
        return;
      }
      case 117: {
        const items = this.varUint();
        for (let i = 0; i < items; i++) this.any(depth + 1);
        return;
      }
      default:
        throw new Uncuttable(`an unknown value type ${tag}`);
    }
  }

  /** Skips an item's content; returns its length in clock ticks. */
  content(ref: number): number {
    switch (ref) {
      case 1: // deleted
        return this.varUint();
      case 2: {
        // JSON
        const items = this.varUint();
        for (let i = 0; i < items; i++) this.bytesField();
        return items;
      }
      case 3: // binary
      case 5: // embed
        this.bytesField();
        return 1;
      case 4: // string
        return this.stringUnits();
      case 6: // format
        this.bytesField();
        this.bytesField();
        return 1;
      case 7: {
        // a type; an XML element or hook names itself
        const type = this.varUint();
        if (type === 3 || type === 5) this.bytesField();
        return 1;
      }
      case 8: {
        // any
        const items = this.varUint();
        for (let i = 0; i < items; i++) this.any();
        return items;
      }
      case 9: // a subdocument
        this.bytesField();
        this.any();
        return 1;
      default:
        throw new Uncuttable(`an unknown content type ${ref}`);
    }
  }
}

function scan(update: Uint8Array): { runs: ClientRun[]; deleteSetStart: number } {
  const scanner = new Scanner(update);
  const clientCount = scanner.varUint();
  const runs: ClientRun[] = [];
  const seen = new Set<number>();
  for (let c = 0; c < clientCount; c++) {
    const count = scanner.varUint();
    // Every struct takes at least a byte: a count beyond what is left is not believed.
    if (count > update.length - scanner.pos) throw new Uncuttable('more structs than bytes');
    const client = scanner.varUint();
    if (seen.has(client)) throw new Uncuttable('a client twice');
    seen.add(client);
    let clock = scanner.varUint();
    const run: ClientRun = {
      client,
      count,
      starts: new Float64Array(count + 1),
      clocks: new Float64Array(count + 1),
      needClients: new Float64Array(count * 2).fill(NONE),
      needClocks: new Float64Array(count * 2).fill(NONE),
    };
    for (let i = 0; i < count; i++) {
      run.starts[i] = scanner.pos;
      run.clocks[i] = clock;
      const info = scanner.byte();
      const ref = info & 0x1f;
      if (ref === 0 || ref === 10) {
        // GC or skip: a length and nothing it builds on.
        clock += scanner.varUint();
        continue;
      }
      let needs = 0;
      const need = (needClient: number, needClock: number): void => {
        if (needClient === client) return;
        run.needClients[i * 2 + needs] = needClient;
        run.needClocks[i * 2 + needs] = needClock;
        needs++;
      };
      if (info & 0x80) need(scanner.varUint(), scanner.varUint());
      if (info & 0x40) need(scanner.varUint(), scanner.varUint());
      if ((info & 0xc0) === 0) {
        if (scanner.varUint() === 1) scanner.bytesField();
        else need(scanner.varUint(), scanner.varUint());
        if (info & 0x20) scanner.bytesField();
      }
      clock += scanner.content(ref);
    }
    run.starts[count] = scanner.pos;
    run.clocks[count] = clock;
    runs.push(run);
  }
  const deleteSetStart = scanner.pos;
  const deleteClients = scanner.varUint();
  for (let c = 0; c < deleteClients; c++) {
    scanner.varUint();
    const deletes = scanner.varUint();
    for (let d = 0; d < deletes; d++) {
      scanner.varUint();
      scanner.varUint();
    }
  }
  if (scanner.pos !== update.length) throw new Uncuttable('bytes after the delete set');
  return { runs, deleteSetStart };
}

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest % 128));
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

/** One client's structs `from` up to `to` in a slice. */
interface Piece {
  readonly run: ClientRun;
  readonly from: number;
  readonly to: number;
}

function encodeSlice(update: Uint8Array, pieces: readonly Piece[], deleteSet: Uint8Array): Uint8Array {
  const header: number[] = [];
  writeVarUint(header, pieces.length);
  const parts: { header: number[]; start: number; end: number }[] = [];
  let length = 0;
  for (const { run, from, to } of pieces) {
    const own: number[] = [];
    writeVarUint(own, to - from);
    writeVarUint(own, run.client);
    writeVarUint(own, run.clocks[from] as number);
    const start = run.starts[from] as number;
    const end = run.starts[to] as number;
    parts.push({ header: own, start, end });
    length += own.length + end - start;
  }
  const slice = new Uint8Array(header.length + length + deleteSet.length);
  slice.set(header, 0);
  let at = header.length;
  for (const part of parts) {
    slice.set(part.header, at);
    at += part.header.length;
    slice.set(update.subarray(part.start, part.end), at);
    at += part.end - part.start;
  }
  slice.set(deleteSet, at);
  return slice;
}

const EMPTY_DELETE_SET = new Uint8Array([0]);

/**
 * Cuts `update` into slices of about `structs` structs each (a client's run of structs is never
 * split across fewer). An update it cannot cut — too small, not a V1 update it can read to the
 * end, or holding a struct whose dependency is neither in the update nor before it — comes back
 * whole, to be applied as it was.
 */
export function sliceUpdate(update: Uint8Array, structs: number): Uint8Array[] {
  if (!(structs >= 1)) throw new RangeError(`a slice holds at least one struct, not ${structs}`);
  let scanned: ReturnType<typeof scan>;
  try {
    scanned = scan(update);
  } catch (error) {
    if (error instanceof Uncuttable) return [update];
    throw error;
  }
  const { runs, deleteSetStart } = scanned;
  const total = runs.reduce((sum, run) => sum + run.count, 0);
  if (total <= structs) return [update];
  const indexOf = new Map(runs.map((run, r) => [run.client, r]));
  const next = runs.map(() => 0);
  // A dependency is met once the struct holding it is in a slice so far (the current one included,
  // as Yjs orders the structs of one update itself), or lies before the update's first clock of
  // its client (the document must already hold it, as for the update whole).
  const met = (client: number, clock: number): boolean => {
    const r = indexOf.get(client);
    if (r === undefined) return true;
    const run = runs[r] as ClientRun;
    return clock < (run.clocks[0] as number) || clock < (run.clocks[next[r] as number] as number);
  };
  const slices: Uint8Array[] = [];
  // The current slice's structs, one piece per client: Yjs reads a client once per update.
  let pieces = new Map<ClientRun, Piece>();
  let inSlice = 0;
  let left = total;
  const close = (last: boolean): void => {
    slices.push(encodeSlice(update, [...pieces.values()], last ? update.subarray(deleteSetStart) : EMPTY_DELETE_SET));
    pieces = new Map();
    inSlice = 0;
  };
  while (left > 0) {
    let moved = false;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r] as ClientRun;
      const from = next[r] as number;
      let to = from;
      while (to < run.count && inSlice < structs) {
        let ready = true;
        for (let k = 0; k < 2 && ready; k++) {
          const client = run.needClients[to * 2 + k] as number;
          if (client !== NONE) ready = met(client, run.needClocks[to * 2 + k] as number);
        }
        if (!ready) break;
        to++;
        inSlice++;
        next[r] = to;
      }
      if (to > from) {
        pieces.set(run, { run, from: pieces.get(run)?.from ?? from, to });
        left -= to - from;
        moved = true;
      }
      if (inSlice >= structs && left > 0) close(false);
    }
    // Nothing could move: a struct builds on one the update does not hold. Whole, as before.
    if (!moved && left > 0) return [update];
  }
  close(true);
  return slices;
}
