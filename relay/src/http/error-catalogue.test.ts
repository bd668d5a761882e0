import { createHash, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRelay } from '../build-relay.js';
import type { RelayConfig } from '../relay-config.js';
import type { RelayApp } from '../relay-context.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import { AdvisorRelay, advisorProfile } from '../testing/advisor-harness.js';
import { withFaults } from '../testing/faults.js';
import { htmlFile, jpegFile } from '../testing/receipt-files.js';
import type { Session } from '../testing/relay-harness.js';
import { type ErrorCode, errorCatalogue } from './error-catalogue.js';

/** Memory storage that fails, as a broken disk would, to look up one account. */
function brokenStorage() {
  const faulty = withFaults(new MemoryStorage());
  faulty.accounts.failNext('findUserByEmail', new Error('disk on fire at /var/lib/tally'), {
    times: Number.POSITIVE_INFINITY,
    when: (email) => email === 'broken@example.com',
  });
  return faulty.storage;
}

const password = 'correct horse battery';
const apps: RelayApp[] = [];

afterAll(async () => {
  for (const app of apps) await app.close();
});

async function relay(config: Partial<RelayConfig> = {}): Promise<RelayApp> {
  const app = await buildRelay({
    storage: brokenStorage(),
    signingKey: new Uint8Array(randomBytes(32)),
    passwordCost: 2 ** 10,
    logLevel: 'silent',
    authRequestsPerMinute: 1000,
    ...config,
  });
  apps.push(app);
  return app;
}

/** A relay with an advisor who has published hours, closed with the others. */
async function advisorRelay(): Promise<AdvisorRelay> {
  const advisors = await AdvisorRelay.start();
  apps.push(advisors.app);
  return advisors;
}

async function session(app: RelayApp, email: string, invitationCode?: string): Promise<Session> {
  return (
    await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password, deviceName: 'Phone', ...(invitationCode && { invitationCode }) },
    })
  ).json<Session>();
}

function register(app: RelayApp, email: string, invitationCode?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password, deviceName: 'x', ...(invitationCode && { invitationCode }) },
  });
}

/** A new account's upload of a file, said to be a JPEG, at `hash` (its own SHA-256 unless given). */
async function upload(app: RelayApp, bytes: Uint8Array, hash = createHash('sha256').update(bytes).digest('hex')) {
  const alice = await session(app, 'alice@example.com');
  return app.inject({
    method: 'PUT',
    url: `/api/blobs/${hash}`,
    headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'image/jpeg' },
    payload: Buffer.from(bytes),
  });
}

/** One request that earns each catalogued error. A code with no scenario fails the test below. */
const scenarios: Record<ErrorCode, () => Promise<LightMyRequestResponse>> = {
  invalid_request: async () =>
    (await relay()).inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'not-an-email', password, deviceName: 'x' },
    }),
  invalid_credentials: async () =>
    (await relay()).inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.com', password, deviceName: 'x' },
    }),
  unauthorized: async () => (await relay()).inject({ method: 'GET', url: '/api/devices' }),
  invalid_refresh_token: async () =>
    (await relay()).inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: 'never-issued' } }),
  forbidden: async () => {
    const app = await relay();
    const alice = await session(app, 'alice@example.com');
    const bob = await session(app, 'bob@example.com');
    return app.inject({ method: 'GET', url: `/sync/${alice.docId}?token=${bob.accessToken}` });
  },
  origin_not_allowed: async () => {
    const app = await relay();
    const alice = await session(app, 'alice@example.com');
    return app.inject({
      method: 'GET',
      url: `/sync/${alice.docId}?token=${alice.accessToken}`,
      headers: { origin: 'https://evil.example', host: 'tally.example' },
    });
  },
  not_found: async () => (await relay()).inject({ method: 'GET', url: '/nothing-here' }),
  conflict: async () => {
    const app = await relay();
    const alice = await session(app, 'alice@example.com');
    return app.inject({
      method: 'DELETE',
      url: `/api/ledgers/${alice.docId}/members/${alice.userId}`,
      headers: { authorization: `Bearer ${alice.accessToken}` },
    });
  },
  account_disabled: async () => {
    const app = await relay();
    const alice = await session(app, 'alice@example.com');
    const bob = await session(app, 'bob@example.com');
    await app.inject({
      method: 'POST',
      url: `/api/admin/users/${bob.userId}/disable`,
      headers: { authorization: `Bearer ${alice.accessToken}` },
    });
    return app.inject({ method: 'GET', url: '/api/ledgers', headers: { authorization: `Bearer ${bob.accessToken}` } });
  },
  email_taken: async () => {
    const app = await relay();
    await session(app, 'alice@example.com');
    return app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'alice@example.com', password, deviceName: 'x' },
    });
  },
  registration_closed: async () => {
    const app = await relay({ registration: 'closed' });
    await session(app, 'alice@example.com');
    return register(app, 'bob@example.com');
  },
  invitation_required: async () => {
    const app = await relay({ registration: 'invite' });
    await session(app, 'alice@example.com');
    return register(app, 'bob@example.com');
  },
  invitation_invalid: async () => {
    const app = await relay({ registration: 'invite' });
    await session(app, 'alice@example.com');
    return register(app, 'bob@example.com', 'AAAA-BBBB-CCCC-DDDD');
  },
  weak_password: async () =>
    (await relay()).inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'alice@example.com', password: 'password123', deviceName: 'x' },
    }),
  admin_required: async () => {
    const app = await relay();
    await session(app, 'alice@example.com');
    const bob = await session(app, 'bob@example.com');
    return app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { authorization: `Bearer ${bob.accessToken}` },
      payload: { email: 'carol@example.com' },
    });
  },
  link_invalid: async () =>
    (await relay()).inject({ method: 'POST', url: '/api/auth/verify', payload: { token: 'never-sent' } }),
  mail_off: async () =>
    (await relay()).inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'alice@example.com' },
    }),
  email_unverified: async () => {
    // Mail on, to a mail server that is not there: the account's verification mail is never delivered.
    const app = await relay({ smtpUrl: 'smtp://127.0.0.1:9', publicUrl: 'https://tally.example' });
    const alice = await session(app, 'alice@example.com');
    return app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { authorization: `Bearer ${alice.accessToken}` },
      payload: { code: 'AAAA-BBBB-CCCC-DDDD' },
    });
  },
  push_off: async () => (await relay()).inject({ method: 'GET', url: '/api/push/key' }),
  payments_off: async () => {
    const storage = new MemoryStorage();
    const app = await relay({ storage });
    const client = await session(app, 'client@example.com');
    const advisor = await session(app, 'advisor@example.com');
    await storage.advisors.createBooking({
      id: 'priced',
      advisorId: advisor.userId,
      clientId: client.userId,
      start: Date.now() + 86_400_000,
      end: Date.now() + 90_000_000,
      message: '',
      price: { amountMinor: 6000, currency: 'EUR' },
      shareDocId: null,
      idempotencyKey: 'priced',
      createdAt: Date.now(),
      respondBy: Date.now() + 3_600_000,
    });
    return app.inject({
      method: 'POST',
      url: '/api/bookings/priced/checkout',
      headers: { authorization: `Bearer ${client.accessToken}` },
    });
  },
  signature_invalid: async () =>
    (
      await relay({
        paymentProvider: 'stripe',
        stripeSecretKey: 'sk_test_tally_0000000000',
        stripeWebhookSecret: 'whsec_tally_0000000000',
      })
    ).inject({
      method: 'POST',
      url: '/api/payments/stripe/webhook',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=forged' },
      payload: '{"id":"evt_forged","type":"checkout.session.completed"}',
    }),
  payload_too_large: async () =>
    (await relay()).inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'alice@example.com', password, deviceName: 'x'.repeat(100_000) },
    }),
  unsupported_media_type: async () =>
    (await relay()).inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    }),
  blob_too_large: async () => upload(await relay({ blobMaxBytes: 1024 }), jpegFile(400, 300)),
  blob_type_refused: async () => upload(await relay(), htmlFile()),
  blob_hash_mismatch: async () => upload(await relay(), jpegFile(), 'e'.repeat(64)),
  blob_quota_exceeded: async () => upload(await relay({ blobQuotaBytes: 1024 }), jpegFile(400, 300)),
  upload_stalled: async () => {
    const app = await relay({ uploadIdleTimeoutSeconds: 1 });
    const alice = await session(app, 'alice@example.com');
    const bytes = jpegFile();
    // The first kilobyte, then nothing while the connection stays open.
    const body = new PassThrough();
    body.write(Buffer.from(bytes.subarray(0, 1024)));
    return app.inject({
      method: 'PUT',
      url: `/api/blobs/${createHash('sha256').update(bytes).digest('hex')}`,
      headers: {
        authorization: `Bearer ${alice.accessToken}`,
        'content-type': 'image/jpeg',
        'content-length': String(bytes.length),
      },
      payload: body,
    });
  },
  rate_limited: async () => {
    const app = await relay({ authRequestsPerMinute: 1 });
    await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: 'x' } });
    return app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: 'x' } });
  },
  advisor_required: async () => {
    const app = await relay();
    const alice = await session(app, 'alice@example.com');
    return app.inject({
      method: 'PUT',
      url: '/api/advisor/profile',
      headers: { authorization: `Bearer ${alice.accessToken}` },
      payload: advisorProfile,
    });
  },
  range_too_long: async () => {
    const advisors = await advisorRelay();
    return advisors.ask(
      advisors.advisor,
      'GET',
      `/api/advisors/${advisors.advisor.userId}/slots?from=2026-01-05T00:00:00Z&to=2026-03-09T00:00:00Z`,
    );
  },
  slot_unavailable: async () => {
    const advisors = await advisorRelay();
    return advisors.book(await advisors.register('client@example.com'), '2026-01-06T03:00:00Z');
  },
  slot_taken: async () => {
    const advisors = await advisorRelay();
    await advisors.book(await advisors.register('first@example.com'), '2026-01-06T08:00:00Z');
    return advisors.book(await advisors.register('second@example.com'), '2026-01-06T08:00:00Z');
  },
  idempotency_key_reused: async () => {
    const advisors = await advisorRelay();
    const client = await advisors.register('client@example.com');
    await advisors.book(client, '2026-01-06T08:00:00Z', { idempotencyKey: 'one-key-only' });
    return advisors.book(client, '2026-01-06T09:00:00Z', { idempotencyKey: 'one-key-only' });
  },
  invalid_transition: async () => {
    const advisors = await advisorRelay();
    const booking = await advisors.book(await advisors.register('client@example.com'), '2026-01-06T08:00:00Z');
    await advisors.ask(advisors.advisor, 'POST', `/api/bookings/${booking.json().id}/decline`);
    return advisors.ask(advisors.advisor, 'POST', `/api/bookings/${booking.json().id}/accept`);
  },
  chat_documents_refused: async () => {
    const advisors = await advisorRelay();
    const booking = await advisors.book(await advisors.register('client@example.com'), '2026-01-06T08:00:00Z');
    // A file the advisor never uploaded.
    return advisors.ask(advisors.advisor, 'POST', `/api/bookings/${booking.json().id}/messages`, {
      clientId: 'message-one',
      text: 'Your statement',
      documents: [{ hash: 'a'.repeat(64), name: 'statement.pdf' }],
    });
  },
  internal: async () =>
    (await relay()).inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'broken@example.com', password, deviceName: 'x' },
    }),
};

describe('the error catalogue', () => {
  it.each(Object.keys(errorCatalogue) as ErrorCode[])(
    '%s is answered with its status and catalogued body',
    async (code) => {
      const reply = await scenarios[code]();
      expect(reply.statusCode).toBe(errorCatalogue[code].status);
      expect(reply.json()).toEqual({ error: { code, message: errorCatalogue[code].message } });
    },
  );

  it('never lets a stack trace or internal detail out', async () => {
    const reply = await scenarios.internal();
    expect(reply.body).not.toMatch(/disk on fire|\/var\/lib|at \w+ \(/);
  });
});
