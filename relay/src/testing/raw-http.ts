import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the relay sent before the connection ended. */
  readonly response: string;
  /** True once the relay closed the connection. */
  readonly closedByRelay: boolean;
}

/**
 * Sends one WebSocket upgrade request by hand, as a hostile client would, and waits for the
 * relay to close the connection.
 */
export function rawUpgrade(port: number, path: string, headers: Record<string, string> = {}): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString();
    });
    socket.once('error', reject);
    socket.once('close', () => resolve({ response, closedByRelay: true }));
    socket.write(upgradeRequest(port, path, headers));
  });
}

export function upgradeRequest(port: number, path: string, headers: Record<string, string> = {}): string {
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The body of a raw HTTP response, parsed as JSON. */
export function jsonBody(response: string): unknown {
  return JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
}

export function statusOf(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
}
