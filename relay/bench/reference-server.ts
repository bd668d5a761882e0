/**
 * The reference y-websocket server (`@y/websocket-server`), started as its own `server.js`
 * does. With SNAPSHOT_DIR it loads `<doc>.bin` through its documented persistence hook, so the
 * cold-load measurement reads the same stored ledger as Tally's relay.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';

const snapshotDir = process.env.SNAPSHOT_DIR;
if (snapshotDir !== undefined) {
  setPersistence({
    provider: null,
    bindState: (docName: string, doc: Y.Doc) => {
      const file = join(snapshotDir, `${docName.replace(/\//g, '_')}.bin`);
      if (existsSync(file)) Y.applyUpdate(doc, readFileSync(file));
    },
    writeState: async () => {},
  });
}

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(
    JSON.stringify({
      msg: 'relay listening',
      port: typeof address === 'object' && address !== null ? address.port : 0,
    }),
  );
});
process.on('SIGTERM', () => process.exit(0));
