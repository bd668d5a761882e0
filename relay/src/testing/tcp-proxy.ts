import { connect, createServer, type Server, type Socket } from 'node:net';

/** One connection through the proxy: the device's socket and the one it opened to the relay. */
export interface ProxyLink {
  readonly device: Socket;
  readonly relay: Socket;
}

/**
 * Carries one connection: attaches what passes between `device` and `relay`, and may return what
 * to undo when the connection ends.
 */
export type Carry = (link: ProxyLink) => (() => void) | undefined;

/**
 * A TCP proxy on 127.0.0.1 in front of a relay, for tests of what a device sees when the line
 * misbehaves. It opens a connection to the relay for each device's connection, closes both when
 * either ends, and leaves what passes between them to `carry`.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, carry: Carry): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((device) => proxy?.link(device, targetPort, carry));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
    proxy = new TcpProxy(server, address.port);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private link(device: Socket, targetPort: number, carry: Carry): void {
    const relay = connect(targetPort, '127.0.0.1');
    this.sockets.add(device).add(relay);
    const undo = carry({ device, relay });
    const end = (): void => {
      undo?.();
      this.sockets.delete(device);
      this.sockets.delete(relay);
      device.destroy();
      relay.destroy();
    };
    device.once('close', end).on('error', end);
    relay.once('close', end).on('error', end);
  }
}
