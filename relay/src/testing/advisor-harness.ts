import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { Bookings, type SweepOutcome } from '../advisors/bookings.js';
import { buildRelay } from '../build-relay.js';
import type { RelayConfig } from '../relay-config.js';
import type { RelayApp } from '../relay-context.js';
import { silentLogger } from '../relay-logger.js';
import type { AdvisorProfile } from '../storage/advisors/advisors.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { MemberSockets } from '../sync/member-sockets.js';
import type { Session } from './relay-harness.js';

/** A clock a test sets and moves. */
export class FakeClock {
  constructor(public at: number) {}
  readonly now = (): number => this.at;
  advance(ms: number): void {
    this.at += ms;
  }
}

/** Monday 5 January 2026, midnight UTC: winter in Berlin (UTC+1). */
export const winterMonday = Date.parse('2026-01-05T00:00:00Z');

export const advisorProfile: Omit<AdvisorProfile, 'userId' | 'updatedAt'> = {
  displayName: 'Ana Advisor',
  headline: 'Budgets that hold',
  bio: 'Ten years of household budgets.',
  specialties: ['budgeting', 'debt'],
  languages: ['en', 'es-CO'],
  timeZone: 'Europe/Berlin',
  sessionMinutes: 60,
  price: null,
  acceptingClients: true,
};

/** 09:00–17:00 Berlin time, Monday to Friday. */
export const weekdayHours = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  exceptions: [],
};

/** A relay with a fake clock, an advisor who has published a profile and hours, and clients. */
export class AdvisorRelay {
  private constructor(
    readonly app: RelayApp,
    readonly storage: RelayStorage,
    readonly clock: FakeClock,
    readonly advisor: Session,
  ) {}

  static async start(
    options: { storage?: RelayStorage; profile?: Partial<AdvisorProfile>; config?: Partial<RelayConfig> } = {},
  ): Promise<AdvisorRelay> {
    const storage = options.storage ?? new MemoryStorage();
    const clock = new FakeClock(winterMonday);
    const app = await buildRelay({
      storage,
      signingKey: new Uint8Array(randomBytes(32)),
      passwordCost: 2 ** 10,
      logLevel: 'silent',
      authRequestsPerMinute: 10_000,
      clock: clock.now,
      ...options.config,
    });
    const advisor = await registerOn(app, 'advisor@example.com');
    await storage.accounts.setUserRole(advisor.userId, 'advisor');
    const relay = new AdvisorRelay(app, storage, clock, advisor);
    await relay.ask(advisor, 'PUT', '/api/advisor/profile', { ...advisorProfile, ...options.profile });
    await relay.ask(advisor, 'PUT', '/api/advisor/availability', weekdayHours);
    return relay;
  }

  /**
   * One sweep at the clock's time, as another relay process sharing the storage would make it: what
   * it changes reaches this relay's sockets through the access-change feed.
   */
  sweep(): Promise<SweepOutcome> {
    return new Bookings({
      storage: this.storage,
      memberSockets: new MemberSockets(),
      now: this.clock.now,
      reporting: { logger: silentLogger, metrics: { countFailure: () => {} } },
    }).sweep();
  }

  register(email: string): Promise<Session> {
    return registerOn(this.app, email);
  }

  ask(
    session: Session | null,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      ...(session !== null && { headers: { authorization: `Bearer ${session.accessToken}` } }),
      ...(payload !== undefined && { payload }),
    });
  }

  /** The advisor's free slots over the next `days` days from the clock's now. */
  async slots(days = 14): Promise<{ start: string; end: string }[]> {
    const from = new Date(this.clock.at).toISOString();
    const to = new Date(this.clock.at + days * 86_400_000).toISOString();
    const reply = await this.ask(
      this.advisor,
      'GET',
      `/api/advisors/${this.advisor.userId}/slots?from=${from}&to=${to}`,
    );
    return reply.json();
  }

  book(client: Session, start: string, extra: { shareDocId?: string; idempotencyKey?: string } = {}) {
    return this.ask(client, 'POST', '/api/bookings', {
      advisorId: this.advisor.userId,
      start,
      message: 'Help me plan',
      idempotencyKey: extra.idempotencyKey ?? randomBytes(12).toString('hex'),
      ...(extra.shareDocId !== undefined && { shareDocId: extra.shareDocId }),
    });
  }

  close(): Promise<void> {
    return this.app.close().then(() => this.storage.close());
  }
}

async function registerOn(app: RelayApp, email: string): Promise<Session> {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password: 'correct horse battery', deviceName: 'Phone' },
  });
  if (reply.statusCode !== 201) throw new Error(`register failed: ${reply.body}`);
  return reply.json<Session>();
}
