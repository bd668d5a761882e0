import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInvitationCode } from '../auth/invitation-codes.js';
import { AdvisorRelay, advisorProfile } from '../testing/advisor-harness.js';
import type { Session } from '../testing/relay-harness.js';

describe('[D1] advisor profiles and the directory', () => {
  let relay: AdvisorRelay;
  let client: Session;
  let second: Session;

  beforeAll(async () => {
    relay = await AdvisorRelay.start({ profile: { price: { amountMinor: 5000, currency: 'EUR' } } });
    client = await relay.register('client@example.com');
    second = await relay.register('ben@example.com');
    await relay.storage.accounts.setUserRole(second.userId, 'advisor');
    await relay.ask(second, 'PUT', '/api/advisor/profile', {
      ...advisorProfile,
      displayName: 'Ben Berater',
      specialties: ['taxes'],
      languages: ['de'],
      price: null,
    });
  });
  afterAll(() => relay.close());

  const names = async (query: string): Promise<string[]> =>
    (await relay.ask(client, 'GET', `/api/advisors${query}`))
      .json<{ displayName: string }[]>()
      .map((p) => p.displayName);

  it('lists every advisor, and filters by specialty, language and price', async () => {
    expect(await names('')).toEqual(['Ana Advisor', 'Ben Berater']);
    expect(await names('?specialty=taxes')).toEqual(['Ben Berater']);
    expect(await names('?language=es')).toEqual(['Ana Advisor']);
    expect(await names('?language=de-AT')).toEqual(['Ben Berater']);
    expect(await names('?price=free')).toEqual(['Ben Berater']);
    expect(await names('?price=EUR:5000')).toEqual(['Ana Advisor', 'Ben Berater']);
    expect(await names('?price=EUR:4999')).toEqual(['Ben Berater']);
    expect(await names('?price=USD:9999')).toEqual(['Ben Berater']);
    expect((await relay.ask(client, 'GET', '/api/advisors?specialty=astrology')).statusCode).toBe(400);
  });

  it('shows a profile by id; an account that stops being an advisor leaves the directory', async () => {
    const reply = await relay.ask(client, 'GET', `/api/advisors/${relay.advisor.userId}`);
    expect(reply.json()).toMatchObject({
      displayName: 'Ana Advisor',
      languages: ['en', 'es-CO'],
      timeZone: 'Europe/Berlin',
    });
    await relay.storage.accounts.setUserRole(second.userId, 'user');
    expect(await names('')).toEqual(['Ana Advisor']);
    expect((await relay.ask(client, 'GET', `/api/advisors/${second.userId}`)).statusCode).toBe(404);
    await relay.storage.accounts.setUserRole(second.userId, 'advisor');
  });

  it('only an advisor publishes a profile, with a known zone and real language tags', async () => {
    const asClient = await relay.ask(client, 'PUT', '/api/advisor/profile', advisorProfile);
    expect(asClient.statusCode).toBe(403);
    expect(asClient.json().error.code).toBe('advisor_required');
    for (const wrong of [{ timeZone: 'Mars/Olympus' }, { languages: ['not a tag'] }, { specialties: ['astrology'] }]) {
      const reply = await relay.ask(second, 'PUT', '/api/advisor/profile', { ...advisorProfile, ...wrong });
      expect(reply.statusCode).toBe(400);
    }
    expect((await relay.ask(client, 'GET', `/api/advisors/${second.userId}`)).json().timeZone).toBe('Europe/Berlin');
  });
});

describe('[D2] free slots through the routes', () => {
  let relay: AdvisorRelay;
  let client: Session;

  beforeAll(async () => {
    relay = await AdvisorRelay.start();
    client = await relay.register('client@example.com');
  });
  afterAll(() => relay.close());

  const slotsBetween = async (from: string, to: string): Promise<string[]> =>
    (await relay.ask(client, 'GET', `/api/advisors/${relay.advisor.userId}/slots?from=${from}&to=${to}`))
      .json<{ start: string }[]>()
      .map((slot) => slot.start);

  it('09:00 Berlin is 08:00Z in winter and 07:00Z in summer; an exception day has none', async () => {
    await relay.ask(relay.advisor, 'PUT', '/api/advisor/availability', {
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })),
      exceptions: [{ date: '2026-01-07', hours: [] }],
    });
    expect((await slotsBetween('2026-01-06T00:00:00Z', '2026-01-07T00:00:00Z'))[0]).toBe('2026-01-06T08:00:00.000Z');
    expect((await slotsBetween('2026-07-07T00:00:00Z', '2026-07-08T00:00:00Z'))[0]).toBe('2026-07-07T07:00:00.000Z');
    expect(await slotsBetween('2026-01-07T00:00:00Z', '2026-01-08T00:00:00Z')).toEqual([]);
  });

  it('a confirmed booking removes its slot; a declined one gives it back', async () => {
    const before = await slotsBetween('2026-01-08T00:00:00Z', '2026-01-09T00:00:00Z');
    const start = before[0] ?? '';
    const booking = (await relay.book(client, start)).json<{ id: string }>();
    const confirmed = await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/accept`);
    expect(confirmed.json().status).toBe('confirmed');
    expect(await slotsBetween('2026-01-08T00:00:00Z', '2026-01-09T00:00:00Z')).toEqual(before.slice(1));
    await relay.ask(relay.advisor, 'POST', `/api/bookings/${booking.id}/cancel`, { reason: 'I am ill' });
    expect(await slotsBetween('2026-01-08T00:00:00Z', '2026-01-09T00:00:00Z')).toEqual(before);
  });

  it('refuses a range longer than 62 days, or backwards, with range_too_long; hours that end before they start', async () => {
    for (const [from, to] of [
      ['2026-01-05T00:00:00Z', '2026-03-09T00:00:01Z'],
      ['2026-01-06T00:00:00Z', '2026-01-05T00:00:00Z'],
    ]) {
      const reply = await relay.ask(client, 'GET', `/api/advisors/${relay.advisor.userId}/slots?from=${from}&to=${to}`);
      expect(reply.statusCode).toBe(400);
      expect(reply.json().error.code).toBe('range_too_long');
    }
    const backwards = await relay.ask(relay.advisor, 'PUT', '/api/advisor/availability', {
      weekly: [{ weekday: 1, start: '12:00', end: '09:00' }],
      exceptions: [],
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('a start that is not one of the slots is refused with slot_unavailable', async () => {
    const reply = await relay.book(client, '2026-01-08T08:30:00Z');
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('slot_unavailable');
  });
});

describe('[D4] who may book', () => {
  it('an account whose address is not verified cannot book, on a relay that sends mail', async () => {
    // Mail on, to a mail server that is not there: no verification mail is ever delivered.
    const relay = await AdvisorRelay.start({
      config: { smtpUrl: 'smtp://127.0.0.1:9', publicUrl: 'https://tally.example', registration: 'invite' },
    });
    try {
      // With mail on, an account made by invitation is let in at once, its address still unverified.
      await relay.storage.accounts.createInvitation({
        codeHash: hashInvitationCode('AAAA-BBBB-CCCC-DDDD'),
        email: 'client@example.com',
        invitedBy: null,
        ledger: null,
        createdAt: Date.now(),
        expiresAt: Date.now() + 3_600_000,
      });
      const registered = await relay.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: {
          email: 'client@example.com',
          password: 'correct horse battery',
          deviceName: 'Phone',
          invitationCode: 'AAAA-BBBB-CCCC-DDDD',
        },
      });
      expect(registered.statusCode, registered.body).toBe(201);
      const client = registered.json<Session>();
      const [slot] = await relay.slots(7);
      const reply = await relay.book(client, slot?.start ?? '');
      expect(reply.statusCode).toBe(403);
      expect(reply.json().error.code).toBe('email_unverified');
      expect(await relay.slots(7)).toContainEqual(slot);
    } finally {
      await relay.close();
    }
  });

  it('a client may share only a ledger they own, and never book themselves', async () => {
    const relay = await AdvisorRelay.start();
    try {
      const client = await relay.register('client@example.com');
      const [slot] = await relay.slots(7);
      const someoneElses = await relay.book(client, slot?.start ?? '', { shareDocId: relay.advisor.docId });
      expect(someoneElses.statusCode).toBe(403);
      const self = await relay.book(relay.advisor, slot?.start ?? '');
      expect(self.statusCode).toBe(403);
      expect(await relay.slots(7)).toContainEqual(slot);
    } finally {
      await relay.close();
    }
  });
});
