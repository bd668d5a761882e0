import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from './auth/access-tokens.js';
import { type KeyKind, raceKeyCreation } from './testing/key-race.js';

const rounds = 150;

function keysOf(race: Awaited<ReturnType<typeof raceKeyCreation>>, round: number): string[] {
  return race.outcomes.map((outcomes) => {
    const outcome = outcomes[round];
    if (outcome === undefined || 'error' in outcome)
      throw new Error(`round ${round}: ${outcome?.error ?? 'no outcome'}`);
    return outcome.key;
  });
}

describe.each<[KeyKind, string]>([
  ['signing', 'jwt-signing-key'],
  ['vapid', 'vapid-keys.json'],
])('the %s key, created by relays starting at the same instant on one data directory', (kind, fileName) => {
  it('is read whole and the same by every relay, and nothing else is left beside it', async () => {
    const race = await raceKeyCreation(kind, 2, rounds);
    const failures = race.outcomes.flat().filter((outcome) => 'error' in outcome);
    expect(failures).toEqual([]);
    for (let round = 0; round < rounds; round++) {
      const [first, second] = keysOf(race, round);
      expect(second).toBe(first);
      expect(readdirSync(race.dataDirs[round] ?? '')).toEqual([fileName]);
    }
  }, 120_000);
});

describe('relays that created their signing key at the same instant', () => {
  it("accept each other's access tokens", async () => {
    const race = await raceKeyCreation('signing', 2, 1);
    const [keyA, keyB] = keysOf(race, 0).map((key) => new Uint8Array(Buffer.from(key, 'base64url')));
    if (keyA === undefined || keyB === undefined) throw new Error('two keys expected');
    const relayA = new AccessTokens({ signingKey: keyA, ttlSeconds: 900 });
    const relayB = new AccessTokens({ signingKey: keyB, ttlSeconds: 900 });
    const fromA = await relayA.issue({ userId: 'user-a', deviceId: 'device-a' });
    const fromB = await relayB.issue({ userId: 'user-b', deviceId: 'device-b' });
    expect(await relayB.verify(fromA)).toMatchObject({ userId: 'user-a', deviceId: 'device-a' });
    expect(await relayA.verify(fromB)).toMatchObject({ userId: 'user-b', deviceId: 'device-b' });
  }, 60_000);
});
