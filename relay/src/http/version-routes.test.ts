import { Ledger } from '@tally/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import {
  connect,
  DataDir,
  eventually,
  login,
  RunningRelay,
  register,
  type Session,
  synced,
} from '../testing/relay-harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function provider(created: WebsocketProvider): WebsocketProvider {
  cleanup.push(() => {
    created.destroy();
    created.doc.destroy();
  });
  return created;
}

interface VersionRow {
  readonly versionId: string;
  readonly takenAt: string;
  readonly bytes: number;
}

async function call(
  relay: RunningRelay,
  method: 'GET' | 'POST',
  path: string,
  session: Session | null,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${relay.httpUrl}${path}`, {
    method,
    headers: session === null ? {} : { authorization: `Bearer ${session.accessToken}` },
  });
  return { status: response.status, body: await response.json() };
}

async function versionsOf(relay: RunningRelay, session: Session): Promise<VersionRow[]> {
  const reply = await call(relay, 'GET', `/api/ledgers/${session.docId}/versions`, session);
  expect(reply.status).toBe(200);
  return reply.body as VersionRow[];
}

function liveTransactions(ledger: Ledger): number {
  return ledger.transactions.list().length;
}

describe('ledger history on the relay', () => {
  it('[R3] a mass delete is restored from an earlier version on both devices, and restoring a later version undoes the restore', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const relay = await RunningRelay.start(dataDir, { versionEveryMinutes: 0 });
    cleanup.push(() => relay.stop());
    const phoneSession = await register(relay.httpUrl, 'alice@example.com', 'Phone');
    const laptopSession = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
    const phone = provider(connect(relay.syncUrl, phoneSession));
    const laptop = provider(connect(relay.syncUrl, laptopSession));
    await Promise.all([synced(phone), synced(laptop)]);
    const onPhone = new Ledger(phone.doc);
    const onLaptop = new Ledger(laptop.doc);

    const accountId = onPhone.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    onPhone.transact(() => {
      for (let day = 1; day <= 20; day++) {
        onPhone.transactions.create({
          date: `2026-11-${String(day).padStart(2, '0')}`,
          amount: -day * 100,
          currency: 'EUR',
          accountId,
        });
      }
    });
    await eventually(() => liveTransactions(onLaptop) === 20);

    onLaptop.transact(() => {
      for (const transaction of onLaptop.transactions.list()) onLaptop.transactions.delete(transaction.id);
    });
    await eventually(() => liveTransactions(onPhone) === 0);

    const [beforeDelete] = await versionsOf(relay, phoneSession);
    expect(beforeDelete).toMatchObject({ versionId: expect.any(String), bytes: expect.any(Number) });
    const restored = await call(
      relay,
      'POST',
      `/api/ledgers/${phoneSession.docId}/versions/${beforeDelete?.versionId}/restore`,
      laptopSession,
    );
    expect(restored).toEqual({ status: 200, body: { records: 20 } });
    await eventually(() => liveTransactions(onPhone) === 20 && liveTransactions(onLaptop) === 20);
    expect(onLaptop.transactions.list().reduce((sum, t) => sum + t.amount, 0)).toBe(-21_000);

    const [beforeRestore] = await versionsOf(relay, laptopSession);
    expect(beforeRestore?.versionId).not.toBe(beforeDelete?.versionId);
    const undone = await call(
      relay,
      'POST',
      `/api/ledgers/${phoneSession.docId}/versions/${beforeRestore?.versionId}/restore`,
      phoneSession,
    );
    expect(undone).toEqual({ status: 200, body: { records: 20 } });
    await eventually(() => liveTransactions(onPhone) === 0 && liveTransactions(onLaptop) === 0);
  });

  it('[R3] only the ledger’s owner lists and restores its versions; an unknown version is not found', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const relay = await RunningRelay.start(dataDir, { versionEveryMinutes: 0 });
    cleanup.push(() => relay.stop());
    const alice = await register(relay.httpUrl, 'alice@example.com', 'Phone');
    const mallory = await register(relay.httpUrl, 'mallory@example.com', 'Laptop');
    const path = `/api/ledgers/${alice.docId}/versions`;

    expect(await call(relay, 'GET', path, null)).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
    expect(await call(relay, 'GET', path, mallory)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(await call(relay, 'POST', `${path}/1/restore`, mallory)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(await call(relay, 'GET', path, alice)).toEqual({ status: 200, body: [] });
    expect(await call(relay, 'POST', `${path}/12345/restore`, alice)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect(await call(relay, 'POST', `${path}/no%20such/restore`, alice)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request' } },
    });
  });
});
