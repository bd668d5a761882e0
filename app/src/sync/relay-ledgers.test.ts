import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DataDir, RunningRelay, register, type Session } from '../../../relay/src/testing/relay-harness.js';
import { RelayApi } from './relay-api.js';

let dataDir: DataDir;
let relay: RunningRelay;
let api: RelayApi;
let alice: Session;
let bob: Session;

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
  api = new RelayApi(relay.httpUrl);
  alice = await register(relay.httpUrl, 'alice@example.com');
  bob = await register(relay.httpUrl, 'bob@example.com');
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

describe('shared ledgers through the relay API client', () => {
  test('an owner creates a household and invites a viewer, who sees it with that role', async () => {
    const household = await api.createLedger(alice.accessToken, 'Household');
    expect(household).toMatchObject({ name: 'Household', role: 'owner', personal: false });
    const { code } = await api.invite(alice.accessToken, household.docId, { email: 'bob@example.com', role: 'viewer' });
    expect(await api.acceptInvitation(bob.accessToken, code)).toEqual({ docId: household.docId, role: 'viewer' });
    expect(await api.ledgers(bob.accessToken)).toEqual([
      { docId: bob.docId, name: null, role: 'owner', personal: true },
      { docId: household.docId, name: 'Household', role: 'viewer', personal: false },
    ]);
    expect(await api.members(bob.accessToken, household.docId)).toEqual([
      { userId: alice.userId, email: 'alice@example.com', role: 'owner' },
      { userId: bob.userId, email: 'bob@example.com', role: 'viewer' },
    ]);
  });

  test('a role change and leaving are seen in the ledger list; a used code is refused with its own code', async () => {
    const household = await api.createLedger(alice.accessToken, 'Household');
    const { code } = await api.invite(alice.accessToken, household.docId, { email: 'bob@example.com', role: 'viewer' });
    await api.acceptInvitation(bob.accessToken, code);
    await api.changeRole(alice.accessToken, household.docId, bob.userId, 'editor');
    expect((await api.ledgers(bob.accessToken))[1]?.role).toBe('editor');
    await api.removeMember(bob.accessToken, household.docId, bob.userId);
    expect(await api.ledgers(bob.accessToken)).toHaveLength(1);
    await expect(api.acceptInvitation(bob.accessToken, code)).rejects.toMatchObject({
      status: 410,
      code: 'invitation_invalid',
    });
    await expect(api.members(bob.accessToken, household.docId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
