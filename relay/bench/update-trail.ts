import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

interface SentUpdate {
  readonly bytes: number;
  /** Where the writer's clock stands after it. */
  readonly end: number;
}

/**
 * The updates one writer made to a document, in order, and how far a peer has received them —
 * judged by what a received update carries, not by how many arrived: a relay that repairs a gap
 * sends the updates it missed merged into one (SPEC C2), and that one delivers them all.
 */
export class UpdateTrail {
  /** Where the writer's clock stands after each update. */
  readonly ends: readonly number[];
  /** Each update by its first clock, to know one received as sent without decoding it. */
  readonly sent = new Map<number, SentUpdate>();

  constructor(
    readonly client: number,
    updates: readonly Uint8Array[],
  ) {
    this.ends = updates.map((update) => {
      const { from, to } = Y.parseUpdateMeta(update);
      const start = from.get(client) ?? 0;
      const end = to.get(client) ?? start;
      this.sent.set(start, { bytes: update.byteLength, end });
      return end;
    });
  }

  /** A peer's view of the trail. */
  follow(): TrailFollower {
    return new TrailFollower(this);
  }
}

/** How many of a trail's updates a peer holds, counted as a stock Yjs client would apply them. */
export class TrailFollower {
  held = 0;
  private heldClock = 0;
  /** Received past a missing one, first clock to last: a Yjs client keeps such updates pending. */
  private readonly ahead = new Map<number, number>();

  constructor(private readonly trail: UpdateTrail) {}

  /** Takes in a received update; returns how many more of the trail's updates the peer now holds. */
  receive(update: Uint8Array): number {
    // Nearly every update arrives as it was sent, which its first bytes tell (clients, structs,
    // client, clock); only a merged one is decoded.
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) === 1) {
      decoding.readVarUint(decoder);
      const client = decoding.readVarUint(decoder);
      const start = decoding.readVarUint(decoder);
      const sent = this.trail.sent.get(start);
      if (client === this.trail.client && sent?.bytes === update.byteLength) return this.advance(start, sent.end);
    }
    const { from, to } = Y.parseUpdateMeta(update);
    const end = to.get(this.trail.client);
    return end === undefined ? 0 : this.advance(from.get(this.trail.client) ?? 0, end);
  }

  private advance(start: number, end: number): number {
    this.ahead.set(start, Math.max(end, this.ahead.get(start) ?? 0));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [first, last] of this.ahead) {
        if (first > this.heldClock) continue;
        this.ahead.delete(first);
        if (last > this.heldClock) {
          this.heldClock = last;
          grew = true;
        }
      }
    }
    const before = this.held;
    const { ends } = this.trail;
    while (this.held < ends.length && (ends[this.held] ?? 0) <= this.heldClock) this.held++;
    return this.held - before;
  }
}
