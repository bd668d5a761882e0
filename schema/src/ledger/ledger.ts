import type * as Y from 'yjs';
import { addDays, parseCalendarDate } from '../calendar/index.js';
import { type FarFutureEvent, HybridClock } from '../clock/index.js';
import { type HouseholdBalances, householdBalances, type Transfer, whoOwesWhom } from '../household/index.js';
import { newNodeId, newRecordId } from '../ids.js';
import { type CurrencyCode, currencyCode, isCurrencyCode, RateTable } from '../money/index.js';
import { cryptoRandom, type RandomSource } from '../random.js';
import {
  type Account,
  accountKind,
  type Budget,
  budgetKind,
  type Category,
  type CategoryRule,
  type Contribution,
  categoryKind,
  contributionKind,
  type ExchangeRateRecord,
  exchangeRateKind,
  type FieldIssue,
  type Goal,
  goalKind,
  type LedgerSettings,
  type Person,
  personKind,
  type RecordInput,
  type RecordKind,
  type RecurringTransaction,
  recurringKind,
  ruleKind,
  type Settlement,
  settingsKind,
  settlementKind,
  type Transaction,
  transactionKind,
  validateRecord,
} from '../records/index.js';
import { derivedRecordId } from '../recurring/derived-id.js';
import { dueDates } from '../recurring/schedule.js';
import { Collection, type CollectionGuard, type LedgerRecord, type Storable } from './collection.js';
import { onDocumentChange } from './document-changes.js';
import { declareFormat, LEDGER_FORMAT, MIGRATIONS, type Migration, readFormat, upgradeFormat } from './format.js';
import { LedgerError } from './ledger-error.js';
import { applyReceivedUpdate } from './received-update.js';
import { DERIVED_NODE, RecordStore, type Writer } from './record-store.js';
import {
  STARTER_CATEGORIES,
  STARTER_CATEGORY_SLOTS,
  type StarterRecords,
  starterAccountId,
  starterCategoryId,
} from './starter-records.js';

type New<T, Required extends keyof T> = Pick<RecordInput<T>, Required> & Partial<RecordInput<T>>;

export type NewAccount = New<Account, 'name' | 'type' | 'currency'>;
export type NewCategory = New<Category, 'name' | 'kind'>;
export type NewTransaction = New<Transaction, 'date' | 'amount' | 'currency' | 'accountId'>;
export type NewBudget = New<Budget, 'month' | 'categoryId' | 'amount' | 'currency'>;
export type NewContribution = New<Contribution, 'goalId' | 'date' | 'amount' | 'currency'>;
export type NewGoal = New<Goal, 'name' | 'targetAmount' | 'currency'>;
export type NewPerson = New<Person, 'name'>;
export type NewSettlement = New<Settlement, 'fromPersonId' | 'toPersonId' | 'amount' | 'currency' | 'date'>;
export type NewRecurringTransaction = New<
  RecurringTransaction,
  'amount' | 'currency' | 'accountId' | 'frequency' | 'startDate'
>;

/** One due date of a recurring transaction, and its transaction once it exists. */
export interface Occurrence {
  readonly recurringId: string;
  readonly date: string;
  /** The id its transaction has, or will have, on every device. */
  readonly id: string;
  readonly transaction: LedgerRecord<Transaction> | undefined;
}

/** What `startLedger` leaves in the ledger: the first account and the starter categories, as they read now. */
export interface StartedLedger {
  readonly account: LedgerRecord<Account>;
  readonly categories: readonly LedgerRecord<Category>[];
}

export interface NewTransfer {
  readonly date: string;
  readonly fromAccountId: string;
  readonly toAccountId: string;
  /** Minor units leaving the source account (positive). */
  readonly amount: number;
  /** Minor units arriving, when the accounts' currencies differ; otherwise `amount`. */
  readonly receivedAmount?: number;
  readonly payee?: string;
  readonly notes?: string;
  /** Written on both legs, as payee and notes are. */
  readonly tags?: readonly string[];
}

export interface LedgerOptions {
  /** This replica's writer id; random unless a test pins it. */
  readonly node?: string;
  readonly now?: () => number;
  readonly random?: RandomSource;
  readonly maxDriftMs?: number;
  readonly onFarFuture?: (event: FarFutureEvent) => void;
  readonly migrations?: readonly Migration[];
  /** Opened for a viewer of a shared ledger: it reads and writes nothing (SPEC VIEW1). */
  readonly viewOnly?: boolean;
}

/**
 * The ledger: one person's accounts, categories, transactions, budgets and goals, held in one
 * Y.Doc. Every field of every record resolves concurrent writes by the larger hybrid-clock
 * timestamp (SPEC LWW1–LWW7) instead of by Yjs client id.
 */
export class Ledger {
  readonly clock: HybridClock;
  readonly accounts: Collection<Account, NewAccount>;
  readonly categories: Collection<Category, NewCategory>;
  readonly transactions: Collection<Transaction, NewTransaction>;
  readonly budgets: Collection<Budget, NewBudget>;
  readonly goals: Collection<Goal, NewGoal>;
  readonly contributions: Collection<Contribution, NewContribution>;
  readonly recurring: Collection<RecurringTransaction, NewRecurringTransaction>;
  readonly rates: Collection<ExchangeRateRecord, RecordInput<ExchangeRateRecord>>;
  readonly rules: Collection<CategoryRule, RecordInput<CategoryRule>>;
  readonly people: Collection<Person, NewPerson>;
  readonly settlements: Collection<Settlement, NewSettlement>;
  private readonly settings: Collection<LedgerSettings, Partial<RecordInput<LedgerSettings>>>;
  private readonly writer: Writer;
  private readonly meta: Y.Map<unknown>;
  private readonly random: RandomSource;
  private format: number | undefined;
  private declared = false;
  private readonly viewOnly: boolean;

  constructor(
    readonly doc: Y.Doc,
    options: LedgerOptions = {},
  ) {
    this.random = options.random ?? cryptoRandom;
    this.viewOnly = options.viewOnly ?? false;
    if (options.node === DERIVED_NODE)
      throw new LedgerError('invalid-record', `writer id "${DERIVED_NODE}" is reserved`);
    this.clock = new HybridClock({
      node: options.node ?? newNodeId(this.random),
      ...(options.now && { now: options.now }),
      ...(options.maxDriftMs !== undefined && { maxDriftMs: options.maxDriftMs }),
      ...(options.onFarFuture && { onFarFuture: options.onFarFuture }),
    });
    this.writer = { node: this.clock.node, clock: this.clock, origin: this, canWrite: () => this.writable };
    this.meta = doc.getMap('meta');
    const migrations = options.migrations ?? MIGRATIONS;
    const refreshFormat = (): void => {
      this.format = readFormat(this.meta);
      // A viewer's replica writes nothing (VIEW1), so it reads an older format as it is.
      if (this.format !== undefined && this.format < LEDGER_FORMAT && !this.viewOnly) {
        this.format = upgradeFormat(doc, this.meta, this.clock.node, migrations, LEDGER_FORMAT);
      }
    };
    refreshFormat();
    this.meta.observe(refreshFormat);

    this.accounts = this.collection(accountKind, () => []);
    this.categories = this.collection(categoryKind, () => []);
    this.transactions = this.collection(transactionKind, (record, changed) => this.checkTransaction(record, changed));
    this.budgets = this.collection(budgetKind, (record, changed) =>
      changed.has('categoryId') ? this.checkCategory(record.categoryId, 'categoryId') : [],
    );
    this.goals = this.collection(goalKind, (record, changed) =>
      changed.has('accountIds') ? record.accountIds.flatMap((id) => this.checkAccount(id, 'accountIds')) : [],
    );
    this.contributions = this.collection(contributionKind, (record, changed) =>
      this.checkContribution(record, changed),
    );
    this.recurring = this.collection(recurringKind, (record, changed) => this.checkTransaction(record, changed));
    this.rates = this.collection(exchangeRateKind, () => []);
    this.rules = this.collection(ruleKind, (record, changed) =>
      changed.has('categoryId') ? this.checkCategory(record.categoryId, 'categoryId') : [],
    );
    this.settings = this.collection(settingsKind, () => []);
    this.people = this.collection(personKind, (record, changed, id) =>
      changed.has('userId') ? this.checkUser(record.userId, id) : [],
    );
    this.settlements = this.collection(settlementKind, (record, changed) => [
      ...(changed.has('fromPersonId') ? this.checkSettling(record.fromPersonId, 'fromPersonId') : []),
      ...(changed.has('toPersonId') ? this.checkSettling(record.toPersonId, 'toPersonId') : []),
    ]);
  }

  /** The currency totals and reports are shown in, once chosen. */
  get homeCurrency(): CurrencyCode | null {
    return this.settings.get(SETTINGS_ID)?.homeCurrency ?? null;
  }

  setHomeCurrency(currency: string): void {
    this.transact(() => this.settings.update(this.settings.ensure(SETTINGS_ID, {}).id, { homeCurrency: currency }));
  }

  /**
   * Starts the ledger on this device (REC10): the home currency, a first cash account and the
   * starter categories, each a derived record (REC6). Two devices started apart create one record
   * each between them, and none of it ever outranks a real edit made anywhere; a record this
   * replica already holds is left as it is, deleted or not.
   */
  startLedger(starter: StarterRecords): StartedLedger {
    const account: NewAccount = { name: starter.accountName, type: 'cash', currency: starter.currency };
    const categories = STARTER_CATEGORY_SLOTS.map(
      (slot) => [slot, { name: starter.categoryNames[slot], kind: STARTER_CATEGORIES[slot] }] as const,
    );
    // Checked whole before anything is written: Yjs does not roll back a change that throws halfway.
    const validations = [
      ['account', validateRecord(accountKind, account)] as const,
      ...categories.map(([slot, category]) => [slot, validateRecord(categoryKind, category)] as const),
    ];
    const issues = validations.flatMap(([what, validation]) =>
      validation.ok
        ? []
        : validation.issues.map((issue) => ({ field: `${what}.${issue.field}`, message: issue.message })),
    );
    if (issues.length > 0) {
      throw new LedgerError(
        'invalid-record',
        issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
        issues,
      );
    }
    return this.transact(() => {
      if (!this.settings.has(SETTINGS_ID)) this.settings.ensure(SETTINGS_ID, { homeCurrency: starter.currency });
      return {
        account: this.accounts.ensure(starterAccountId(starter.currency), account),
        categories: categories.map(([slot, category]) => this.categories.ensure(starterCategoryId(slot), category)),
      };
    });
  }

  /**
   * Calls `listener` after every change of the ledger, made here or received; returns what stops
   * it. Yjs encodes nothing for it (`onDocumentChange`).
   */
  onChange(listener: () => void): () => void {
    return onDocumentChange(this.doc, () => listener());
  }

  /**
   * Records the rate of a day (REC9). One record per day and currency pair, whichever way round
   * it is entered, the same id on every device: entering that day's rate again — here or
   * elsewhere, either way round — edits it, and the later entry wins whole.
   */
  setExchangeRate(rate: RecordInput<ExchangeRateRecord>): LedgerRecord<ExchangeRateRecord> {
    const id = rateId(rate.from, rate.to, rate.date);
    if (!this.rates.has(id)) return this.rates.create(rate, id);
    return this.transact(() => {
      this.rates.restore(id);
      return this.rates.update(id, { from: rate.from, to: rate.to, rate: rate.rate });
    });
  }

  /**
   * Sets the budget of a category for a month. One record per category and month, the same id on
   * every device, so budgeting the same month on two devices edits one budget (later entry wins).
   */
  setBudget(budget: NewBudget): LedgerRecord<Budget> {
    const id = budgetId(budget.categoryId, budget.month);
    if (!this.budgets.has(id)) return this.budgets.create(budget, id);
    return this.transact(() => {
      this.budgets.restore(id);
      const { month: _month, categoryId: _categoryId, ...change } = budget;
      return this.budgets.update(id, change);
    });
  }

  /** Copies one month's budgets into another, leaving categories the target month already budgets alone. */
  copyBudgets(fromMonth: string, toMonth: string): LedgerRecord<Budget>[] {
    return this.transact(() =>
      this.budgets
        .list()
        .filter((budget) => budget.month === fromMonth)
        .filter((budget) => {
          const existing = this.budgets.get(budgetId(budget.categoryId, toMonth));
          return !existing || existing.deleted;
        })
        .map((budget) =>
          this.setBudget({
            month: toMonth,
            categoryId: budget.categoryId,
            amount: budget.amount,
            currency: budget.currency,
            rollover: budget.rollover,
          }),
        ),
    );
  }

  /**
   * The person who stands for a relay account (PPL2): the live one holding its id, the smallest id
   * first should concurrent edits have given it to two.
   */
  personForUser(userId: string): LedgerRecord<Person> | undefined {
    return this.people
      .list()
      .filter((person) => person.userId === userId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  }

  /**
   * The person of a relay account, created if the ledger has none (PPL2). Created under an id
   * derived from the account (REC6), so two devices of one account opening the ledger at once
   * create one person between them, and any rename outranks the creation.
   */
  ensurePerson(person: { readonly userId: string; readonly name: string }): LedgerRecord<Person> {
    const existing = this.personForUser(person.userId);
    if (existing) return existing;
    const id = personId(person.userId);
    return this.transact(() => {
      // Someone deleted the person while the account still opens the ledger: they are back.
      if (this.people.get(id)?.deleted) this.people.restore(id);
      return this.people.ensure(id, { name: person.name, userId: person.userId });
    });
  }

  /**
   * What each person is owed or owes (OWE1), in `currency` — the home currency unless given —
   * from every live transaction and settlement.
   */
  householdBalances(currency: string | null = this.homeCurrency): HouseholdBalances {
    if (currency === null || !isCurrencyCode(currency)) {
      throw new LedgerError('invalid-record', 'balances need a currency: choose the home currency first', [
        { field: 'currency', message: 'choose the home currency first' },
      ]);
    }
    return householdBalances({
      currency: currencyCode(currency),
      rates: this.rateTable(),
      transactions: this.transactions.list(),
      settlements: this.settlements.list(),
    });
  }

  /**
   * Settles up (SET2): records the transfers that bring every balance to zero as settlements of
   * `date`, in one update — the transfers given (what the person confirmed), or else the ones
   * `whoOwesWhom` proposes for the balances in the home currency now. Each is checked before any
   * is written.
   */
  settleUp(
    date: string,
    transfers: readonly Transfer[] = whoOwesWhom(this.householdBalances().balances),
  ): LedgerRecord<Settlement>[] {
    const settlements: NewSettlement[] = transfers.map((transfer) => ({
      fromPersonId: transfer.from,
      toPersonId: transfer.to,
      amount: transfer.amount.amount,
      currency: transfer.amount.currency,
      date,
    }));
    const issues = settlements.flatMap((settlement, index) => {
      const validation = validateRecord(settlementKind, settlement);
      const found = validation.ok
        ? [
            ...this.checkSettling(settlement.fromPersonId, 'fromPersonId'),
            ...this.checkSettling(settlement.toPersonId, 'toPersonId'),
          ]
        : validation.issues;
      return found.map((issue) => ({ field: issue.field, message: `transfer ${index + 1}: ${issue.message}` }));
    });
    if (issues.length > 0) {
      throw new LedgerError('invalid-record', issues.map((issue) => issue.message).join('; '), issues);
    }
    return this.transact(() => settlements.map((settlement) => this.settlements.create(settlement)));
  }

  /** Every live exchange rate, ready to convert amounts on any day. */
  rateTable(): RateTable {
    return new RateTable(this.rates.list());
  }

  /** The document's format version, or undefined for a document nobody has written yet. */
  get formatVersion(): number | undefined {
    return this.format;
  }

  /** False when the document was written by a newer Tally, or opened for a viewer: it can be read but not changed. */
  get writable(): boolean {
    return !this.viewOnly && !this.newerFormat;
  }

  /** True when the document was written by a newer Tally (FMT2). */
  get newerFormat(): boolean {
    return this.format !== undefined && this.format > LEDGER_FORMAT;
  }

  /**
   * Runs several changes as one update, so peers receive them together. Yjs does not roll back:
   * a change that throws leaves the ones before it in place, so check before changing.
   */
  transact<R>(change: () => R): R {
    let result: R | undefined;
    this.doc.transact(() => {
      result = change();
    }, this.writer.origin);
    return result as R;
  }

  /**
   * Puts back what `past` — this ledger as it was at an earlier version — held, as new edits made
   * by this writer, in one update (SPEC VER1–VER3): every device converges to it, and restoring a
   * later version undoes it. Returns how many records changed and how many fields kept a later
   * write from a device whose clock runs ahead (LWW7).
   */
  revertTo(past: Ledger): { readonly records: number; readonly overruled: number } {
    return this.transact(() => {
      const reverted = [
        this.accounts.revertTo(past.accounts),
        this.categories.revertTo(past.categories),
        this.transactions.revertTo(past.transactions),
        this.budgets.revertTo(past.budgets),
        this.goals.revertTo(past.goals),
        this.contributions.revertTo(past.contributions),
        this.recurring.revertTo(past.recurring),
        this.rates.revertTo(past.rates),
        this.rules.revertTo(past.rules),
        this.settings.revertTo(past.settings),
        this.people.revertTo(past.people),
        this.settlements.revertTo(past.settlements),
      ];
      return {
        records: reverted.reduce((sum, each) => sum + each.records, 0),
        overruled: reverted.reduce((sum, each) => sum + each.overruled, 0),
      };
    });
  }

  /**
   * The first of transactions created apart (`createTransactions`) that this ledger refuses for
   * its references (REC4), with why; undefined when it would keep them all.
   */
  refusedTransaction(
    transactions: readonly NewTransaction[],
  ): { readonly index: number; readonly issues: readonly FieldIssue[] } | undefined {
    const everyField = new Set(['accountId', 'currency', 'categoryId', 'splits', 'paidBy', 'shares']);
    // An import names one account and a few categories: each pair is looked up once.
    const checked = new Set<string>();
    for (const [index, transaction] of transactions.entries()) {
      const references = { ...transaction, categoryId: transaction.categoryId ?? null };
      const others = Boolean(transaction.splits?.length || transaction.paidBy || transaction.shares?.length);
      const key = `${references.accountId}\u0000${references.currency}\u0000${references.categoryId}`;
      if (!others && checked.has(key)) continue;
      const issues = this.checkTransaction(references, everyField);
      if (issues.length > 0) return { index, issues };
      if (!others) checked.add(key);
    }
    return undefined;
  }

  /**
   * Adds transactions created apart (`createTransactions`) as the update, or one of the
   * consecutive updates, they were created as (SPEC REC11). It arrives like a peer's update, so
   * the clock moves past each of its timestamps; `origin` tells whoever stores or sends updates
   * where it came from (y-indexeddb skips what it stored itself). Whoever listens for updates
   * hears the bytes given, not Yjs encoding them again.
   */
  addCreated(update: Uint8Array, origin: unknown = this.writer.origin): void {
    this.write(() => undefined);
    applyReceivedUpdate(this.doc, update, origin);
  }

  /** A transfer is two transactions, one per account, each naming the other; both or neither. */
  createTransfer(transfer: NewTransfer): [LedgerRecord<Transaction>, LedgerRecord<Transaction>] {
    const from = this.accounts.get(transfer.fromAccountId);
    const to = this.accounts.get(transfer.toAccountId);
    const issues: FieldIssue[] = [];
    if (!from || from.deleted) issues.push({ field: 'fromAccountId', message: 'the source account does not exist' });
    if (!to || to.deleted) issues.push({ field: 'toAccountId', message: 'the destination account does not exist' });
    if (transfer.fromAccountId === transfer.toAccountId) {
      issues.push({ field: 'toAccountId', message: 'a transfer needs two different accounts' });
    }
    if (!Number.isSafeInteger(transfer.amount) || transfer.amount <= 0) {
      issues.push({ field: 'amount', message: 'a transfer moves a positive whole number of minor units' });
    }
    const received = transfer.receivedAmount ?? transfer.amount;
    if (from && to && from.currency === to.currency && received !== transfer.amount) {
      issues.push({ field: 'receivedAmount', message: 'accounts in the same currency receive what was sent' });
    }
    if (!Number.isSafeInteger(received) || received <= 0) {
      issues.push({ field: 'receivedAmount', message: 'the received amount must be a positive whole number' });
    }
    if (issues.length > 0 || !from || !to) {
      throw new LedgerError('invalid-record', issues.map((issue) => issue.message).join('; '), issues);
    }
    const outId = newRecordId(this.random);
    const inId = newRecordId(this.random);
    const shared = {
      date: transfer.date,
      payee: transfer.payee ?? '',
      notes: transfer.notes ?? '',
      tags: transfer.tags ?? [],
    };
    return this.transact(() => [
      this.transactions.create(
        { ...shared, amount: -transfer.amount, currency: from.currency, accountId: from.id, transferId: inId },
        outId,
      ),
      this.transactions.create(
        { ...shared, amount: received, currency: to.currency, accountId: to.id, transferId: outId },
        inId,
      ),
    ]);
  }

  /**
   * Creates the transaction of every due date, up to and including `today`, of every recurring
   * transaction that is neither paused nor deleted (RCR2). Each occurrence is a derived record
   * (REC6): two devices doing this at once create one transaction, not two. A rule remembers
   * through which day it has created occurrences, so a changed schedule applies from then on and
   * days passed while paused are not filled in later. Rules that cannot create their
   * transactions (their account is gone or now in another currency) are listed as stalled.
   */
  createDueOccurrences(today: string): {
    created: LedgerRecord<Transaction>[];
    stalled: { recurringId: string; issues: FieldIssue[] }[];
  } {
    assertDate(today, 'today');
    const created: LedgerRecord<Transaction>[] = [];
    const stalled: { recurringId: string; issues: FieldIssue[] }[] = [];
    this.transact(() => {
      for (const rule of this.recurring.list()) {
        if (rule.createdThrough !== null && rule.createdThrough >= today) continue;
        const issues = rule.paused ? [] : this.checkTransaction(rule, new Set(['accountId', 'categoryId']));
        if (issues.length > 0) {
          stalled.push({ recurringId: rule.id, issues });
          continue;
        }
        if (!rule.paused) {
          const from = rule.createdThrough === null ? rule.startDate : addDays(rule.createdThrough, 1);
          for (const date of dueDates(rule, from, today)) {
            const id = occurrenceId(rule.id, date);
            if (!this.transactions.has(id)) created.push(this.transactions.ensure(id, occurrenceOf(rule, date)));
          }
        }
        this.recurring.update(rule.id, { createdThrough: today });
      }
    });
    return { created, stalled };
  }

  /** The due dates of every active recurring transaction from `from` to `to`, in date order. */
  upcomingOccurrences(from: string, to: string): Occurrence[] {
    assertDate(from, 'from');
    assertDate(to, 'to');
    const occurrences: Occurrence[] = [];
    for (const rule of this.recurring.list()) {
      if (rule.paused) continue;
      for (const date of dueDates(rule, from, to)) {
        const id = occurrenceId(rule.id, date);
        occurrences.push({ recurringId: rule.id, date, id, transaction: this.transactions.get(id) });
      }
    }
    return occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Skips one due date: its transaction exists, deleted, so no device creates it later. */
  skipOccurrence(recurringId: string, date: string): void {
    this.transact(() => this.transactions.delete(this.ensureOccurrence(recurringId, date).id));
  }

  /** Changes one occurrence only, before or after it falls due; the recurring transaction stays as it is. */
  editOccurrence(
    recurringId: string,
    date: string,
    patch: Partial<RecordInput<Transaction>>,
  ): LedgerRecord<Transaction> {
    return this.transact(() => this.transactions.update(this.ensureOccurrence(recurringId, date).id, patch));
  }

  private ensureOccurrence(recurringId: string, date: string): LedgerRecord<Transaction> {
    assertDate(date, 'date');
    const rule = this.recurring.get(recurringId);
    if (!rule || rule.deleted) throw new LedgerError('not-found', `no recurring transaction ${recurringId}`);
    if (!dueDates(rule, date, date).includes(date)) {
      throw new LedgerError('invalid-record', `${date} is not a due date of this recurring transaction`, [
        { field: 'date', message: `${date} is not a due date of this recurring transaction` },
      ]);
    }
    return this.transactions.ensure(occurrenceId(recurringId, date), occurrenceOf(rule, date));
  }

  private collection<T extends Storable<T>, New>(
    kind: RecordKind<T>,
    checkReferences: CollectionGuard<T>['checkReferences'],
  ): Collection<T, New> {
    const store = new RecordStore(this.doc, this.doc.getMap(kind.collection), this.writer);
    const guard: CollectionGuard<T> = { write: (change) => this.write(change), checkReferences };
    return new Collection(store, kind, guard, this.random);
  }

  private write<R>(change: () => R): R {
    if (this.viewOnly) {
      throw new LedgerError('view-only', 'this ledger is shared with you to view: the relay keeps no change made here');
    }
    if (!this.writable) {
      throw new LedgerError(
        'read-only',
        `this ledger was written by a newer version of Tally (format ${this.format}); update Tally to change it`,
      );
    }
    return this.transact(() => {
      if (!this.declared) {
        declareFormat(this.meta, this.clock.node, LEDGER_FORMAT);
        this.declared = true;
      }
      return change();
    });
  }

  private checkTransaction(
    record: Pick<NewTransaction, 'accountId' | 'currency' | 'splits' | 'paidBy' | 'shares'> & {
      readonly categoryId: string | null;
    },
    changed: ReadonlySet<string>,
  ): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (changed.has('accountId') || changed.has('currency')) {
      const account = this.accounts.get(record.accountId);
      if (!account || account.deleted) issues.push({ field: 'accountId', message: 'the account does not exist' });
      else if (account.currency !== record.currency) {
        issues.push({ field: 'currency', message: `the account is in ${account.currency}, not ${record.currency}` });
      }
    }
    if (changed.has('categoryId') && record.categoryId !== null) {
      issues.push(...this.checkCategory(record.categoryId, 'categoryId'));
    }
    if (changed.has('splits')) {
      for (const part of record.splits ?? []) issues.push(...this.checkCategory(part.categoryId, 'splits'));
    }
    if (changed.has('paidBy') && record.paidBy) issues.push(...this.checkPerson(record.paidBy, 'paidBy'));
    if (changed.has('shares')) {
      for (const share of record.shares ?? []) issues.push(...this.checkPerson(share.personId, 'shares'));
    }
    return issues;
  }

  /** PPL1: people named anew must exist; archived ones may still be named (their old transactions are edited too). */
  private checkPerson(id: string, field: string): FieldIssue[] {
    const person = this.people.get(id);
    return person && !person.deleted ? [] : [{ field, message: 'the person does not exist' }];
  }

  /** PPL1: a settlement may square the balance of a person deleted since; it must name one the ledger has. */
  private checkSettling(id: string, field: string): FieldIssue[] {
    return this.people.has(id) ? [] : [{ field, message: 'the person does not exist' }];
  }

  /** PPL2: one person per relay account. */
  private checkUser(userId: string | null, id: string): FieldIssue[] {
    const holder = userId === null ? undefined : this.personForUser(userId);
    return holder && holder.id !== id
      ? [{ field: 'userId', message: `${holder.name} already stands for this account` }]
      : [];
  }

  private checkContribution(record: Contribution, changed: ReadonlySet<keyof Contribution>): FieldIssue[] {
    if (!changed.has('goalId') && !changed.has('currency')) return [];
    const goal = this.goals.get(record.goalId);
    if (!goal || goal.deleted) return [{ field: 'goalId', message: 'the goal does not exist' }];
    return goal.currency === record.currency
      ? []
      : [{ field: 'currency', message: `the goal is in ${goal.currency}, not ${record.currency}` }];
  }

  private checkAccount(id: string, field: string): FieldIssue[] {
    const account = this.accounts.get(id);
    return account && !account.deleted ? [] : [{ field, message: 'the account does not exist' }];
  }

  private checkCategory(id: string, field: string): FieldIssue[] {
    const category = this.categories.get(id);
    return category && !category.deleted ? [] : [{ field, message: 'the category does not exist' }];
  }
}

const SETTINGS_ID = derivedRecordId('settings');

function assertDate(value: string, field: string): void {
  if (!parseCalendarDate(value))
    throw new LedgerError('invalid-record', `${field}: "${value}" is not a calendar date`, [
      { field, message: 'not a calendar date' },
    ]);
}

/** The id of the exchange rate of a day between two currencies, whichever way round (REC9). */
export function rateId(from: string, to: string, date: string): string {
  const [first, second] = from < to ? [from, to] : [to, from];
  return derivedRecordId('rate', first, second, date);
}

/** The id of a category's budget for a month (`YYYY-MM`), the same on every device (BUD4). */
export function budgetId(categoryId: string, month: string): string {
  return derivedRecordId('budget', categoryId, month);
}

/** The id of the person created for a relay account (PPL2), the same on every device. */
export function personId(userId: string): string {
  return derivedRecordId('person', userId);
}

/** The id of the transaction for one due date of a recurring transaction, the same on every device. */
export function occurrenceId(recurringId: string, date: string): string {
  return derivedRecordId('occurrence', recurringId, date);
}

function occurrenceOf(rule: LedgerRecord<RecurringTransaction>, date: string): NewTransaction {
  return {
    date,
    amount: rule.amount,
    currency: rule.currency,
    accountId: rule.accountId,
    categoryId: rule.categoryId,
    payee: rule.payee,
    notes: rule.notes,
    recurringId: rule.id,
  };
}

export function openLedger(doc: Y.Doc, options: LedgerOptions = {}): Ledger {
  return new Ledger(doc, options);
}
