import {
  type Account,
  attachmentHashes,
  type Budget,
  type Category,
  type CategoryRule,
  type Contribution,
  type ExchangeRateRecord,
  type Goal,
  type Ledger,
  type Person,
  type RecurringTransaction,
  type Settlement,
} from '@tally/schema';
import { forgetLanguage } from '../i18n/index.js';
import { RecordCache } from '../ledger/index.js';
import {
  DeviceStorage,
  type DeviceStores,
  type KnownLedger,
  PERSONAL_LEDGER_KEY,
  type TransactionIndex,
} from '../storage/index.js';
import {
  browserHoldLock,
  claimWriter,
  type LedgerOnRelay,
  LiveEvents,
  LocalLedger,
  RelaySync,
  type StoredLedger,
  type SyncSettings,
  storedLedgerOf,
} from '../sync/index.js';
import { afterNextPaint } from '../ui/index.js';
import { AttachmentKeeper } from './attachment-keeper.js';
import { DueOccurrences } from './due-occurrences.js';
import { FirstRun, readSkipped } from './first-run.js';
import { LedgerCatalogue } from './ledger-catalogue.js';

/** Everything one running Tally holds: the ledger, what is derived from it, and the relay link. */
export interface Tally {
  readonly ledger: Ledger;
  readonly accounts: RecordCache<Account>;
  readonly categories: RecordCache<Category>;
  readonly budgets: RecordCache<Budget>;
  readonly goals: RecordCache<Goal>;
  readonly contributions: RecordCache<Contribution>;
  readonly recurring: RecordCache<RecurringTransaction>;
  readonly rates: RecordCache<ExchangeRateRecord>;
  readonly rules: RecordCache<CategoryRule>;
  /** The people of a shared ledger (SPEC PPL1) and the settlements between them (SET1). */
  readonly people: RecordCache<Person>;
  readonly settlements: RecordCache<Settlement>;
  readonly transactions: TransactionIndex;
  /** The bytes of attachments on this device, their upload outbox and their downloads. */
  readonly attachments: AttachmentKeeper;
  /** What features keep on this device for themselves (remembered mappings, recent imports). */
  readonly stores: DeviceStores;
  /** What the device keeps for itself whichever ledger is open: the live events' place, the chat outbox. */
  readonly deviceStores: DeviceStores;
  /** The relay account's live events (bookings, chat), on one connection per device while signed in. */
  readonly events: LiveEvents;
  /** Books recurring transactions as they fall due, and knows which could not be booked. */
  readonly dueOccurrences: DueOccurrences;
  readonly sync: RelaySync;
  /** The ledgers this device holds and the relay lists, and which one is open. */
  readonly ledgers: LedgerCatalogue;
  /** Whether this device offers the first-run step, and skipping it. */
  readonly firstRun: FirstRun;
  /** Resolves once the ledger stored on this device is read. */
  readonly ready: Promise<void>;
  /** Where the ledger is stored on this device, and the origin of an update stored there by other means (`LocalLedger.storedOrigin`). */
  readonly stored: { readonly ledger: StoredLedger; readonly origin: unknown };
  /** Removes every ledger and every local setting from this device; reload afterwards. */
  wipe(): Promise<void>;
  /**
   * Remembers `key` as the ledger this device opens and stores everything of the open one,
   * pending edits included; reload afterwards. Nothing of the open Tally may be used after it.
   */
  switchLedger(key: string): Promise<void>;
}

/**
 * Claims this tab's writer (docs/app.md#the-running-tally), then opens the ledger as that writer.
 * Rejects when the device's storage cannot be opened; `ready` rejects when the stored ledger
 * cannot be read. The whole stored ledger is read once `screenDrawn` resolves: the page's first
 * screen, shown from the newest stored transactions, comes before it (docs/app.md#start).
 */
export async function openTally(screenDrawn: Promise<void>): Promise<Tally> {
  const device = new DeviceStorage();
  // Which ledger to open is read while the writer's lock is asked for: neither needs the other.
  const [node, opened] = await Promise.all([claimWriter(device.settings, browserHoldLock()), ledgerToOpen(device)]);
  const storage = opened ? DeviceStorage.forLedger(opened.key) : device;
  const local = new LocalLedger(
    { ...(node !== undefined && { node }), viewOnly: opened?.role === 'viewer' },
    storedLedgerOf(opened?.key),
  );
  const { ledger } = local;
  const transactions = storage.transactionIndex(ledger.transactions, local);
  const onRelay: LedgerOnRelay = !opened ? 'personal' : opened.docId === null ? 'none' : { docId: opened.docId };
  const sync = new RelaySync(local.doc, syncSettings(device, storage), undefined, onRelay);
  const ledgers = new LedgerCatalogue(
    device.knownLedgers,
    sync,
    opened?.key ?? PERSONAL_LEDGER_KEY,
    opened ? opened.role : 'owner',
  );
  const dueOccurrences = new DueOccurrences(ledger);
  const events = liveEvents(device, sync);
  const attachments = new AttachmentKeeper(storage.attachments, sync, () => attachmentHashes(local.doc));
  const firstRun = new FirstRun(storage.firstRunChoice(readSkipped), local, sync);
  const ready = (async () => {
    // Reading a large ledger keeps the page and the browser's storage busy for a while: the screen
    // opened, the newest transactions in it, draws first. Begun earlier, the whole read holds back
    // the screen's own code, which the service worker serves from storage too.
    await transactions.loadNewest();
    await screenDrawn;
    await afterNextPaint();
    await Promise.all([transactions.load(), local.load()]);
    await transactions.follow();
    local.onChange(() => transactions.ledgerChanged());
    dueOccurrences.start();
    await sync.start();
    await attachments.start();
    await firstRun.load();
    keepStorageOnceThereIsData(local);
    sync.onMembershipChanged(() => void ledgers.refresh());
    followSession(sync, events);
    // The relay says the account's ledgers changed (a ledger shared for an advisor's session, or its end).
    events.subscribe((event) => event.type === 'membership.changed' && void ledgers.refresh());
    await ledgers.load();
    joinAsPerson(ledger, sync, opened);
  })();
  // The page listens to `ready` once it is drawn, up to a second after this resolves: a failure
  // meanwhile is the page's to tell, not an unhandled rejection.
  ready.catch(() => undefined);
  const close = async (): Promise<void> => {
    events.stop();
    sync.stop();
    attachments.stop();
    dueOccurrences.stop();
    await transactions.flushed();
    await local.flushed();
  };
  return {
    ledger,
    accounts: new RecordCache(ledger.accounts, (account) => account.name),
    categories: new RecordCache(ledger.categories, (category) => `${category.group}\u0000${category.name}`),
    budgets: new RecordCache(ledger.budgets, (budget) => `${budget.month}\u0000${budget.categoryId}`),
    goals: new RecordCache(ledger.goals, (goal) => goal.name),
    contributions: new RecordCache(ledger.contributions, (contribution) => contribution.date),
    recurring: new RecordCache(ledger.recurring, (item) => `${item.payee}\u0000${item.startDate}`),
    rates: new RecordCache(ledger.rates, (rate) => `${rate.from}${rate.to}\u0000${rate.date}`),
    rules: new RecordCache(ledger.rules, (rule) => rule.contains),
    people: new RecordCache(ledger.people, (person) => person.name),
    settlements: new RecordCache(ledger.settlements, (settlement) => settlement.date),
    transactions,
    attachments,
    stores: storage,
    deviceStores: device,
    events,
    dueOccurrences,
    sync,
    ledgers,
    firstRun,
    ready,
    get stored() {
      return { ledger: local.stored, origin: local.storedOrigin };
    },
    async wipe() {
      await close();
      await ledgers.eraseOthers();
      await local.wipe();
      await storage.erase();
      if (storage !== device) await device.erase();
      forgetLanguage();
    },
    async switchLedger(key) {
      await ledgers.choose(key);
      await close();
    },
  };
}

/**
 * In a shared ledger, the account is one of its people (SPEC PPL2), named after its email until
 * someone renames them. A viewer writes nothing, so it is not one of them.
 */
function joinAsPerson(ledger: Ledger, sync: RelaySync, opened: KnownLedger | undefined): void {
  const user = sync.accountUser;
  if (!opened?.docId || !user || !ledger.writable) return;
  ledger.ensurePerson({ userId: user.userId, name: user.email.split('@')[0] || user.email });
}

/** The account's live events, each account's last sequence kept in the device's own database. */
function liveEvents(device: DeviceStorage, sync: RelaySync): LiveEvents {
  const seqs = device.liveEventSeq((stored) => (typeof stored === 'number' ? stored : undefined));
  const account = (): string => sync.accountUser?.userId ?? '';
  return new LiveEvents(
    {
      eventsUrl: (after) => sync.eventsUrl(after),
      eventsRefused: () => sync.eventsRefused(),
    },
    { get: () => seqs.get(account()), put: (seq) => seqs.put(account(), seq) },
  );
}

/** Listens to the live events while the device is signed in to a relay, and not after it logs out. */
function followSession(sync: RelaySync, events: LiveEvents): void {
  const follow = (): void => {
    if (sync.accountUser) events.start();
    else events.stop();
  };
  follow();
  sync.subscribe(follow);
}

/**
 * The ledger this device opens, when it is not the personal one (which it opens when nothing else
 * is known, and when the one chosen is held for a relay account other than the one logged in now).
 */
async function ledgerToOpen(device: DeviceStorage): Promise<KnownLedger | undefined> {
  const key = await device.knownLedgers.current();
  if (key === PERSONAL_LEDGER_KEY) return undefined;
  const chosen = (await device.knownLedgers.list()).find((known) => known.key === key);
  const account = (await device.settings.session())?.userId;
  if (chosen?.account !== undefined && account !== undefined && chosen.account !== account) return undefined;
  return chosen;
}

/** The relay session is the device's; what the relay stores of a ledger, and when it last synced, are the ledger's. */
function syncSettings(device: DeviceStorage, storage: DeviceStorage): SyncSettings {
  if (storage === device) return device.settings;
  const { settings } = storage;
  return {
    session: () => device.settings.session(),
    saveSession: (session) => device.settings.saveSession(session),
    forgetSession: async () => {
      await device.settings.forgetSession();
      await settings.forgetSession();
    },
    lastSyncedAt: () => settings.lastSyncedAt(),
    saveLastSyncedAt: (time) => settings.saveLastSyncedAt(time),
    relayStored: () => settings.relayStored(),
    saveRelayStored: (stored) => settings.saveRelayStored(stored),
  };
}

/**
 * Asks the browser not to evict Tally's storage, once there is something worth keeping
 * (docs/app.md#keeping-data-on-the-device).
 */
function keepStorageOnceThereIsData(local: LocalLedger): void {
  if (!navigator.storage?.persist) return;
  const ask = (): boolean => {
    if (!local.hasData()) return false;
    void navigator.storage.persisted().then((persisted) => persisted || navigator.storage.persist());
    return true;
  };
  if (ask()) return;
  const stop = local.onChange(() => {
    if (ask()) stop();
  });
}
