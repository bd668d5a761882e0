import { applyReceivedUpdate, sliceUpdate } from '@tally/schema';
import * as bc from 'lib0/broadcastchannel';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { nextTask } from './next-task.js';

/**
 * A received update this large (a first sync, a device catching up on much) is applied a slice
 * per task (`sliceUpdate`), so the page answers input and paints meanwhile: applied whole, a
 * first sync of 100,000 transactions held the page for seconds.
 */
const SLICED_BYTES = 256 * 1024;
/** Structs a slice holds: about a record each, some 20 ms of applying and observing on a phone. */
const SLICE_STRUCTS = 2_000;

/** A received update waiting its turn, and the socket whose sync reply it is, if it is one. */
interface Received {
  readonly update: Uint8Array;
  readonly reply: WebSocket | null;
}

/**
 * The stock y-websocket provider, except for how a tab catches up with the device's other tabs
 * over BroadcastChannel: by state vectors and what each lacks. The stock provider broadcasts its
 * whole ledger when it connects, which made the tab encode the ledger on the start's path (2 s at
 * 100,000 transactions) and every other open tab decode and apply it. Here a tab that connects
 * sends its state vector, which the others answer with what it lacks; a tab that hears a state
 * vector holding something it lacks sends its own, once it has answered, so the one that holds it
 * sends just that. Every change after that passes between tabs as the stock provider sends it.
 * Tally shows no presence, so no awareness is asked for. A large update received is applied in
 * slices, and everything received after it waits its turn; the provider is synced once the
 * relay's reply is applied whole.
 */
export class LedgerProvider extends WebsocketProvider {
  /** Updates received while a large one is applied in slices, in the order they came; null when none is. */
  private waiting: Received[] | null = null;
  private destroyed = false;

  constructor(...[serverUrl, room, doc, options = {}]: ConstructorParameters<typeof WebsocketProvider>) {
    // Connected once the handler below is in place: a tab in the same process answers at once.
    super(serverUrl, room, doc, { ...options, connect: false });
    const answer = this.messageHandlers[messageSync];
    if (answer === undefined) throw new Error('the y-websocket provider has no handler for sync messages');
    this.messageHandlers[messageSync] = (encoder, decoder, provider, fromSocket, messageType) => {
      if (this.appliedAsReceived(decoding.clone(decoder), fromSocket)) return;
      const heard = fromSocket ? undefined : decoding.clone(decoder);
      answer(encoder, decoder, provider, fromSocket, messageType);
      // The answer is sent once this returns; the state vector follows it, so the tab that asked
      // has what it lacked before it compares.
      if (heard !== undefined && this.lacksWhatIsHeld(heard)) queueMicrotask(() => this.announce());
    };
    if (options.connect ?? true) this.connect();
  }

  override destroy(): void {
    // What is left of a large update is not applied: the next sync sends it again.
    this.destroyed = true;
    super.destroy();
  }

  override connectBc(): void {
    if (this.disableBc) return;
    if (!this.bcconnected) {
      bc.subscribe(this.bcChannel, this._bcSubscriber);
      this.bcconnected = true;
    }
    this.announce();
  }

  /** Tells the device's other tabs this tab's state vector, which they answer with what it lacks. */
  private announce(): void {
    if (!this.bcconnected) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    bc.publish(this.bcChannel, encoding.toUint8Array(encoder), this);
  }

  /**
   * Applies a sync message carrying changes (a sync step 2 or an update) as the stock provider
   * does, except that y-indexeddb stores the bytes received rather than Yjs encoding them again
   * (`applyReceivedUpdate`): a first sync's 17 MB cost about 1.1 s more of the main thread that way.
   * Whether the message was one; a state vector is left to the stock handler, which answers it.
   */
  private appliedAsReceived(message: decoding.Decoder, fromSocket: boolean): boolean {
    const kind = decoding.readVarUint(message);
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) return false;
    const update = decoding.readVarUint8Array(message);
    const reply = fromSocket && kind === syncProtocol.messageYjsSyncStep2 ? this.ws : null;
    if (this.waiting === null && update.byteLength < SLICED_BYTES) {
      this.apply(update);
      if (reply !== null) this.synced = true;
      return true;
    }
    if (this.waiting === null) {
      this.waiting = [{ update, reply }];
      void this.applyWaiting();
    } else {
      this.waiting.push({ update, reply });
    }
    return true;
  }

  private apply(update: Uint8Array): void {
    try {
      applyReceivedUpdate(this.doc, update, this);
    } catch (error) {
      console.error('Caught error while handling a Yjs update', error);
    }
  }

  /** Applies what is waiting, a large update a slice per task, until nothing is. */
  private async applyWaiting(): Promise<void> {
    for (let next = this.waiting?.shift(); next !== undefined; next = this.waiting?.shift()) {
      const slices = next.update.byteLength < SLICED_BYTES ? [next.update] : sliceUpdate(next.update, SLICE_STRUCTS);
      for (const slice of slices) {
        await nextTask();
        if (this.destroyed) return;
        this.apply(slice);
      }
      // Synced only by the reply of the socket still open: one closed meanwhile has set it false.
      if (next.reply !== null && next.reply === this.ws) this.synced = true;
    }
    this.waiting = null;
  }

  /** Whether a sync message from another tab is a state vector holding something this tab lacks. */
  private lacksWhatIsHeld(message: decoding.Decoder): boolean {
    if (decoding.readVarUint(message) !== syncProtocol.messageYjsSyncStep1) return false;
    for (const [client, clock] of Y.decodeStateVector(decoding.readVarUint8Array(message))) {
      if (clock > Y.getState(this.doc.store, client)) return true;
    }
    return false;
  }
}
