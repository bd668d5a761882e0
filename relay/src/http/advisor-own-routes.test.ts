import { afterAll, beforeAll, expect, it } from 'vitest';
import { AdvisorRelay, advisorProfile, weekdayHours } from '../testing/advisor-harness.js';

let relay: AdvisorRelay;
beforeAll(async () => {
  relay = await AdvisorRelay.start();
});
afterAll(async () => {
  await relay.app.close();
});

it('[D1] an advisor reads back their own profile and hours; an advisor with none yet is told not_found', async () => {
  const profile = await relay.ask(relay.advisor, 'GET', '/api/advisor/profile');
  expect(profile.statusCode).toBe(200);
  expect(profile.json()).toMatchObject({ userId: relay.advisor.userId, displayName: advisorProfile.displayName });
  const hours = await relay.ask(relay.advisor, 'GET', '/api/advisor/availability');
  expect(hours.json()).toEqual(weekdayHours);

  const newcomer = await relay.register('newcomer@example.com');
  await relay.storage.accounts.setUserRole(newcomer.userId, 'advisor');
  const none = await relay.ask(newcomer, 'GET', '/api/advisor/profile');
  expect([none.statusCode, none.json().error.code]).toEqual([404, 'not_found']);
});

it('[D1] an account that is not an advisor’s is refused its own profile with advisor_required, which tells a device its role', async () => {
  const client = await relay.register('client@example.com');
  for (const url of ['/api/advisor/profile', '/api/advisor/availability']) {
    const refused = await relay.ask(client, 'GET', url);
    expect([url, refused.statusCode, refused.json().error.code]).toEqual([url, 403, 'advisor_required']);
  }
  const anyone = await relay.ask(null, 'GET', '/api/advisor/profile');
  expect(anyone.statusCode).toBe(401);
});
