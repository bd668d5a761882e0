import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTION_NAMES } from '@tally/schema/testing';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { buildRelay } from '../build-relay.js';
import type { RelayConfig } from '../relay-config.js';
import type { RelayApp } from '../relay-context.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';

export interface Session {
  readonly userId: string;
  readonly deviceId: string;
  readonly docId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** A temporary data directory holding a real SQLite file and a signing key. */
export class DataDir {
  readonly path = mkdtempSync(join(tmpdir(), 'tally-relay-'));
  readonly signingKey = new Uint8Array(randomBytes(32));
  readonly dbFile = join(this.path, 'tally.db');

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** A relay over a real SQLite file, listening on 127.0.0.1 on a port the OS picks. */
export class RunningRelay {
  private constructor(
    readonly app: RelayApp,
    readonly storage: RelayStorage,
    readonly port: number,
  ) {}

  static async start(
    dataDir: DataDir,
    config: Partial<RelayConfig> = {},
    port = 0,
    storage: RelayStorage = new SqliteStorage(dataDir.dbFile),
  ): Promise<RunningRelay> {
    const app = await buildRelay({
      storage,
      signingKey: dataDir.signingKey,
      passwordCost: 2 ** 10,
      logLevel: 'silent',
      ...config,
    });
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('relay has no TCP address');
    return new RunningRelay(app, storage, address.port);
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  private stopped: Promise<void> | null = null;

  stop(): Promise<void> {
    this.stopped ??= this.app.close().then(() => this.storage.close());
    return this.stopped;
  }
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function register(httpUrl: string, email: string, deviceName = 'Phone'): Promise<Session> {
  const reply = await postJson(`${httpUrl}/api/auth/register`, {
    email,
    password: 'correct horse battery',
    deviceName,
  });
  if (reply.status !== 201) throw new Error(`register failed: ${JSON.stringify(reply.body)}`);
  return reply.body as Session;
}

export async function login(httpUrl: string, email: string, deviceName: string): Promise<Session> {
  const reply = await postJson(`${httpUrl}/api/auth/login`, { email, password: 'correct horse battery', deviceName });
  if (reply.status !== 200) throw new Error(`login failed: ${JSON.stringify(reply.body)}`);
  return reply.body as Session;
}

/** The stock y-websocket provider, as the app uses it, in Node. */
export function connect(
  syncUrl: string,
  session: Pick<Session, 'docId' | 'accessToken'>,
  doc = new Y.Doc(),
): WebsocketProvider {
  return new WebsocketProvider(syncUrl, session.docId, doc, {
    params: { token: session.accessToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
}

export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** How long `eventually` waits in a test: half a test's time, so a wait that never ends says what it waited for. */
const EVENTUALLY_MS = 30_000;

/**
 * Resolves once `condition` holds, checking whenever the event loop is idle for a moment; fails
 * after `limitMs` naming the condition (its source text), rather than at the test's timeout.
 */
export async function eventually(condition: () => boolean | Promise<boolean>, limitMs = EVENTUALLY_MS): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`still false after ${limitMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every top-level map of a ledger (SPEC, Records). */
const collections = [...COLLECTION_NAMES, 'attachments', 'settings', 'meta'];

/** Keys sorted at every level: a Y.Map lists keys in the order this replica happened to receive them. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

export function ledgerJson(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries(collections.map((name) => [name, canonical(doc.getMap(name).toJSON())]));
}

function stateVectorText(doc: Y.Doc): string {
  return JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([x], [y]) => x - y));
}

/** Same content and same history: equal state vectors and equal collections. */
export function sameLedger(a: Y.Doc, b: Y.Doc): boolean {
  return stateVectorText(a) === stateVectorText(b) && JSON.stringify(ledgerJson(a)) === JSON.stringify(ledgerJson(b));
}

export type UpgradeOutcome =
  | { readonly kind: 'refused'; readonly status: number }
  | { readonly kind: 'open'; readonly socket: WebSocket; readonly received: Buffer[] };

/** Tries a raw WebSocket upgrade, as a browser or a hand-written client would. */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.binaryType = 'nodebuffer';
    const received: Buffer[] = [];
    socket.on('message', (data: Buffer) => received.push(data));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ kind: 'refused', status: response.statusCode ?? 0 });
      response.resume();
      socket.terminate();
    });
    socket.once('open', () => resolve({ kind: 'open', socket, received }));
    socket.once('error', (error) => reject(error));
  });
}

/** A raw socket of a session's ledger, as a hand-written client opens it; throws if the relay refuses it. */
export async function openSyncSocket(
  syncUrl: string,
  session: Pick<Session, 'docId' | 'accessToken'>,
): Promise<WebSocket> {
  const opened = await openSocket(`${syncUrl}/${session.docId}?token=${session.accessToken}`);
  if (opened.kind !== 'open') throw new Error('expected the socket to open');
  return opened.socket;
}

export function closed(socket: WebSocket): Promise<number> {
  return closedWith(socket).then(({ code }) => code);
}

/** The close code and reason a peer hears. */
export function closedWith(socket: WebSocket): Promise<{ readonly code: number; readonly reason: string }> {
  if (socket.readyState === socket.CLOSED) return Promise.reject(new Error('already closed'));
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}
