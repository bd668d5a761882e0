import type { TallyDatabase } from './tally-database.js';

/** A member's role in a shared ledger, as the relay last said. */
export type KnownLedgerRole = 'owner' | 'editor' | 'viewer';

const ROLES: readonly KnownLedgerRole[] = ['owner', 'editor', 'viewer'];

/** The personal ledger's key: it keeps the databases it has always had. */
export const PERSONAL_LEDGER_KEY = 'personal';

/**
 * A ledger other than the personal one that this device holds: made here (with no relay yet, its
 * `docId` is null until it is connected) or joined from the relay. `key` names its databases on
 * the device and never changes, even when a local ledger is later connected.
 */
export interface KnownLedger {
  readonly key: string;
  readonly name: string;
  readonly docId: string | null;
  /** Null for a ledger made on this device and not yet on a relay: it is the person's own. */
  readonly role: KnownLedgerRole | null;
  /**
   * The relay account (its user id) this device holds the ledger for; absent for a ledger not yet
   * on a relay, and for one stored before devices kept it. Another account logged in on the device
   * is not offered it.
   */
  readonly account?: string;
}

const KNOWN_KEY = 'ledgers.known';
const CURRENT_KEY = 'ledgers.current';
const LEDGER_KEY = /^[A-Za-z0-9_-]{1,64}$/;

function readKnown(value: unknown): KnownLedger | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const fields: Record<string, unknown> = { ...value };
  const { key, name, docId } = fields;
  if (typeof key !== 'string' || !LEDGER_KEY.test(key) || key === PERSONAL_LEDGER_KEY) return undefined;
  if (typeof name !== 'string') return undefined;
  if (docId !== null && (typeof docId !== 'string' || !LEDGER_KEY.test(docId))) return undefined;
  const role = fields.role === null ? null : ROLES.find((known) => known === fields.role);
  if (role === undefined) return undefined;
  const { account } = fields;
  if (typeof account === 'string' && account !== '') return { key, name, docId, role, account };
  return { key, name, docId, role };
}

/**
 * The ledgers this device holds besides the personal one, and which one it opens: kept in the
 * device's own database, so every tab of the device agrees (docs/app.md#several-ledgers).
 */
export class KnownLedgers {
  constructor(private readonly db: TallyDatabase) {}

  async list(): Promise<KnownLedger[]> {
    const entry = await this.db.settings.get(KNOWN_KEY);
    if (!Array.isArray(entry?.value)) return [];
    return entry.value.flatMap((value: unknown) => readKnown(value) ?? []);
  }

  /** Adds a ledger, or replaces the one with its key, in one IndexedDB transaction so tabs never lose each other's. */
  async put(ledger: KnownLedger): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const others = (await this.list()).filter((known) => known.key !== ledger.key);
      await this.db.settings.put({ key: KNOWN_KEY, value: [...others, ledger] });
    });
  }

  async remove(key: string): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const others = (await this.list()).filter((known) => known.key !== key);
      await this.db.settings.put({ key: KNOWN_KEY, value: others });
    });
  }

  /** The key of the ledger this device opens; the personal one unless another was chosen. */
  async current(): Promise<string> {
    const entry = await this.db.settings.get(CURRENT_KEY);
    return typeof entry?.value === 'string' && LEDGER_KEY.test(entry.value) ? entry.value : PERSONAL_LEDGER_KEY;
  }

  async choose(key: string): Promise<void> {
    await this.db.settings.put({ key: CURRENT_KEY, value: key });
  }
}
