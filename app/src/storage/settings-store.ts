import type { TallyDatabase } from './tally-database.js';

/** This device's link to a relay account, as the relay handed it out at register or login. */
export interface RelaySession {
  readonly relayUrl: string;
  readonly email: string;
  readonly deviceName: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly docId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Set when the relay said this device was revoked; the session is kept only to say so. */
  readonly revoked: boolean;
}

const SESSION_KEY = 'relay.session';
const LAST_SYNCED_KEY = 'relay.lastSyncedAt';
const WRITER_KEY = 'ledger.writer.';
const RELAY_STORED_KEY = 'relay.stored';

function isRelaySession(value: unknown): value is RelaySession {
  if (typeof value !== 'object' || value === null) return false;
  const fields: Record<string, unknown> = { ...value };
  const texts = ['relayUrl', 'email', 'deviceName', 'userId', 'deviceId', 'docId', 'accessToken', 'refreshToken'];
  return texts.every((name) => typeof fields[name] === 'string') && typeof fields.revoked === 'boolean';
}

/** Local settings: the relay session, when this device last synced, and its writer ids. */
export class SettingsStore {
  constructor(private readonly db: TallyDatabase) {}

  async session(): Promise<RelaySession | undefined> {
    const entry = await this.db.settings.get(SESSION_KEY);
    return isRelaySession(entry?.value) ? entry.value : undefined;
  }

  async saveSession(session: RelaySession): Promise<void> {
    await this.db.settings.put({ key: SESSION_KEY, value: session });
  }

  async forgetSession(): Promise<void> {
    await this.db.settings.bulkDelete([SESSION_KEY, LAST_SYNCED_KEY, RELAY_STORED_KEY]);
  }

  async lastSyncedAt(): Promise<number | undefined> {
    const entry = await this.db.settings.get(LAST_SYNCED_KEY);
    return typeof entry?.value === 'number' ? entry.value : undefined;
  }

  async saveLastSyncedAt(time: number): Promise<void> {
    await this.db.settings.put({ key: LAST_SYNCED_KEY, value: time });
  }

  /** What the relay was last known to store: a clock per Yjs client. */
  async relayStored(): Promise<Map<number, number>> {
    const entry = await this.db.settings.get(RELAY_STORED_KEY);
    const stored = new Map<number, number>();
    if (!Array.isArray(entry?.value)) return stored;
    for (const pair of entry.value) {
      if (!Array.isArray(pair)) continue;
      const [client, clock]: unknown[] = pair;
      if (Number.isSafeInteger(client) && Number.isSafeInteger(clock)) stored.set(Number(client), Number(clock));
    }
    return stored;
  }

  async saveRelayStored(stored: ReadonlyMap<number, number>): Promise<void> {
    await this.db.settings.put({ key: RELAY_STORED_KEY, value: [...stored] });
  }

  /** The ledger writer id of a tab slot on this device, reused from one start to the next. */
  async writerId(slot: number): Promise<string | undefined> {
    const entry = await this.db.settings.get(`${WRITER_KEY}${slot}`);
    return typeof entry?.value === 'string' ? entry.value : undefined;
  }

  async saveWriterId(slot: number, id: string): Promise<void> {
    await this.db.settings.put({ key: `${WRITER_KEY}${slot}`, value: id });
  }
}
