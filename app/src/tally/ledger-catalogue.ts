import { cryptoRandom, newNodeId } from '@tally/schema';
import { DeviceStorage, type KnownLedger, type KnownLedgerRole, type KnownLedgers } from '../storage/index.js';
import {
  deleteStoredLedger,
  type RelayLedger,
  type RelaySync,
  storedLedgerKeys,
  storedLedgerOf,
} from '../sync/index.js';

/** A ledger the person may open: on this device, on the relay, or both. */
export interface LedgerChoice {
  /** The ledger's key on this device; for one only on the relay so far, the key it will have. */
  readonly key: string;
  /** Null for the personal ledger, which the app names itself in the person's language. */
  readonly name: string | null;
  readonly personal: boolean;
  readonly docId: string | null;
  /** The account's role, as the relay last said; null for a ledger made here and not yet on a relay. */
  readonly role: KnownLedgerRole | null;
  /** Whether this device holds it already. */
  readonly onDevice: boolean;
  /** The one open in this tab. */
  readonly current: boolean;
}

export interface LedgerCatalogueSnapshot {
  readonly ledgers: readonly LedgerChoice[];
  /** True once the relay's list has been read in this session (or there is no relay). */
  readonly relayRead: boolean;
}

/** The personal ledger's key on the device (storage's `PERSONAL_LEDGER_KEY`). */
const PERSONAL = 'personal';

/**
 * The ledgers this device holds and the ones the relay lists for the account
 * (docs/app.md#several-ledgers). Choosing one remembers it for the device; Tally then reloads into
 * it, the ledger left being stored first.
 */
export class LedgerCatalogue {
  private known: KnownLedger[] = [];
  private relay: RelayLedger[] = [];
  private relayRead = false;
  private snapshot: LedgerCatalogueSnapshot = { ledgers: [], relayRead: false };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: KnownLedgers,
    private readonly sync: RelaySync,
    /** The key of the ledger open in this tab. */
    readonly currentKey: string,
    /** The role the open ledger was opened with. */
    readonly openedRole: KnownLedgerRole | null,
  ) {}

  /**
   * Reads what the device holds; what the relay lists follows when it arrives, so a relay that is
   * slow or out of reach never holds up the start (the device's list, with each ledger's last known role, stands meanwhile).
   */
  async load(): Promise<void> {
    // Logging in (or out) changes which ledgers the relay lists for this device.
    let account = this.sync.accountUser?.userId;
    this.sync.subscribe(() => {
      if (this.sync.accountUser?.userId === account) return;
      account = this.sync.accountUser?.userId;
      void this.refresh();
    });
    this.known = await this.store.list();
    this.publish();
    await this.eraseForgotten();
    void this.refresh().catch((error: unknown) => console.warn('the list of ledgers could not be refreshed', error));
  }

  /** Asks the relay for the account's ledgers, and keeps the names and roles it gives for those on the device. */
  async refresh(): Promise<void> {
    if (this.sync.accountUser === undefined) {
      this.relay = [];
      this.relayRead = true;
      this.publish();
      return;
    }
    try {
      this.relay = await this.sync.ledgers();
    } catch (error) {
      console.warn('the relay’s list of ledgers could not be read', error);
      return;
    }
    this.relayRead = true;
    const account = this.sync.accountUser?.userId;
    for (const listed of this.relay) {
      const held = this.known.find((known) => known.docId === listed.docId);
      if (
        held &&
        (held.role !== listed.role || held.account !== account || (listed.name !== null && held.name !== listed.name))
      ) {
        await this.store.put({ ...held, role: listed.role, name: listed.name ?? held.name, account });
      }
    }
    this.known = await this.store.list();
    this.publish();
  }

  /** The role of the open ledger as the relay now says; undefined when unknown or no longer a member. */
  currentRole(): KnownLedgerRole | null | undefined {
    return this.snapshot.ledgers.find((ledger) => ledger.current)?.role;
  }

  /** Makes a new ledger: on the relay when the device has an account there, else on this device alone. */
  async create(name: string): Promise<string> {
    if (this.sync.accountUser !== undefined) {
      const made = await this.sync.createLedger(name);
      this.relay = [...this.relay, made];
      return this.hold({ key: made.docId, name, docId: made.docId, role: made.role });
    }
    return this.hold({ key: newNodeId(cryptoRandom), name, docId: null, role: null });
  }

  /** Puts the open ledger, made on this device, on the relay: it syncs there from now on and can be shared. */
  async connectCurrent(): Promise<void> {
    const held = this.known.find((known) => known.key === this.currentKey);
    if (!held || held.docId !== null) return;
    const made = await this.sync.createLedger(held.name);
    this.relay = [...this.relay, made];
    await this.hold({ ...held, docId: made.docId, role: made.role });
    await this.sync.connectLedger(made.docId);
  }

  /** Joins a ledger with an invitation code; resolves to its key on this device. */
  async accept(code: string): Promise<string> {
    const joined = await this.sync.acceptInvitation(code);
    await this.refresh();
    const name = this.relay.find((listed) => listed.docId === joined.docId)?.name ?? '';
    return this.hold({ key: joined.docId, name, docId: joined.docId, role: joined.role });
  }

  /** Remembers `key` as the ledger this device opens; the caller reloads Tally into it. */
  async choose(key: string): Promise<void> {
    const listed = this.relay.find((ledger) => ledger.docId === key && !ledger.personal);
    if (listed && !this.known.some((known) => known.key === key)) {
      await this.hold({ key, name: listed.name ?? '', docId: listed.docId, role: listed.role });
    }
    await this.store.choose(key);
  }

  /**
   * Forgets a ledger this device holds (after leaving it). Its databases are deleted now, or, when
   * it is the one open in this tab, at the next start (`eraseForgotten`).
   */
  async forget(key: string): Promise<void> {
    if (key === PERSONAL) return;
    await this.store.remove(key);
    if (key !== this.currentKey) await erase(key);
    this.known = await this.store.list();
    this.relay = this.relay.filter((listed) => listed.docId !== key);
    this.publish();
  }

  /** Deletes what the device still stores of ledgers it no longer holds (left while open). */
  private async eraseForgotten(): Promise<void> {
    for (const key of await storedLedgerKeys()) {
      if (key !== this.currentKey && !this.known.some((known) => known.key === key)) await erase(key);
    }
  }

  /** Every ledger's databases but the open one's, for a device being erased. */
  async eraseOthers(): Promise<void> {
    for (const known of await this.store.list()) {
      if (known.key !== this.currentKey) await erase(known.key);
    }
  }

  getSnapshot = (): LedgerCatalogueSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async hold(ledger: Omit<KnownLedger, 'account'>): Promise<string> {
    const account = this.sync.accountUser?.userId;
    await this.store.put(ledger.docId !== null && account !== undefined ? { ...ledger, account } : ledger);
    this.known = await this.store.list();
    this.publish();
    return ledger.key;
  }

  /**
   * Whether the ledger is offered to whoever is logged in: a ledger held for one relay account is
   * not offered to another logged in on the same device (its data stays, for when the first comes
   * back), except the one open in this tab, which the person must be able to leave.
   */
  private offered(known: KnownLedger): boolean {
    const account = this.sync.accountUser?.userId;
    return (
      known.account === undefined || account === undefined || known.account === account || known.key === this.currentKey
    );
  }

  private publish(): void {
    const personalOnRelay = this.relay.find((listed) => listed.personal);
    const ledgers: LedgerChoice[] = [
      {
        key: PERSONAL,
        name: null,
        personal: true,
        docId: personalOnRelay?.docId ?? null,
        role: personalOnRelay ? personalOnRelay.role : null,
        onDevice: true,
        current: this.currentKey === PERSONAL,
      },
      ...this.known
        .filter((known) => this.offered(known))
        .map(({ account: _account, ...known }) => ({
          ...known,
          personal: false,
          onDevice: true,
          current: known.key === this.currentKey,
        })),
      ...this.relay
        .filter((listed) => !listed.personal && !this.known.some((known) => known.docId === listed.docId))
        .map((listed) => ({
          key: listed.docId,
          name: listed.name ?? '',
          personal: false,
          docId: listed.docId,
          role: listed.role,
          onDevice: false,
          current: false,
        })),
    ];
    this.snapshot = { ledgers, relayRead: this.relayRead };
    for (const listener of this.listeners) listener();
  }
}

/** Deletes a ledger's databases from the device: its Y.Doc's and the rest it keeps of it. */
async function erase(key: string): Promise<void> {
  await deleteStoredLedger(storedLedgerOf(key));
  await DeviceStorage.forLedger(key).erase();
}
