import { Ledger } from '@tally/schema';
import { randomOperation, SeededRandom } from '@tally/schema/testing';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { recordEchoes } from './echo-record.js';
import { connect, type Session } from './relay-harness.js';

/** A device whose user keeps editing the ledger, online or not, through the stock provider. */
export class WritingDevice {
  readonly provider: WebsocketProvider;
  readonly ledger: Ledger;
  readonly echoed: Y.Doc;
  private readonly random: SeededRandom;
  private timer: NodeJS.Timeout | null = null;
  writes = 0;

  constructor(syncUrl: string, session: Session, seed: number) {
    this.random = new SeededRandom(seed);
    this.provider = connect(syncUrl, session);
    this.ledger = new Ledger(this.provider.doc, { random: this.random });
    this.echoed = recordEchoes(this.provider);
  }

  get doc(): Y.Doc {
    return this.provider.doc;
  }

  startWriting(): void {
    const tick = (): void => {
      randomOperation(this.ledger, this.random);
      this.writes++;
      this.timer = setTimeout(tick, this.random.int(1, 15));
    };
    tick();
  }

  stopWriting(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  destroy(): void {
    this.stopWriting();
    this.provider.destroy();
    this.doc.destroy();
  }
}
