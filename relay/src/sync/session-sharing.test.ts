import { closeCodes } from '@tally/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { AdvisorRelay } from '../testing/advisor-harness.js';
import { EventsClient } from '../testing/events-client.js';
import { type FaultyStorage, withFaults } from '../testing/faults.js';
import { closedWith, DataDir, openSocket, type Session } from '../testing/relay-harness.js';

const day = 86_400_000;

interface BookingJson {
  readonly id: string;
  readonly status: string;
  readonly end: string;
  readonly shareActive: boolean;
}

describe('[D9] a ledger shared for a session, over a real socket', () => {
  let dataDir: DataDir;
  let faults: FaultyStorage;
  let relay: AdvisorRelay;
  let client: Session;
  let syncUrl: string;
  let httpUrl: string;
  const eventsClients: EventsClient[] = [];

  beforeEach(async () => {
    dataDir = new DataDir();
    faults = withFaults(new SqliteStorage(dataDir.dbFile));
    relay = await AdvisorRelay.start({ storage: faults.storage });
    client = await relay.register('client@example.com');
    await relay.app.listen({ port: 0, host: '127.0.0.1' });
    const address = relay.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the relay is not listening');
    syncUrl = `ws://127.0.0.1:${address.port}/sync`;
    httpUrl = `http://127.0.0.1:${address.port}`;
  });
  afterEach(async () => {
    await Promise.all(eventsClients.splice(0).map((opened) => opened.close()));
    await relay.close();
    dataDir.remove();
  });

  const advisorOpens = () => openSocket(`${syncUrl}/${client.docId}?token=${relay.advisor.accessToken}`);

  async function events(session: Session): Promise<EventsClient> {
    const opened = await EventsClient.open(httpUrl, session.accessToken);
    eventsClients.push(opened);
    return opened;
  }

  async function sharedBooking(): Promise<BookingJson> {
    const [slot] = await relay.slots(7);
    const reply = await relay.book(client, slot?.start ?? '', { shareDocId: client.docId });
    expect(reply.statusCode).toBe(201);
    return reply.json<BookingJson>();
  }

  async function accepted(booking: BookingJson): Promise<BookingJson> {
    const reply = await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`);
    expect(reply.statusCode).toBe(200);
    return reply.json<BookingJson>();
  }

  it('starts on acceptance, read-only, and ends at once on cancellation: the advisor’s socket closes', async () => {
    const booking = await sharedBooking();
    expect(booking.shareActive).toBe(false);
    expect(await advisorOpens()).toEqual({ kind: 'refused', status: 403 });

    expect((await accepted(booking)).shareActive).toBe(true);
    expect(await relay.storage.accounts.docRole(relay.advisor.userId, client.docId)).toBe('viewer');
    const opened = await advisorOpens();
    if (opened.kind !== 'open') throw new Error('the advisor could not open the shared ledger');
    const closing = closedWith(opened.socket);

    const cancelled = await relay.ask(client, 'POST', `/api/bookings/${booking.id}/cancel`, {
      reason: 'Sorted it out myself',
    });
    expect(cancelled.json<BookingJson>()).toMatchObject({ status: 'cancelled', shareActive: false });
    expect((await closing).code).toBe(closeCodes.membershipEnded);
    expect(await advisorOpens()).toEqual({ kind: 'refused', status: 403 });
  });

  it('ends by itself 14 days after the session ends, closing the advisor’s socket', async () => {
    const booking = await accepted(await sharedBooking());
    const opened = await advisorOpens();
    if (opened.kind !== 'open') throw new Error('the advisor could not open the shared ledger');
    const closing = closedWith(opened.socket);

    relay.clock.at = Date.parse(booking.end) + 14 * day - 1;
    expect((await relay.sweep()).sharesEnded).toBe(0);
    expect(await relay.storage.accounts.docRole(relay.advisor.userId, client.docId)).toBe('viewer');
    relay.clock.at += 1;
    expect((await relay.sweep()).sharesEnded).toBe(1);
    expect((await closing).code).toBe(closeCodes.membershipEnded);
    expect(await relay.storage.accounts.docRole(relay.advisor.userId, client.docId)).toBeNull();
    const read = (await relay.ask(client, 'GET', `/api/bookings/${booking.id}`)).json<BookingJson>();
    expect(read.shareActive).toBe(false);
  });

  it('an acceptance and a sweep starting the share at once leave it granted: a cancellation still ends the access', async () => {
    const booking = await sharedBooking();
    // The acceptance has made the advisor a viewer; its record of that waits while another relay's
    // sweep starts the same share, finds the advisor a member already, and records that first.
    const granting = faults.advisors.holdNext('setShareState', { when: (_id, _from, to) => to === 'granted' });
    const accepting = relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`);
    await granting.reached;
    await relay.sweep();
    granting.release();
    const accepted = await accepting;
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<BookingJson>()).toMatchObject({ status: 'confirmed', shareActive: true });

    const opened = await advisorOpens();
    if (opened.kind !== 'open') throw new Error('the advisor could not open the shared ledger');
    const closing = closedWith(opened.socket);
    const cancelled = await relay.ask(client, 'POST', `/api/bookings/${booking.id}/cancel`, {
      reason: 'Sorted it out myself',
    });
    expect(cancelled.json<BookingJson>()).toMatchObject({ status: 'cancelled', shareActive: false });
    expect((await closing).code).toBe(closeCodes.membershipEnded);
    expect(await relay.storage.accounts.docRole(relay.advisor.userId, client.docId)).toBeNull();
  });

  it('a sweep and a cancellation while the acceptance is starting the share leave the advisor no access', async () => {
    const booking = await sharedBooking();
    const granting = faults.advisors.holdNext('setShareState', { when: (_id, _from, to) => to === 'granted' });
    const accepting = relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`);
    await granting.reached;
    await relay.sweep();
    const cancelled = await relay.ask(client, 'POST', `/api/bookings/${booking.id}/cancel`, {
      reason: 'Changed plans',
    });
    expect(cancelled.json<BookingJson>()).toMatchObject({ status: 'cancelled' });
    granting.release();
    expect((await accepting).json<BookingJson>()).toMatchObject({ status: 'cancelled', shareActive: false });
    expect(await relay.storage.accounts.docRole(relay.advisor.userId, client.docId)).toBeNull();
  });

  it('a cancellation while the acceptance is starting the share leaves the advisor no access', async () => {
    const booking = await sharedBooking();
    // The acceptance has made the advisor a viewer; its record of that waits while the client cancels.
    const granting = faults.advisors.holdNext('setShareState', { when: (_id, _from, to) => to === 'granted' });
    const accepting = relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`);
    await granting.reached;
    const cancelled = await relay.ask(client, 'POST', `/api/bookings/${booking.id}/cancel`);
    expect(cancelled.json<BookingJson>()).toMatchObject({ status: 'cancelled', shareActive: false });
    granting.release();
    const accepted = await accepting;
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<BookingJson>()).toMatchObject({ status: 'cancelled', shareActive: false });
    expect(await relay.storage.accounts.docRole(relay.advisor.userId, client.docId)).toBeNull();
    expect(await advisorOpens()).toEqual({ kind: 'refused', status: 403 });
  });

  it('[E10] both parties hear live that the advisor may read the shared ledger, and that they no longer may', async () => {
    const clientPhone = await events(client);
    const advisorPhone = await events(relay.advisor);
    const booking = await accepted(await sharedBooking());
    await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/cancel`, { reason: 'Unwell' });
    const shareEvents = (phone: EventsClient) =>
      phone.events.filter((event) => event.type === 'membership.changed').map((event) => event.data);
    for (const phone of [clientPhone, advisorPhone]) {
      await phone.until(() => shareEvents(phone).length === 2);
      expect(shareEvents(phone)).toEqual([
        { docId: client.docId, userId: relay.advisor.userId, role: 'viewer' },
        { docId: client.docId, userId: relay.advisor.userId, role: null },
      ]);
    }
    const advisorsOrder = advisorPhone.events.map((event) => [event.type, event.data.to ?? event.data.role]);
    expect(advisorsOrder).toEqual([
      ['booking.requested', 'requested'],
      ['booking.updated', 'accepted'],
      ['membership.changed', 'viewer'],
      ['booking.updated', 'confirmed'],
      ['booking.updated', 'cancelled'],
      ['membership.changed', null],
    ]);
  });

  it('a declined request never shares the ledger', async () => {
    const booking = await sharedBooking();
    await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/decline`);
    await relay.sweep();
    expect(await relay.storage.accounts.docRole(relay.advisor.userId, client.docId)).toBeNull();
    expect(await advisorOpens()).toEqual({ kind: 'refused', status: 403 });
  });
});
