import { applyReceivedUpdate } from '@tally/schema';
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
    try {
      applyReceivedUpdate(this.doc, decoding.readVarUint8Array(message), this);
    } catch (error) {
      console.error('Caught error while handling a Yjs update', error);
    }
    if (fromSocket && kind === syncProtocol.messageYjsSyncStep2) this.synced = true;
    return true;
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
