import { type ProxyLink, TcpProxy } from '../../../relay/src/testing/tcp-proxy.js';

/**
 * A TCP proxy in front of the relay whose answers can be held back: while paused, every socket
 * stays open and what devices send still reaches the relay, but nothing the relay says reaches
 * them — a relay that has stopped answering. Resuming delivers what was held, in order.
 */
export class PausableProxy {
  private paused = false;
  private readonly resumers = new Set<() => void>();

  private constructor(private readonly proxy: TcpProxy) {}

  static async start(targetPort: number): Promise<PausableProxy> {
    let pausable: PausableProxy | undefined;
    const proxy = await TcpProxy.start(targetPort, (link) => pausable?.carry(link));
    pausable = new PausableProxy(proxy);
    return pausable;
  }

  get url(): string {
    return this.proxy.url;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const resume of this.resumers) resume();
  }

  stop(): Promise<void> {
    return this.proxy.stop();
  }

  private carry({ device, relay }: ProxyLink): () => void {
    const held: Buffer[] = [];
    const flush = (): void => {
      for (const chunk of held.splice(0)) device.write(chunk);
    };
    this.resumers.add(flush);
    device.on('data', (chunk: Buffer) => relay.write(chunk));
    relay.on('data', (chunk: Buffer) => {
      if (this.paused) held.push(chunk);
      else device.write(chunk);
    });
    return () => this.resumers.delete(flush);
  }
}
