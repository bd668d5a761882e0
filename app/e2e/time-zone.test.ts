import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

async function storedZone(accessToken: string): Promise<string | null> {
  const reply = await fetch(`${world.relayUrl}/api/notifications/preferences`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return ((await reply.json()) as { timeZone: string | null }).timeZone;
}

test('a device signed in where the clock reads another zone gives the account its zone, with no visit to Settings', async () => {
  const home = await world.device({ context: { timezoneId: 'Europe/Berlin' } });
  await home.connect('register', world.relayUrl, 'ada@example.com', 'Ada’s laptop');
  const session = await home.storedSession();
  if (!session) throw new Error('no stored session');
  await expect.poll(() => storedZone(session.accessToken), { timeout: 60_000 }).toBe('Europe/Berlin');

  const travelling = await world.device({ context: { timezoneId: 'America/New_York' } });
  await travelling.connect('login', world.relayUrl, 'ada@example.com', 'Ada’s phone');
  await expect.poll(() => storedZone(session.accessToken), { timeout: 60_000 }).toBe('America/New_York');

  // Back home, the laptop's next start puts the account back in its zone.
  await home.reload();
  await expect.poll(() => storedZone(session.accessToken), { timeout: 60_000 }).toBe('Europe/Berlin');
});
