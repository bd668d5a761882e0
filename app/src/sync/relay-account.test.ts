import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Accounts } from '../../../relay/src/storage/accounts/accounts.js';
import { SqliteStorage } from '../../../relay/src/storage/sqlite-storage.js';
import { HeldCalls } from '../../../relay/src/testing/held-calls.js';
import { DataDir, login, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import type { RelaySession } from '../storage/index.js';
import { browserClock, type Lock } from './device-clock.js';
import { InMemorySettings } from './in-memory-settings.js';
import { REFRESH_RETRY_MS, RelayAccount, STANDING_CHECK_INTERVAL_MS } from './relay-account.js';
import { RelayApi } from './relay-api.js';

/** Access tokens live 64 seconds, so the device rotates them 4 seconds after it gets them. */
const TOKEN_SECONDS = 64;
const UNTIL_ROTATION_MS = 5_000;
const PASSWORD = 'correct horse battery';

/**
 * Web Locks as the tabs of one device share them, in one process: one holder at a time. The test
 * waits on it to know that a rotation has ended, whichever way it ended.
 */
class TabsLock {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: (() => void)[] = [];
  rotations = 0;

  readonly run: Lock = (_name, work) => {
    const held = this.tail.then(work);
    this.tail = held
      .catch(() => undefined)
      .then(() => {
        this.rotations += 1;
        for (const resolve of this.waiting.splice(0)) resolve();
      });
    return held;
  };

  released(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** Waits for real input and output (not the faked timers) until `condition` holds. */
async function whenIdleUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

let dataDir: DataDir;
/** The relay's real SQLite storage, except that rotating a refresh token waits while the test holds it. */
let storage: HeldCalls<Accounts>;
let relay: RunningRelay;
let settings: InMemorySettings;
let lock: TabsLock;

async function startRelay(port = 0, authRequestsPerMinute = 1_000): Promise<RunningRelay> {
  const sqlite = new SqliteStorage(dataDir.dbFile);
  storage = new HeldCalls(sqlite.accounts, 'rotateRefreshToken');
  return RunningRelay.start(dataDir, { accessTokenTtlSeconds: TOKEN_SECONDS, authRequestsPerMinute }, port, {
    documents: sqlite.documents,
    accounts: storage.area,
    mail: sqlite.mail,
    blobs: sqlite.blobs,
    registerUser: (user, admission, welcome) => sqlite.registerUser(user, admission, welcome),
    notify: (notification) => sqlite.notify(notification),
    changeEmail: (tokenHash, at) => sqlite.changeEmail(tokenHash, at),
    inviteToLedger: (invitation, mail, notification) => sqlite.inviteToLedger(invitation, mail, notification),
    push: sqlite.push,
    advisors: sqlite.advisors,
    events: sqlite.events,
    conversations: sqlite.conversations,
    payments: sqlite.payments,
    fulfilPayment: (event, at) => sqlite.fulfilPayment(event, at),
    close: () => sqlite.close(),
  });
}

/** A tab of the device: its account, on the device's shared settings and lock, on the device's clock. */
function tab(): RelayAccount {
  return new RelayAccount(settings, browserClock, lock.run);
}

async function registered(email: string): Promise<RelayAccount> {
  const account = tab();
  await account.open('register', relay.httpUrl, { email, password: PASSWORD, deviceName: 'Laptop' });
  return account;
}

function nextChange(account: RelayAccount): Promise<RelaySession> {
  return new Promise((resolve) => {
    const stop = account.onChange((session) => {
      stop();
      resolve(session);
    });
  });
}

/** Lets the device's clock run for `ms`, then waits for the rotation that starts to end. */
async function rotationAfter(ms: number): Promise<void> {
  const released = lock.released();
  await vi.advanceTimersByTimeAsync(ms);
  await released;
}

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await startRelay();
  settings = new InMemorySettings();
  lock = new TabsLock();
  // The device's clock (and the relay's, in this process) is the test's: timers fire when it says.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(async () => {
  vi.useRealTimers();
  storage.letGo();
  await relay.stop();
  dataDir.remove();
});

describe('a device’s relay account', () => {
  test('rotates its tokens a minute before the access token expires, stores them, and they work', async () => {
    const account = await registered('ola@example.com');
    const granted = settings.stored;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(lock.rotations).toBe(0);

    const rotated = nextChange(account);
    await vi.advanceTimersByTimeAsync(2_000);
    const session = await rotated;
    expect(session.refreshToken).not.toBe(granted?.refreshToken);
    expect(settings.stored).toEqual(session);
    const devices = await new RelayApi(relay.httpUrl).devices(session.accessToken);
    expect(devices.map((device) => device.id)).toEqual([session.deviceId]);

    const again = nextChange(account);
    await vi.advanceTimersByTimeAsync(UNTIL_ROTATION_MS);
    expect((await again).refreshToken).not.toBe(session.refreshToken);
  });

  test('with the relay out of reach it keeps its session and tries again until the relay answers', async () => {
    const account = await registered('kim@example.com');
    const granted = settings.stored;
    const { port } = relay;
    await relay.stop();

    await rotationAfter(UNTIL_ROTATION_MS);
    await rotationAfter(REFRESH_RETRY_MS);
    expect(lock.rotations).toBe(2);
    expect(settings.stored).toEqual(granted);

    relay = await startRelay(port);
    const rotated = nextChange(account);
    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    const session = await rotated;
    expect(session).toMatchObject({ revoked: false, deviceId: granted?.deviceId });
    expect(session.refreshToken).not.toBe(granted?.refreshToken);
  });

  test('a refusal that is not about this device (too many requests) is tried again, never taken for a revocation', async () => {
    await relay.stop();
    relay = await startRelay(0, 1);
    const account = await registered('noor@example.com');

    const rotated = nextChange(account);
    await rotationAfter(UNTIL_ROTATION_MS);
    expect(settings.stored?.revoked).toBe(false);
    // The relay counts requests per minute: the fourth retry is in the next minute.
    for (let retry = 0; retry < 4; retry += 1) await rotationAfter(REFRESH_RETRY_MS);
    await expect(rotated).resolves.toMatchObject({ revoked: false });
    expect(lock.rotations).toBe(5);
  });

  test('a refresh token the relay refuses marks the device revoked; it stops rotating and keeps the session to say so', async () => {
    const account = await registered('eli@example.com');
    const granted = settings.stored;
    if (!granted) throw new Error('no session was stored');
    // A copy of this device's storage spends the refresh token and then the one it got for it, so the relay's
    // grace for a retried rotation cannot apply: it refuses this device's token from then on.
    const api = new RelayApi(relay.httpUrl);
    const copy = await api.refresh(granted.refreshToken);
    await api.refresh(copy.refreshToken);

    const refused = nextChange(account);
    await vi.advanceTimersByTimeAsync(UNTIL_ROTATION_MS);
    await expect(refused).resolves.toMatchObject({ revoked: true, deviceId: granted.deviceId });
    expect(settings.stored).toMatchObject({ revoked: true, email: 'eli@example.com' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(lock.rotations).toBe(1);
  });

  test('revoked from another device, it learns so when it asks whether it still stands, at most once per interval', async () => {
    const account = await registered('sam@example.com');
    const laptop = settings.stored;
    if (!laptop) throw new Error('no session was stored');
    const phone = await login(relay.httpUrl, 'sam@example.com', 'Phone');
    await new RelayApi(relay.httpUrl).revokeDevice(phone.accessToken, laptop.deviceId);

    const revoked = nextChange(account);
    // The relay closed the laptop's socket: the link asks, again and again as it reconnects.
    account.checkStanding();
    account.checkStanding();
    account.checkStanding();
    await expect(revoked).resolves.toMatchObject({ revoked: true });
    await vi.advanceTimersByTimeAsync(STANDING_CHECK_INTERVAL_MS * 3);
    expect(lock.rotations).toBe(1);
    await expect(account.authorized()).rejects.toMatchObject({ code: 'no_session' });
  });

  test('when another tab rotated first, this tab takes up its tokens instead of spending the old refresh token', async () => {
    const first = await registered('ana@example.com');
    const second = tab();
    await second.restore();

    const firstRotated = nextChange(first);
    const secondAdopted = nextChange(second);
    await vi.advanceTimersByTimeAsync(UNTIL_ROTATION_MS);
    const [rotated, adopted] = await Promise.all([firstRotated, secondAdopted]);
    expect(adopted).toEqual(rotated);
    expect(settings.stored).toEqual(rotated);
    // Had the second tab spent the old refresh token, the relay would have revoked the device.
    const devices = await new RelayApi(relay.httpUrl).devices(rotated.accessToken);
    expect(devices).toHaveLength(1);
  });

  test('logged out while the relay rotates its tokens, the device does not store the rotated session again', async () => {
    const account = await registered('ida@example.com');
    storage.hold();
    const released = lock.released();
    await vi.advanceTimersByTimeAsync(UNTIL_ROTATION_MS);
    await whenIdleUntil(() => storage.waiting > 0);

    await account.forget();
    storage.letGo();
    await released;
    expect(settings.stored).toBeUndefined();
    expect(account.session).toBeUndefined();
  });

  test('a request made as the access token is about to expire rotates first, and goes out with the fresh token', async () => {
    const account = await registered('lou@example.com');
    const granted = settings.stored;
    // The device slept through the rotation: its timer had not fired when it woke up.
    vi.setSystemTime(Date.now() + UNTIL_ROTATION_MS);
    const { api, token } = await account.authorized();
    expect(token).not.toBe(granted?.accessToken);
    await expect(account.checked(api.devices(token))).resolves.toHaveLength(1);
  });
});
