import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateSigningKey } from './auth/signing-key.js';
import { buildRelay } from './build-relay.js';
import { parseServerEnv } from './server-env.js';
import { SqliteStorage } from './storage/sqlite-storage.js';

const parsed = parseServerEnv(process.env, fileURLToPath(new URL('../../app/dist', import.meta.url)));
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`tally relay: ${problem}`);
  process.exit(1);
}
const { settings } = parsed;

mkdirSync(settings.dataDir, { recursive: true });
const storage = new SqliteStorage(join(settings.dataDir, 'tally.db'));
const relay = await buildRelay({
  storage,
  signingKey: loadOrCreateSigningKey(settings.dataDir),
  allowedOrigins: settings.allowedOrigins,
  trustProxy: settings.trustProxy,
  logLevel: settings.logLevel,
  maxFrameBytes: settings.maxFrameBytes,
  accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
  authRequestsPerMinute: settings.authRequestsPerMinute,
  upgradesPerMinute: settings.upgradesPerMinute,
  passwordCost: settings.passwordCost,
  unloadAfterMs: settings.unloadAfterMs,
  compactAfter: settings.compactAfter,
  appDir: settings.appDir,
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  relay.log.info({ signal }, 'relay stopping');
  await relay.close();
  await storage.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await relay.listen({ port: settings.port, host: settings.host });
const address = relay.server.address();
relay.log.info(
  { port: typeof address === 'object' && address !== null ? address.port : settings.port },
  'relay listening',
);
