import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';

/**
 * The stock y-websocket provider, except for what a tab says to the device's other tabs when it
 * connects: only its state vector, which they answer with what it lacks. The stock provider also
 * broadcasts its whole ledger, which made the tab encode the ledger on the start's path (2 s at
 * 100,000 transactions) and every other open tab decode and apply it, to learn nothing: a tab
 * opens with what the device's IndexedDB holds, which the open tabs wrote or received themselves.
 * What a tab holds that the others do not — written while it had no link, or received from the
 * relay — reaches them from the relay. Tally shows no presence, so no awareness is asked for.
 */
export class LedgerProvider extends WebsocketProvider {
  override connectBc(): void {
    if (this.disableBc) return;
    if (!this.bcconnected) {
      bc.subscribe(this.bcChannel, this._bcSubscriber);
      this.bcconnected = true;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    bc.publish(this.bcChannel, encoding.toUint8Array(encoder), this);
  }
}
