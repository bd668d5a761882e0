import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { RELAY_NODE_FLAGS } from '../relay-node-flags.js';

const serverEntry = fileURLToPath(new URL('../server.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** The relay as a user runs it: `server.ts` in its own process, configured by its environment. */
export class RelayProcess {
  readonly exited: Promise<Exit>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  static spawn(dataDir: string, port = 0, env: Record<string, string> = {}): Promise<RelayProcess> {
    const child = spawn(process.execPath, [...RELAY_NODE_FLAGS, '--import', 'tsx', serverEntry], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        PASSWORD_COST: '1024',
        AUTH_REQUESTS_PER_MINUTE: '10000',
        UPGRADES_PER_MINUTE: '10000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const errors: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    return new Promise((resolve, reject) => {
      if (child.stdout === null) throw new Error('the relay process has no output stream');
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const entry = parseLogLine(line);
        if (entry?.msg === 'relay listening' && typeof entry.port === 'number')
          resolve(new RelayProcess(child, entry.port));
      });
      child.once('exit', (code) => reject(new Error(`relay exited with ${code} before listening: ${errors.join('')}`)));
    });
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  kill(signal: NodeJS.Signals): Promise<Exit> {
    this.child.kill(signal);
    return this.exited;
  }
}

function parseLogLine(line: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
