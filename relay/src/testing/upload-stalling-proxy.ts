import type { ProxyLink } from './tcp-proxy.js';
import { TcpProxy } from './tcp-proxy.js';

const BLOB_UPLOAD = 'PUT /api/blobs/';
const HEAD_END = '\r\n\r\n';

/**
 * A TCP proxy in front of the relay that, once, lets a file upload's request line and headers
 * through and keeps its body back: to the relay, a line that went quiet mid-upload. Everything
 * else passes as it is, so the relay itself decides what a stalled upload gets (408).
 */
export class UploadStallingProxy {
  /** How many file uploads reached the proxy, the stalled one included. */
  uploads = 0;
  /** The relay's first answer to the stalled upload, as its status line says. */
  stalledAnswer: string | undefined;
  private stalled = false;

  private constructor(private readonly proxy: TcpProxy) {}

  static async start(targetPort: number): Promise<UploadStallingProxy> {
    let stalling: UploadStallingProxy | undefined;
    const proxy = await TcpProxy.start(targetPort, (link) => stalling?.carry(link));
    stalling = new UploadStallingProxy(proxy);
    return stalling;
  }

  get url(): string {
    return this.proxy.url;
  }

  stop(): Promise<void> {
    return this.proxy.stop();
  }

  private carry({ device, relay }: ProxyLink): undefined {
    let holdingBody = false;
    device.on('data', (chunk: Buffer) => {
      if (holdingBody) return;
      // A client writes a request's line and headers in one piece, so a request starts a chunk.
      const start = chunk.toString('latin1', 0, BLOB_UPLOAD.length);
      if (start === BLOB_UPLOAD) this.uploads += 1;
      if (start !== BLOB_UPLOAD || this.stalled) {
        relay.write(chunk);
        return;
      }
      const headEnd = chunk.indexOf(HEAD_END, 0, 'latin1');
      if (headEnd < 0) throw new Error('an upload’s headers came in more than one piece');
      this.stalled = true;
      holdingBody = true;
      relay.write(chunk.subarray(0, headEnd + HEAD_END.length));
      relay.once('data', (answer: Buffer) => {
        this.stalledAnswer = answer.toString('latin1').split('\r\n')[0];
      });
    });
    relay.on('data', (chunk: Buffer) => device.write(chunk));
    return undefined;
  }
}
