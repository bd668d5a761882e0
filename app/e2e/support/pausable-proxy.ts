import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the relay whose answers can be held back: while paused, every socket
 * stays open and what devices send still reaches the relay, but nothing the relay says reaches
 * them — a relay that has stopped answering. Resuming delivers what was held, in order.
 */
export class PausableProxy {
  private paused = false;
  private readonly resumers = new Set<() => void>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<PausableProxy> {
    let proxy: PausableProxy | undefined;
    const server = createServer((device) => proxy?.carry(device, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
    proxy = new PausableProxy(server, address.port);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const resume of this.resumers) resume();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private carry(device: Socket, targetPort: number): void {
    const relay = connect(targetPort, '127.0.0.1');
    const held: Buffer[] = [];
    const flush = () => {
      for (const chunk of held.splice(0)) device.write(chunk);
    };
    this.sockets.add(device).add(relay);
    this.resumers.add(flush);
    device.on('data', (chunk) => relay.write(chunk));
    relay.on('data', (chunk: Buffer) => {
      if (this.paused) held.push(chunk);
      else device.write(chunk);
    });
    const end = () => {
      this.resumers.delete(flush);
      this.sockets.delete(device);
      this.sockets.delete(relay);
      device.destroy();
      relay.destroy();
    };
    device.on('close', end).on('error', end);
    relay.on('close', end).on('error', end);
  }
}
