import * as bc from 'lib0/broadcastchannel';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * The stock y-websocket provider, except for how a tab catches up with the device's other tabs
 * over BroadcastChannel: by state vectors and what each lacks. The stock provider broadcasts its
 * whole ledger when it connects, which made the tab encode the ledger on the start's path (2 s at
 * 100,000 transactions) and every other open tab decode and apply it. Here a tab that connects
 * sends its state vector, which the others answer with what it lacks; a tab that hears a state
 * vector holding something it lacks sends its own, once it has answered, so the one that holds it
 * sends just that. Every change after that passes between tabs as the stock provider sends it.
 * Tally shows no presence, so no awareness is asked for.
 */
export class LedgerProvider extends WebsocketProvider {
  constructor(...args: ConstructorParameters<typeof WebsocketProvider>) {
    super(...args);
    const answer = this.messageHandlers[messageSync];
    if (answer === undefined) throw new Error('the y-websocket provider has no handler for sync messages');
    this.messageHandlers[messageSync] = (encoder, decoder, provider, fromSocket, messageType) => {
      const heard = fromSocket ? undefined : decoding.clone(decoder);
      answer(encoder, decoder, provider, fromSocket, messageType);
      // The answer is sent once this returns; the state vector follows it, so the tab that asked
      // has what it lacked before it compares.
      if (heard !== undefined && this.lacksWhatIsHeld(heard)) queueMicrotask(() => this.announce());
    };
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

  /** Whether a sync message from another tab is a state vector holding something this tab lacks. */
  private lacksWhatIsHeld(message: decoding.Decoder): boolean {
    if (decoding.readVarUint(message) !== syncProtocol.messageYjsSyncStep1) return false;
    for (const [client, clock] of Y.decodeStateVector(decoding.readVarUint8Array(message))) {
      if (clock > Y.getState(this.doc.store, client)) return true;
    }
    return false;
  }
}
