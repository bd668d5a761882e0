import { expect } from 'vitest';
import type { RelayStorage } from '../storage/relay-storage.js';
import { register, type Session } from './relay-harness.js';

/** Monday 5 January 2026, midnight UTC: the clock a booking test starts at. */
export const bookingMonday = Date.parse('2026-01-05T00:00:00Z');

/** A free session's advisor, in Berlin. */
export const advisorProfile = {
  displayName: 'Ana Advisor',
  headline: 'Budgets that hold',
  bio: 'Ten years of household budgets.',
  specialties: ['budgeting'],
  languages: ['en'],
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

/** A relay's clock that a test sets and moves. */
export class TestClock {
  constructor(public at: number) {}
  readonly now = (): number => this.at;
}

export type Call = (
  session: Session,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

/** Calls a relay's HTTP routes over the network as a signed-in device. */
export function caller(httpUrl: string): Call {
  return async (session, method, path, body) => {
    const response = await fetch(`${httpUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
}

/** An advisor with a published profile and weekday hours, and a client: the two parties of a booking. */
export interface Parties {
  readonly client: Session;
  readonly advisor: Session;
}

export async function advisorAndClient(httpUrl: string, storage: RelayStorage): Promise<Parties> {
  const call = caller(httpUrl);
  const client = await register(httpUrl, 'client@example.com');
  const advisor = await register(httpUrl, 'advisor@example.com');
  await storage.accounts.setUserRole(advisor.userId, 'advisor');
  const profile = await call(advisor, 'PUT', '/api/advisor/profile', advisorProfile);
  expect(profile.status).toBe(200);
  const hours = await call(advisor, 'PUT', '/api/advisor/availability', weekdayHours);
  expect(hours.status).toBe(200);
  return { client, advisor };
}

/** The client requests the advisor's first free slot from the clock's now; the booking as the relay answered. */
export async function requestSession(
  httpUrl: string,
  parties: Parties,
  now: number,
  idempotencyKey = 'first-request',
): Promise<{ readonly id: string; readonly start: string; readonly end: string }> {
  const call = caller(httpUrl);
  const from = new Date(now).toISOString();
  const to = new Date(now + 7 * 86_400_000).toISOString();
  const slots = await call(
    parties.client,
    'GET',
    `/api/advisors/${parties.advisor.userId}/slots?from=${from}&to=${to}`,
  );
  const [slot] = slots.body as { start: string }[];
  if (slot === undefined) throw new Error('the advisor has no free slot');
  const booked = await call(parties.client, 'POST', '/api/bookings', {
    advisorId: parties.advisor.userId,
    start: slot.start,
    message: 'Help with our budget',
    idempotencyKey,
  });
  expect(booked.status).toBe(201);
  return booked.body as { id: string; start: string; end: string };
}
