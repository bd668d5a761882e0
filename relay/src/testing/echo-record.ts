import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * Everything the relay has sent one provider's document: its sync replies and broadcast updates.
 * The relay stores an update before sending it to anyone, so all of it must survive a crash.
 */
export function recordEchoes(provider: WebsocketProvider): Y.Doc {
  const echoed = new Y.Doc();
  const watch = (): void => {
    provider.ws?.addEventListener('message', (event: MessageEvent) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(decoder) !== 0) return;
      const type = decoding.readVarUint(decoder);
      if (type === 1 || type === 2) Y.applyUpdate(echoed, decoding.readVarUint8Array(decoder));
    });
  };
  watch();
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') watch();
  });
  return echoed;
}

/** True when `whole` already holds every insertion and deletion of `part`. */
export function holdsAll(whole: Y.Doc, part: Y.Doc): boolean {
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(whole));
  const before = Y.snapshot(probe);
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(part));
  return Y.equalSnapshots(before, Y.snapshot(probe));
}
