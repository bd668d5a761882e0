import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from './postgres-cluster.js';

const missing =
  'redis-server was not found; the relay tests run several relays over a real Redis: install the Debian ' +
  'package `redis-server` (apt-get install redis-server).';

/** A throwaway Redis server on 127.0.0.1 that keeps nothing on disk; restarting it drops every connection. */
export class RedisServer {
  private constructor(
    private child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<RedisServer> {
    const port = await freePort();
    return new RedisServer(await launch(port), port);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Kills the server, as a crash would: every connection drops, and whatever is published meanwhile is lost. */
  crash(): Promise<void> {
    return this.kill();
  }

  /** Starts the server again on the same port, empty. */
  async revive(): Promise<void> {
    this.child = await launch(this.port);
  }

  stop(): Promise<void> {
    return this.kill();
  }

  private kill(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

function launch(port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`${missing} (${error.message})`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before it was ready`)));
    if (child.stdout === null) throw new Error('redis-server has no output stream');
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve(child);
    });
  });
}
