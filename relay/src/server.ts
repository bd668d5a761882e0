import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateSigningKey } from './auth/signing-key.js';
import { buildRelay } from './build-relay.js';
import { loadOrCreateVapidKeys } from './push/vapid-keys.js';
import { defaultRegistration } from './relay-config.js';
import { createRelayLogger } from './relay-logger.js';
import { parseServerEnv } from './server-env.js';
import { SqliteStorage } from './storage/sqlite-storage.js';

const parsed = parseServerEnv(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`tally relay: ${problem}`);
  process.exit(1);
}
const { port, host, dataDir, appDir, ...settings } = parsed.settings;

const logger = createRelayLogger({ level: settings.logLevel });
const data = resolve(dataDir);
mkdirSync(data, { recursive: true });
const storage = new SqliteStorage(join(data, 'tally.db'), { logger });
const relay = await buildRelay({
  ...settings,
  storage,
  signingKey: loadOrCreateSigningKey(data),
  vapidKeys: loadOrCreateVapidKeys(data),
  logger,
  appDir: resolve(appDir ?? fileURLToPath(new URL('../../app/dist', import.meta.url))),
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

await relay.listen({ port, host });
const address = relay.server.address();
relay.log.info(
  {
    port: typeof address === 'object' && address !== null ? address.port : port,
    registration: settings.registration ?? defaultRegistration(process.env.NODE_ENV),
  },
  'relay listening',
);
