import type { Accounts } from '../storage/accounts/accounts.js';
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

/**
 * A real storage area (memory or SQLite) whose chosen calls fail: `area` passes every call
 * through to it, except the ones a planned fault matches, which reject with that fault's error.
 */
export class Faults<T extends object> {
  readonly area: T;
  private readonly planned: PlannedFault[] = [];

  constructor(inner: T) {
    this.area = new Proxy(inner, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          const fault = this.take(property, args);
          return fault === undefined ? value.apply(target, args) : Promise.reject(fault.error);
        };
      },
    });
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
}

export function withFaults(original: RelayStorage): FaultyStorage {
  const documents = new Faults(original.documents);
  const accounts = new Faults(original.accounts);
  const mail = new Faults(original.mail);
  const push = new Faults(original.push);
  return {
    storage: {
      documents: documents.area,
      accounts: accounts.area,
      mail: mail.area,
      registerUser: (user, admission, welcome) => original.registerUser(user, admission, welcome),
      notify: (notification) => original.notify(notification),
      push: push.area,
      blobs: original.blobs,
      close: () => original.close(),
    },
    documents,
    accounts,
    mail,
    push,
  };
}
