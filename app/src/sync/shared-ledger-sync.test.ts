import { type Ledger, openLedger } from '@tally/schema';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { DataDir, eventually, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import { browserClock, browserLock } from './device-clock.js';
import { InMemorySettings } from './in-memory-settings.js';
import { type LedgerOnRelay, RelaySync } from './relay-sync.js';

interface Device {
  readonly ledger: Ledger;
  readonly sync: RelaySync;
  readonly settings: InMemorySettings;
}

let dataDir: DataDir;
let relay: RunningRelay;
const devices: Device[] = [];

/** One open ledger of a device: its own Y.Doc, linked to the relay document `onRelay` names. */
function device(onRelay: LedgerOnRelay, settings = new InMemorySettings(), viewOnly = false): Device {
  const doc = new Y.Doc();
  const options = {
    clock: browserClock,
    lock: browserLock,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  };
  const made = {
    ledger: openLedger(doc, { viewOnly }),
    sync: new RelaySync(doc, settings, options, onRelay),
    settings,
  };
  devices.push(made);
  return made;
}

function credentials(email: string) {
  return { email, password: 'correct horse battery', deviceName: 'Laptop' };
}

function synced(sync: RelaySync): Promise<void> {
  return eventually(() => sync.getSnapshot().state === 'synced');
}

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
});

afterEach(async () => {
  for (const { sync } of devices.splice(0)) sync.stop();
  await relay.stop();
  dataDir.remove();
});

describe('a shared ledger open on a device', () => {
  test('two accounts keep a household in sync, and neither receives the other’s personal ledger', async () => {
    const ana = device('personal');
    await ana.sync.register(relay.httpUrl, credentials('ana@example.com'));
    ana.ledger.accounts.create({ name: 'Private', type: 'checking', currency: 'EUR' });
    await synced(ana.sync);
    const household = await ana.sync.createLedger('Household');
    const { code } = await ana.sync.invite(household.docId, { email: 'ben@example.com', role: 'editor' });

    const ben = device('personal');
    await ben.sync.register(relay.httpUrl, credentials('ben@example.com'));
    await expect(ben.sync.acceptInvitation(code)).resolves.toEqual({ docId: household.docId, role: 'editor' });
    await synced(ben.sync);
    expect(ben.ledger.accounts.list()).toEqual([]);

    const anaHome = device({ docId: household.docId }, await sessionOnly(ana));
    const benHome = device({ docId: household.docId }, await sessionOnly(ben));
    await Promise.all([anaHome.sync.start(), benHome.sync.start()]);
    expect(anaHome.sync.ledgerDocId).toBe(household.docId);
    anaHome.ledger.accounts.create({ name: 'Joint', type: 'checking', currency: 'EUR' });
    await eventually(() => benHome.ledger.accounts.list().some((account) => account.name === 'Joint'));
    expect(benHome.ledger.accounts.list().map((account) => account.name)).toEqual(['Joint']);
  });

  test('a ledger made with no relay stays local, and once connected its contents reach the relay and the people invited', async () => {
    const ana = device('personal');
    await ana.sync.register(relay.httpUrl, credentials('cam@example.com'));
    const trip = device('none', await sessionOnly(ana));
    await trip.sync.start();
    trip.ledger.accounts.create({ name: 'Trip cash', type: 'cash', currency: 'EUR' });
    expect(trip.sync.getSnapshot().state).toBe('local');
    expect(trip.sync.ledgerDocId).toBeUndefined();

    const made = await trip.sync.createLedger('Trip');
    await trip.sync.connectLedger(made.docId);
    await synced(trip.sync);

    const { code } = await trip.sync.invite(made.docId, { email: 'dee@example.com', role: 'viewer' });
    const dee = device('personal');
    await dee.sync.register(relay.httpUrl, credentials('dee@example.com'));
    await dee.sync.acceptInvitation(code);
    const deeTrip = device({ docId: made.docId }, await sessionOnly(dee), true);
    await deeTrip.sync.start();
    await eventually(() => deeTrip.ledger.accounts.list().length === 1);
    expect(deeTrip.ledger.accounts.list()[0]?.name).toBe('Trip cash');
    expect(() => deeTrip.ledger.accounts.create({ name: 'Mine', type: 'cash', currency: 'EUR' })).toThrow(
      expect.objectContaining({ code: 'view-only' }),
    );
  });
});

/** Settings sharing the device's relay session, with nothing yet of what the relay stores of another ledger. */
async function sessionOnly(of: Device): Promise<InMemorySettings> {
  const settings = new InMemorySettings();
  if (of.settings.stored) await settings.saveSession(of.settings.stored);
  return settings;
}
