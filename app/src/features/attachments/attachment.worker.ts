import type { PrepareReply, PrepareRequest } from './attachment-protocol.js';
import { prepareAttachment } from './prepare-attachment.js';

// Decoding, scaling and encoding a camera's photo takes long: here, never on the page.
self.addEventListener('message', (event: MessageEvent<PrepareRequest>) => {
  const { id, file, name, maxBytes } = event.data;
  void prepareAttachment(file, name, maxBytes).then(
    (result) => {
      const reply: PrepareReply = result.ok
        ? { id, ok: true, ...result.prepared }
        : { id, ok: false, refusal: result.refusal };
      self.postMessage(reply, { transfer: result.ok ? [result.prepared.bytes] : [] });
    },
    () => {
      const reply: PrepareReply = { id, ok: false, refusal: 'unreadable' };
      self.postMessage(reply);
    },
  );
});
