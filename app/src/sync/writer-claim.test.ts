import 'fake-indexeddb/auto';
import { type Ledger, openLedger } from '@tally/schema';
import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DeviceStorage } from '../storage/index.js';
import { LocalLedger } from './local-ledger.js';
import { claimWriter, type HoldLock } from './writer-claim.js';

/**
 * The locks of one device's browser, as Web Locks hold them: a name is held by one tab at a time
 * and let go when that tab closes. (Node has no Web Locks; the browser's are used in the app.)
 */
class DeviceLocks {
  private readonly held = new Set<string>();

  /** The lock function one tab uses, and how it lets go of everything when it closes. */
  tab(): { hold: HoldLock; close: () => void } {
    const mine = new Set<string>();
    const hold: HoldLock = async (name) => {
      if (this.held.has(name)) return false;
      this.held.add(name);
      mine.add(name);
      return true;
    };
    const close = () => {
      for (const name of mine) this.held.delete(name);
    };
    return { hold, close };
  }
}

/** A wall clock the test moves, shared by both devices so which edit is later is decided here. */
const wall = { now: 1_790_000_000_000 };
const now = () => wall.now;

interface Tab {
  readonly local: LocalLedger;
  close(): Promise<void>;
}

const opened: DeviceStorage[] = [];
let databases = 0;

/** A device of its own: its IndexedDB databases and its locks; each `start` is a tab opening Tally. */
function device(withLocks: boolean) {
  databases += 1;
  const name = `writer-claim-test-${databases}`;
  const locks = new DeviceLocks();
  return {
    async start(): Promise<Tab> {
      const storage = new DeviceStorage(name);
      opened.push(storage);
      const tab = locks.tab();
      const node = await claimWriter(storage.settings, withLocks ? tab.hold : undefined);
      const local = new LocalLedger({ ...(node && { node }), now }, { database: `${name}-ledger` });
      await local.load();
      return {
        local,
        async close() {
          await local.close();
          tab.close();
        },
      };
    },
  };
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function entriesOf(doc: Y.Doc, id: string): string[] {
  return [...doc.getMap('accounts').keys()].filter((key) => key.startsWith(`${id}/`));
}

/**
 * One tab reloaded three times while another device edits the same account's name at the same
 * moments; the tab's edit is the later one each time and the tab closes before it hears of the
 * other. Returns how many entries the account holds after the last exchange.
 */
async function reloadsWithConcurrentEdits(withLocks: boolean): Promise<string[]> {
  const laptop = device(withLocks);
  const phoneDoc = new Y.Doc();
  const phone: Ledger = openLedger(phoneDoc, { node: 'phone00000', now });
  let tab = await laptop.start();
  const id = tab.local.ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  exchange(tab.local.doc, phoneDoc);
  for (const reload of [1, 2, 3]) {
    wall.now += 1_000;
    phone.accounts.update(id, { name: `Wallet ${reload}` });
    wall.now += 1;
    tab.local.ledger.accounts.update(id, { name: `Purse ${reload}` });
    await tab.close();
    tab = await laptop.start();
    exchange(tab.local.doc, phoneDoc);
    expect(tab.local.ledger.accounts.get(id)?.name).toBe(`Purse ${reload}`);
    expect(phone.accounts.get(id)?.name).toBe(`Purse ${reload}`);
  }
  const entries = entriesOf(tab.local.doc, id);
  await tab.close();
  return entries;
}

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.erase();
});

describe('[LWW6] one writer per tab, reused across starts', () => {
  test('a tab reloaded three times while another device edits the same field settles the record to one entry', async () => {
    await expect(reloadsWithConcurrentEdits(true)).resolves.toHaveLength(1);
  });

  test('without a claimed writer each start is a new writer, and the record keeps an entry of a closed one', async () => {
    await expect(reloadsWithConcurrentEdits(false)).resolves.toHaveLength(2);
  });

  test('a second tab open at once gets a writer of its own, and each gets its own back at the next start', async () => {
    const laptop = device(true);
    const first = await laptop.start();
    const second = await laptop.start();
    const writers = [first.local.ledger.clock.node, second.local.ledger.clock.node];
    expect(writers[0]).not.toBe(writers[1]);
    await first.close();
    await second.close();
    const again = [await laptop.start(), await laptop.start()];
    expect(again.map((tab) => tab.local.ledger.clock.node)).toEqual(writers);
    for (const tab of again) await tab.close();
  });
});
