import type { Accounts } from '../storage/accounts/accounts.js';
import type { Advisors } from '../storage/advisors/advisors.js';
import type { LedgerDocuments } from '../storage/documents/ledger-documents.js';
import type { MailStore } from '../storage/mail/mail-store.js';
import type { PushStore } from '../storage/push/push-store.js';
import type { RelayStorage } from '../storage/relay-storage.js';

type Call<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof T];
type ArgumentsOf<T, K extends keyof T> = T[K] extends (...args: infer A) => unknown ? A : never;

interface PlannedFault {
  readonly call: PropertyKey;
  readonly error: Error;
  readonly when: (args: readonly unknown[]) => boolean;
  times: number;
}

/** A storage call stopped on its way to the area, so a test can stage a race step by step. */
export interface HeldCall {
  /** Resolves once the call is made, and held. */
  readonly reached: Promise<void>;
  /** Lets the call reach the area. */
  release(): void;
}

interface PlannedHold {
  readonly call: PropertyKey;
  readonly when: (args: readonly unknown[]) => boolean;
  readonly reached: () => void;
  readonly released: Promise<void>;
}

/**
 * A real storage area (memory or SQLite) whose chosen calls fail or wait: `area` passes every call
 * through to it, except the ones a planned fault matches, which reject with that fault's error,
 * and the one a hold matches, which waits until the test releases it.
 */
export class Faults<T extends object> {
  readonly area: T;
  private readonly planned: PlannedFault[] = [];
  private readonly holds: PlannedHold[] = [];

  constructor(inner: T) {
    this.area = new Proxy(inner, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          const fault = this.take(property, args);
          if (fault !== undefined) return Promise.reject(fault.error);
          const hold = this.takeHold(property, args);
          if (hold === undefined) return value.apply(target, args);
          hold.reached();
          return hold.released.then(() => value.apply(target, args));
        };
      },
    });
  }

  /** The next call of `call` (only one `when` accepts) waits, before it reaches the area, until released. */
  holdNext<K extends Call<T>>(
    call: K,
    options: { readonly when?: (...args: ArgumentsOf<T, K>) => boolean } = {},
  ): HeldCall {
    const { when } = options;
    let reached = (): void => {};
    let release = (): void => {};
    const reachedPromise = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({
      call,
      when: when === undefined ? () => true : (args) => when(...(args as ArgumentsOf<T, K>)),
      reached,
      released,
    });
    return { reached: reachedPromise, release };
  }

  private takeHold(call: PropertyKey, args: readonly unknown[]): PlannedHold | undefined {
    const index = this.holds.findIndex((hold) => hold.call === call && hold.when(args));
    return index === -1 ? undefined : this.holds.splice(index, 1)[0];
  }

  /** The next `times` calls of `call` (only those `when` accepts) reject with `error`. */
  failNext<K extends Call<T>>(
    call: K,
    error: Error,
    options: { readonly times?: number; readonly when?: (...args: ArgumentsOf<T, K>) => boolean } = {},
  ): void {
    const { when } = options;
    this.planned.push({
      call,
      error,
      when: when === undefined ? () => true : (args) => when(...(args as ArgumentsOf<T, K>)),
      times: options.times ?? 1,
    });
  }

  private take(call: PropertyKey, args: readonly unknown[]): PlannedFault | undefined {
    const fault = this.planned.find((planned) => planned.call === call && planned.times > 0 && planned.when(args));
    if (fault !== undefined) fault.times--;
    return fault;
  }
}

export interface FaultyStorage {
  /** The storage to build a relay with: the original's areas behind their faults. */
  readonly storage: RelayStorage;
  readonly documents: Faults<LedgerDocuments>;
  readonly accounts: Faults<Accounts>;
  readonly mail: Faults<MailStore>;
  readonly push: Faults<PushStore>;
  readonly advisors: Faults<Advisors>;
}

export function withFaults(original: RelayStorage): FaultyStorage {
  const documents = new Faults(original.documents);
  const accounts = new Faults(original.accounts);
  const mail = new Faults(original.mail);
  const push = new Faults(original.push);
  const advisors = new Faults(original.advisors);
  return {
    storage: {
      documents: documents.area,
      accounts: accounts.area,
      mail: mail.area,
      registerUser: (user, admission, welcome) => original.registerUser(user, admission, welcome),
      notify: (notification) => original.notify(notification),
      changeEmail: (tokenHash, at) => original.changeEmail(tokenHash, at),
      inviteToLedger: (invitation, mail, notification) => original.inviteToLedger(invitation, mail, notification),
      push: push.area,
      events: original.events,
      conversations: original.conversations,
      advisors: advisors.area,
      payments: original.payments,
      fulfilPayment: (event, at) => original.fulfilPayment(event, at),
      blobs: original.blobs,
      close: () => original.close(),
    },
    documents,
    accounts,
    mail,
    push,
    advisors,
  };
}
