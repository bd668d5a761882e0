import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import * as Y from 'yjs';
import { hashInvitationCode } from '../auth/invitation-codes.js';
import { buildRelay } from '../build-relay.js';
import type { RelayApp } from '../relay-context.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import { advisorProfile } from '../testing/advisor-harness.js';
import { jpegFile } from '../testing/receipt-files.js';
import { openSocket, type Session } from '../testing/relay-harness.js';

const callers = ['anyone', 'account', 'viewer', 'editor', 'owner', 'admin'] as const;
type Caller = (typeof callers)[number];
const password = 'correct horse battery';

/** One relay with every kind of caller, and a household ledger owned by `owner`. */
interface Fixture {
  readonly app: RelayApp;
  readonly storage: MemoryStorage;
  readonly sessions: Record<Exclude<Caller, 'anyone'> | 'dave', Session>;
  readonly household: string;
  readonly invitationId: string;
}

async function fixture(): Promise<Fixture> {
  const storage = new MemoryStorage();
  const app = await buildRelay({
    storage,
    signingKey: new Uint8Array(randomBytes(32)),
    passwordCost: 2 ** 10,
    logLevel: 'silent',
    authRequestsPerMinute: 1_000,
    vapidKeys: webpush.generateVAPIDKeys(),
  });
  const register = async (email: string): Promise<Session> =>
    (
      await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password, deviceName: 'x' } })
    ).json<Session>();
  const admin = await register('admin@example.com');
  const owner = await register('owner@example.com');
  const editor = await register('editor@example.com');
  const viewer = await register('viewer@example.com');
  const dave = await register('dave@example.com');
  const account = await register('account@example.com');
  const asOwner = { authorization: `Bearer ${owner.accessToken}` };
  const household = (
    await app.inject({ method: 'POST', url: '/api/ledgers', headers: asOwner, payload: { name: 'Household' } })
  ).json<{ docId: string }>().docId;
  const join = async (session: Session, email: string, role: 'editor' | 'viewer') => {
    const { code } = (
      await app.inject({
        method: 'POST',
        url: `/api/ledgers/${household}/invitations`,
        headers: asOwner,
        payload: { email, role },
      })
    ).json<{ code: string }>();
    await app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { authorization: `Bearer ${session.accessToken}` },
      payload: { code },
    });
  };
  await join(editor, 'editor@example.com', 'editor');
  await join(viewer, 'viewer@example.com', 'viewer');
  await join(dave, 'dave@example.com', 'editor');
  const pending = await app.inject({
    method: 'POST',
    url: `/api/ledgers/${household}/invitations`,
    headers: asOwner,
    payload: { email: 'erin@example.com', role: 'viewer' },
  });
  return {
    app,
    storage,
    sessions: { admin, owner, editor, viewer, dave, account },
    household,
    invitationId: pending.json<{ invitationId: string }>().invitationId,
  };
}

interface Ask {
  readonly f: Fixture;
  readonly caller: Caller;
  /** The caller's session; the owner's for `anyone`, whose request carries no token. */
  readonly self: Session;
}

async function status(
  { f, caller }: Ask,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
): Promise<number> {
  const token = caller === 'anyone' ? undefined : f.sessions[caller].accessToken;
  const reply = await f.app.inject({
    method,
    url,
    ...(token !== undefined && { headers: { authorization: `Bearer ${token}` } }),
    ...(payload !== undefined && { payload }),
  });
  return reply.statusCode;
}

const pushSubscription = {
  endpoint: 'https://push.example/subscription',
  keys: {
    p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    auth: 'tBHItJI5svbpez7KI4CCXg',
  },
};

/** Makes dave an advisor with a profile and hours round the clock. */
async function daveAdvises(f: Fixture): Promise<string> {
  const dave = f.sessions.dave.userId;
  await f.storage.accounts.setUserRole(dave, 'advisor');
  await f.storage.advisors.saveProfile({ userId: dave, ...advisorProfile, updatedAt: Date.now() });
  await f.storage.advisors.saveAvailability(dave, allDay, Date.now());
  return dave;
}

const allDay = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  exceptions: [],
};

/** Dave's first free slot, asked by the owner. */
async function firstSlot(f: Fixture, advisorId: string): Promise<string> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const reply = await f.app.inject({
    method: 'GET',
    url: `/api/advisors/${advisorId}/slots?from=${from}&to=${to}`,
    headers: { authorization: `Bearer ${f.sessions.owner.accessToken}` },
  });
  return reply.json<{ start: string }[]>()[0]?.start ?? '';
}

/** The owner's request for a session with dave; confirmed by dave when asked. */
async function ownersBooking(f: Fixture, confirmed = false): Promise<string> {
  const advisorId = await daveAdvises(f);
  const booked = await f.app.inject({
    method: 'POST',
    url: '/api/bookings',
    headers: { authorization: `Bearer ${f.sessions.owner.accessToken}` },
    payload: { advisorId, start: await firstSlot(f, advisorId), message: 'Hello', idempotencyKey: 'route-roles-1' },
  });
  const id = booked.json<{ id: string }>().id;
  if (confirmed) {
    await f.app.inject({
      method: 'POST',
      url: `/api/bookings/${id}/accept`,
      headers: { authorization: `Bearer ${f.sessions.dave.accessToken}` },
    });
  }
  return id;
}

const receipt = jpegFile();
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** An upload of the receipt's JPEG by `caller`. */
async function putReceipt({ f }: Ask, caller: Caller): Promise<number> {
  const token = caller === 'anyone' ? undefined : f.sessions[caller].accessToken;
  const reply = await f.app.inject({
    method: 'PUT',
    url: `/api/blobs/${sha256(receipt)}`,
    headers: { 'content-type': 'image/jpeg', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
    payload: Buffer.from(receipt),
  });
  return reply.statusCode;
}

/** How each row of the table is asked, by its first cell. */
const asks: Record<string, (ask: Ask) => Promise<number>> = {
  "`GET /` and the app's files": (ask) => status(ask, 'GET', '/'),
  '`GET /health`': (ask) => status(ask, 'GET', '/health'),
  '`GET /metrics` (no `METRICS_TOKEN`, H4)': (ask) => status(ask, 'GET', '/metrics'),
  '`GET /api/auth/policy`': (ask) => status(ask, 'GET', '/api/auth/policy'),
  '`POST /api/auth/register` (`open` registration)': (ask) =>
    status(ask, 'POST', '/api/auth/register', { email: 'new@example.com', password, deviceName: 'x' }),
  '`POST /api/auth/login` (with a right password)': (ask) =>
    status(ask, 'POST', '/api/auth/login', { email: 'owner@example.com', password, deviceName: 'x' }),
  '`POST /api/auth/refresh` (with a live refresh token)': (ask) =>
    status(ask, 'POST', '/api/auth/refresh', { refreshToken: ask.self.refreshToken }),
  '`POST /api/auth/verify` (a wrong link: needs no account, M4)': (ask) =>
    status(ask, 'POST', '/api/auth/verify', { token: 'not-a-link-token' }),
  '`POST /api/auth/verify/resend` (on a relay without `SMTP_URL`)': (ask) =>
    status(ask, 'POST', '/api/auth/verify/resend'),
  '`POST /api/auth/password-reset` (on a relay without `SMTP_URL`)': (ask) =>
    status(ask, 'POST', '/api/auth/password-reset', { email: 'owner@example.com' }),
  '`POST /api/auth/password-reset/confirm` (a wrong link: needs no account, M5)': (ask) =>
    status(ask, 'POST', '/api/auth/password-reset/confirm', {
      token: 'not-a-link-token',
      password: 'a long new passphrase',
    }),
  '`POST /api/auth/email` (on a relay without `SMTP_URL`)': (ask) =>
    status(ask, 'POST', '/api/auth/email', { newEmail: 'new@example.com', password }),
  '`POST /api/auth/email/confirm` (a wrong link: needs no account, M7)': (ask) =>
    status(ask, 'POST', '/api/auth/email/confirm', { token: 'not-a-link-token' }),
  '`POST /api/invitations` (to create an account)': (ask) =>
    status(ask, 'POST', '/api/invitations', { email: 'new@example.com' }),
  '`GET /api/devices`': (ask) => status(ask, 'GET', '/api/devices'),
  "`DELETE /api/devices/:id` (one's own)": (ask) => status(ask, 'DELETE', `/api/devices/${ask.self.deviceId}`),
  '`GET /sync/:docId`': async ({ f, caller }) => {
    const token = caller === 'anyone' ? '' : `?token=${f.sessions[caller].accessToken}`;
    await f.app.listen({ port: 0, host: '127.0.0.1' });
    const address = f.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the relay is not listening');
    const outcome = await openSocket(`ws://127.0.0.1:${address.port}/sync/${f.household}${token}`);
    if (outcome.kind === 'refused') return outcome.status;
    outcome.socket.close();
    return 101;
  },
  '`GET /events`': async ({ f, caller }) => {
    const token = caller === 'anyone' ? '' : `?token=${f.sessions[caller].accessToken}`;
    await f.app.listen({ port: 0, host: '127.0.0.1' });
    const address = f.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the relay is not listening');
    const outcome = await openSocket(`ws://127.0.0.1:${address.port}/events${token}`);
    if (outcome.kind === 'refused') return outcome.status;
    outcome.socket.close();
    return 101;
  },
  "`GET /api/bookings/:id/messages` (the owner's booking)": async (ask) =>
    status(ask, 'GET', `/api/bookings/${await ownersBooking(ask.f)}/messages`),
  "`POST /api/bookings/:id/messages` (the owner's booking)": async (ask) =>
    status(ask, 'POST', `/api/bookings/${await ownersBooking(ask.f)}/messages`, {
      clientId: 'route-roles-1',
      text: 'Hello',
    }),
  "`POST /api/bookings/:id/messages/read` (the owner's booking)": async (ask) =>
    status(ask, 'POST', `/api/bookings/${await ownersBooking(ask.f)}/messages/read`, { seq: 0 }),
  '`POST /api/ledgers`': (ask) => status(ask, 'POST', '/api/ledgers', { name: 'Trip' }),
  '`GET /api/ledgers`': (ask) => status(ask, 'GET', '/api/ledgers'),
  '`GET /api/ledgers/:docId/members`': (ask) => status(ask, 'GET', `/api/ledgers/${ask.f.household}/members`),
  '`PATCH /api/ledgers/:docId/members/:userId` (another member)': (ask) =>
    status(ask, 'PATCH', `/api/ledgers/${ask.f.household}/members/${ask.f.sessions.dave.userId}`, { role: 'viewer' }),
  '`DELETE /api/ledgers/:docId/members/:userId` (another member)': (ask) =>
    status(ask, 'DELETE', `/api/ledgers/${ask.f.household}/members/${ask.f.sessions.dave.userId}`),
  '`DELETE /api/ledgers/:docId/members/:userId` (oneself, leaving)': (ask) =>
    status(ask, 'DELETE', `/api/ledgers/${ask.f.household}/members/${ask.self.userId}`),
  '`POST /api/ledgers/:docId/invitations`': (ask) =>
    status(ask, 'POST', `/api/ledgers/${ask.f.household}/invitations`, { email: 'new@example.com', role: 'editor' }),
  '`GET /api/ledgers/:docId/invitations`': (ask) => status(ask, 'GET', `/api/ledgers/${ask.f.household}/invitations`),
  '`DELETE /api/ledgers/:docId/invitations/:invitationId`': (ask) =>
    status(ask, 'DELETE', `/api/ledgers/${ask.f.household}/invitations/${ask.f.invitationId}`),
  '`GET /api/ledgers/:docId/versions`': (ask) => status(ask, 'GET', `/api/ledgers/${ask.f.household}/versions`),
  '`POST /api/ledgers/:docId/versions/:versionId/restore`': async (ask) => {
    const doc = new Y.Doc();
    doc.getMap('settings').set('homeCurrency', 'EUR');
    const version = await ask.f.storage.documents.saveVersion(ask.f.household, Y.encodeStateAsUpdate(doc), Date.now());
    return status(ask, 'POST', `/api/ledgers/${ask.f.household}/versions/${version.versionId}/restore`);
  },
  "`POST /api/invitations/accept` (a code for one's own email)": async (ask) => {
    const email = (await ask.f.storage.accounts.findUser(ask.self.userId))?.email ?? '';
    await ask.f.storage.accounts.createLedgerInvitation({
      id: 'for-the-caller',
      codeHash: hashInvitationCode('CALL-ERSC-ODE0-0000'),
      docId: ask.f.household,
      email,
      role: 'viewer',
      invitedBy: ask.f.sessions.owner.userId,
      createdAt: Date.now(),
      expiresAt: Date.now() + 60_000,
    });
    return status(ask, 'POST', '/api/invitations/accept', { code: 'CALL-ERSC-ODE0-0000' });
  },
  '`GET /api/push/key`': (ask) => status(ask, 'GET', '/api/push/key'),
  '`POST /api/push/subscriptions`': (ask) => status(ask, 'POST', '/api/push/subscriptions', pushSubscription),
  '`DELETE /api/push/subscriptions` (one of its own)': async (ask) => {
    await ask.f.app.inject({
      method: 'POST',
      url: '/api/push/subscriptions',
      headers: { authorization: `Bearer ${ask.self.accessToken}` },
      payload: pushSubscription,
    });
    return status(ask, 'DELETE', '/api/push/subscriptions', { endpoint: pushSubscription.endpoint });
  },
  '`GET /api/notifications/preferences`': (ask) => status(ask, 'GET', '/api/notifications/preferences'),
  '`PUT /api/notifications/preferences`': (ask) =>
    status(ask, 'PUT', '/api/notifications/preferences', {
      timeZone: 'America/Bogota',
      kinds: { billReminders: { email: false, push: true }, invitations: { email: true, push: false } },
    }),
  '`PUT /api/advisor/profile`': (ask) => status(ask, 'PUT', '/api/advisor/profile', advisorProfile),
  '`PUT /api/advisor/availability`': (ask) => status(ask, 'PUT', '/api/advisor/availability', allDay),
  '`GET /api/advisor/profile`': (ask) => status(ask, 'GET', '/api/advisor/profile'),
  '`GET /api/advisor/availability`': (ask) => status(ask, 'GET', '/api/advisor/availability'),
  '`GET /api/advisors`': async (ask) => {
    await daveAdvises(ask.f);
    return status(ask, 'GET', '/api/advisors');
  },
  '`GET /api/advisors/:id`': async (ask) => status(ask, 'GET', `/api/advisors/${await daveAdvises(ask.f)}`),
  '`GET /api/advisors/:id/slots`': async (ask) => {
    const advisorId = await daveAdvises(ask.f);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    return status(ask, 'GET', `/api/advisors/${advisorId}/slots?from=${from}&to=${to}`);
  },
  '`POST /api/bookings` (a free slot of an advisor)': async (ask) => {
    const advisorId = await daveAdvises(ask.f);
    const start = await firstSlot(ask.f, advisorId);
    return status(ask, 'POST', '/api/bookings', { advisorId, start, message: 'Hi', idempotencyKey: 'route-roles-2' });
  },
  '`GET /api/bookings`': (ask) => status(ask, 'GET', '/api/bookings'),
  "`GET /api/bookings/:id` (the owner's, with an advisor)": async (ask) =>
    status(ask, 'GET', `/api/bookings/${await ownersBooking(ask.f)}`),
  "`POST /api/bookings/:id/accept` (the owner's request)": async (ask) =>
    status(ask, 'POST', `/api/bookings/${await ownersBooking(ask.f)}/accept`),
  "`POST /api/bookings/:id/decline` (the owner's request)": async (ask) =>
    status(ask, 'POST', `/api/bookings/${await ownersBooking(ask.f)}/decline`),
  "`POST /api/bookings/:id/cancel` (the owner's request)": async (ask) =>
    status(ask, 'POST', `/api/bookings/${await ownersBooking(ask.f)}/cancel`),
  "`POST /api/bookings/:id/complete` (the owner's session, confirmed)": async (ask) =>
    status(ask, 'POST', `/api/bookings/${await ownersBooking(ask.f, true)}/complete`),
  "`POST /api/bookings/:id/no-show` (the owner's session, confirmed)": async (ask) =>
    status(ask, 'POST', `/api/bookings/${await ownersBooking(ask.f, true)}/no-show`),
  "`POST /api/bookings/:id/checkout` (a booking that is not the caller's)": (ask) =>
    status(ask, 'POST', '/api/bookings/someone-elses-booking/checkout'),
  '`GET /api/payments/provider`': (ask) => status(ask, 'GET', '/api/payments/provider'),
  '`GET /api/payments`': (ask) => status(ask, 'GET', '/api/payments'),
  '`POST /api/payments/stripe/webhook` (on a relay without `PAYMENT_PROVIDER`)': (ask) =>
    status(ask, 'POST', '/api/payments/stripe/webhook', { id: 'evt_1', type: 'checkout.session.completed' }),
  '`POST /api/payments/razorpay/webhook` (on a relay without `PAYMENT_PROVIDER`)': (ask) =>
    status(ask, 'POST', '/api/payments/razorpay/webhook', { event: 'payment.captured' }),
  '`GET /api/blobs/limits`': (ask) => status(ask, 'GET', '/api/blobs/limits'),
  '`PUT /api/blobs/:sha256` (a JPEG of its own)': (ask) => putReceipt(ask, ask.caller),
  '`GET /api/blobs/:sha256` (the owner’s, referenced by the household ledger)': async (ask) => {
    const hash = sha256(receipt);
    await putReceipt(ask, 'owner');
    await ask.f.storage.blobs.addReferences(ask.f.household, [hash], 1);
    return status(ask, 'GET', `/api/blobs/${hash}`);
  },
  '`GET /api/admin/users`': (ask) => status(ask, 'GET', '/api/admin/users'),
  '`POST /api/admin/users/:userId/disable`': (ask) =>
    status(ask, 'POST', `/api/admin/users/${ask.f.sessions.dave.userId}/disable`),
  '`POST /api/admin/users/:userId/enable`': (ask) =>
    status(ask, 'POST', `/api/admin/users/${ask.f.sessions.dave.userId}/enable`),
};

interface Row {
  readonly route: string;
  /** Per caller: allowed, or the status it is refused with. */
  readonly cells: Record<Caller, 'allowed' | number>;
}

function readTable(): Row[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('| route | anyone | account | viewer | editor | owner | admin |');
  expect(start, 'relay/README.md has its route table').toBeGreaterThan(-1);
  const lines = readme.slice(start).split('\n');
  const rows: Row[] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    const [route = '', ...cells] = line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim());
    const parsed = cells.map((cell) => (cell === '✓' ? ('allowed' as const) : Number.parseInt(cell, 10)));
    const byCaller = Object.fromEntries(callers.map((caller, index) => [caller, parsed[index] ?? Number.NaN]));
    rows.push({ route, cells: byCaller as Row['cells'] });
  }
  return rows;
}

/** Every route the relay serves, as `METHOD /path`, from Fastify's own route tree. */
function servedRoutes(app: RelayApp): string[] {
  const served: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│├└─ ]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (match === null) continue;
    // The root, `/`, is drawn one level in.
    const depth = (match[1] ?? '').length / 4 - 1;
    const path = depth === 0 ? (match[2] ?? '') : `${paths[depth - 1]}${match[2]}`;
    paths[depth] = path;
    for (const method of (match[3] ?? '').split(', ')) if (method !== 'HEAD') served.push(`${method} ${path}`);
  }
  return served;
}

const table = readTable();

describe('the route × role table of relay/README.md', () => {
  it('names every route the relay serves, and only routes this test knows how to ask', async () => {
    const f = await fixture();
    const listed = new Set(table.map((row) => /^`([A-Z]+ \S+)`/.exec(row.route)?.[1]));
    expect(servedRoutes(f.app).filter((route) => !listed.has(route))).toEqual([]);
    expect(table.map((row) => row.route).sort()).toEqual(Object.keys(asks).sort());
    await f.app.close();
  });

  it.each(table.flatMap((row) => callers.map((caller) => ({ route: row.route, caller, expected: row.cells[caller] }))))(
    '$route, asked by $caller: $expected',
    async ({ route, caller, expected }) => {
      const f = await fixture();
      try {
        const ask = asks[route];
        if (ask === undefined) throw new Error(`no way to ask ${route}`);
        const self = caller === 'anyone' ? f.sessions.owner : f.sessions[caller];
        const answered = await ask({ f, caller, self });
        if (expected === 'allowed') expect(answered, 'allowed').toBeLessThan(300);
        else expect(answered).toBe(expected);
      } finally {
        await f.app.close();
      }
    },
  );
});
