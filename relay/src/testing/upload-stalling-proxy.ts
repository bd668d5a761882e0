import { connect, createServer, type Server, type Socket } from 'node:net';

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
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<UploadStallingProxy> {
    let proxy: UploadStallingProxy | undefined;
    const server = createServer((device) => proxy?.carry(device, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
    proxy = new UploadStallingProxy(server, address.port);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private carry(device: Socket, targetPort: number): void {
    const relay = connect(targetPort, '127.0.0.1');
    let holdingBody = false;
    this.sockets.add(device).add(relay);
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
    const end = () => {
      this.sockets.delete(device);
      this.sockets.delete(relay);
      device.destroy();
      relay.destroy();
    };
    device.on('close', end).on('error', end);
    relay.on('close', end).on('error', end);
  }
}
