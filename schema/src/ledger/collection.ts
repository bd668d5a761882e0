import { isRecordId, newRecordId } from '../ids.js';
import type { RandomSource } from '../random.js';
import {
  type FieldIssue,
  type FieldSpec,
  type RecordInput,
  type RecordKind,
  validatePatch,
  validateRecord,
} from '../records/index.js';
import type { FieldWrite, StoredValue } from './field-writes.js';
import { LedgerError } from './ledger-error.js';
import type { RecordChange, RecordStore } from './record-store.js';

/** A record kind whose every field can be stored as it is. */
export type Storable<T> = { readonly [K in keyof T]: StoredValue };

export type LedgerRecord<T> = T & { readonly id: string; readonly deleted: boolean };

export type Inspection<T> =
  | { readonly ok: true; readonly record: LedgerRecord<T> }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** What the ledger checks beyond a record's own fields: references to other records, writability. */
export interface CollectionGuard<T> {
  /** Refuses writes to a read-only ledger; runs the change as one update with whatever it must add. */
  write<R>(change: () => R): R;
  /** `id` is the record's own, for rules about the record among others of its kind (PPL2). */
  checkReferences(record: T, changed: ReadonlySet<keyof T>, id: string): readonly FieldIssue[];
}

/** The `deleted` flag of every record (SPEC REC5): itself a last-write-wins field. */
export const DELETED_KEY = '_d';

/**
 * A typed view of one collection: the UI creates, edits, deletes and reads records of one kind
 * here and never sees Yjs. `New` is what creating a record requires (fields with defaults may
 * be left out).
 */
export class Collection<T extends Storable<T>, New> {
  private readonly fields: readonly (readonly [keyof T & string, FieldSpec<T[keyof T]>])[];

  constructor(
    private readonly store: RecordStore,
    private readonly kind: RecordKind<T>,
    private readonly guard: CollectionGuard<T>,
    private readonly random: RandomSource,
  ) {
    this.fields = (Object.keys(kind.fields) as (keyof T & string)[]).map((name) => [name, kind.fields[name]] as const);
  }

  get size(): number {
    return this.store.size;
  }

  /**
   * The record's readable fields, and why the others cannot be read; undefined when no replica
   * wrote it. `values` ends with the record's `id` and `deleted`, so a readable record is `values`
   * itself, not a copy (a fresh device reads 100,000 of them at once).
   */
  private decode(
    id: string,
  ):
    | { values: Partial<Record<keyof T | 'id' | 'deleted', unknown>>; issues: FieldIssue[]; deleted: boolean }
    | undefined {
    const winners = this.store.winners(id);
    if (!winners) return undefined;
    const issues: FieldIssue[] = [];
    const values: Partial<Record<keyof T | 'id' | 'deleted', unknown>> = {};
    for (const [name, spec] of this.fields) {
      const write = winners.get(spec.key);
      if (!write) {
        if (spec.defaultValue === undefined) issues.push({ field: name, message: `${name} is missing` });
        else values[name] = spec.defaultValue;
        continue;
      }
      const checked = spec.check(write.value);
      if (checked.ok) values[name] = checked.value;
      else issues.push({ field: name, message: checked.message });
    }
    const deleted = winners.get(DELETED_KEY)?.value === true;
    values.id = id;
    values.deleted = deleted;
    return { values, issues, deleted };
  }

  /** Whether any replica has written this record, readable or not, deleted or not. */
  has(id: string): boolean {
    return this.store.has(id);
  }

  /** The record as every replica with the same updates reads it, deleted or not. */
  get(id: string): LedgerRecord<T> | undefined {
    const inspection = this.inspect(id);
    return inspection.ok ? inspection.record : undefined;
  }

  /** Like `get`, but says why a record that exists cannot be read (a peer wrote bad values). */
  inspect(id: string): Inspection<T> {
    const decoded = this.decode(id);
    if (!decoded) return { ok: false, issues: [{ field: '', message: `no record ${id}` }] };
    if (decoded.issues.length > 0) return { ok: false, issues: decoded.issues };
    return { ok: true, record: decoded.values as LedgerRecord<T> };
  }

  /** Each field's winning write, by field name: its value as stored and its timestamp. */
  fieldWrites(id: string): Map<keyof T | 'deleted', FieldWrite> {
    const winners = this.store.winners(id) ?? new Map<string, FieldWrite>();
    const writes = new Map<keyof T | 'deleted', FieldWrite>();
    for (const [name, spec] of this.fields) {
      const write = winners.get(spec.key);
      if (write) writes.set(name, write);
    }
    const deleted = winners.get(DELETED_KEY);
    if (deleted) writes.set('deleted', deleted);
    return writes;
  }

  /** Every readable record, in no particular order; deleted ones only when asked for. */
  list(options: { includeDeleted?: boolean } = {}): LedgerRecord<T>[] {
    const records: LedgerRecord<T>[] = [];
    for (const id of this.store.ids()) {
      const record = this.get(id);
      if (record && (options.includeDeleted || !record.deleted)) records.push(record);
    }
    return records;
  }

  /** Creates a record; refuses it with a reason per field if anything is wrong. */
  create(input: New, id: string = newRecordId(this.random)): LedgerRecord<T> {
    if (!isRecordId(id)) throw new LedgerError('invalid-record', `"${id}" is not a record id`);
    if (this.store.has(id)) throw new LedgerError('invalid-record', `record ${id} already exists`);
    this.writeFields(id, this.initialWrites(id, input));
    return this.existing(id);
  }

  /**
   * Creates a record exactly as given, checking every field but neither the rules across its
   * fields nor its references to other records. Only for restoring a backup, which reproduces a ledger as it was — including what
   * concurrent edits left inconsistent (a transaction whose account changed currency elsewhere).
   */
  createExact(input: New, id: string): LedgerRecord<T> {
    if (!isRecordId(id)) throw new LedgerError('invalid-record', `"${id}" is not a record id`);
    if (this.store.has(id)) throw new LedgerError('invalid-record', `record ${id} already exists`);
    this.writeFields(id, this.initialWrites(id, input, true));
    return this.existing(id);
  }

  /**
   * Creates a derived record — one whose id is derived from what it stands for, such as an
   * occurrence of a recurring transaction — unless it exists (SPEC REC6). Every device that
   * creates it writes the same entry, and any real edit, wherever and whenever made, wins over it.
   */
  ensure(id: string, input: New): LedgerRecord<T> {
    if (!isRecordId(id)) throw new LedgerError('invalid-record', `"${id}" is not a record id`);
    if (!this.store.has(id)) {
      const changes = this.initialWrites(id, input);
      this.guard.write(() => this.store.writeDerived(id, changes));
    }
    return this.existing(id);
  }

  /**
   * Changes some fields of a record; only fields whose value really changes are written. A record
   * a broken peer left unreadable can be mended by a change that gives every unreadable field.
   */
  update(id: string, patch: Partial<RecordInput<T>>): LedgerRecord<T> {
    const decoded = this.decode(id);
    if (!decoded) throw new LedgerError('not-found', `no ${this.kind.collection} record ${id}`);
    const unmended = decoded.issues.filter((issue) => !Object.hasOwn(patch, issue.field));
    if (unmended.length > 0)
      throw new LedgerError('invalid-record', `record ${id} cannot be read; give these fields too`, unmended);
    // Every field it could not read is in the patch (checked above), so the rest is a whole record.
    const current = decoded.values as T;
    const validation = validatePatch(this.kind, current, patch);
    if (!validation.ok) throw invalid(validation.issues);
    const { record } = validation;
    const changed = new Set<keyof T>();
    const changes = new Map<string, StoredValue>();
    for (const [name, spec] of this.fields) {
      if (sameValue(record[name], current[name])) continue;
      changed.add(name);
      changes.set(spec.key, record[name]);
    }
    this.assertReferences(id, record, changed);
    if (changes.size > 0) this.writeFields(id, changes);
    return this.existing(id);
  }

  /** Marks a record deleted. It stays in the document, so an edit made apart still resolves (REC5). */
  delete(id: string): void {
    this.setDeleted(id, true);
  }

  restore(id: string): void {
    this.setDeleted(id, false);
  }

  observe(listener: (change: RecordChange) => void): () => void {
    return this.store.observe(listener);
  }

  /**
   * Writes back, as new edits at fresh timestamps, what `past` — this collection in an earlier
   * version of the ledger — held (SPEC VER1–VER3): every field whose value differs now, a field
   * first written since back to its default, a record deleted since brought back. Records created
   * since are left as they are. Neither the record's rules nor its references are checked: it is
   * put back exactly as it was. Returns how many records changed and how many fields kept a later
   * write from a device whose clock runs ahead (LWW7).
   */
  revertTo(past: Collection<T, New>): { readonly records: number; readonly overruled: number } {
    const defaults = new Map<string, StoredValue>([[DELETED_KEY, false]]);
    for (const [, spec] of this.fields) {
      if (spec.defaultValue !== undefined) defaults.set(spec.key, spec.defaultValue as StoredValue);
    }
    let records = 0;
    let overruled = 0;
    for (const id of past.store.ids()) {
      const then = past.store.winners(id);
      if (!then) continue;
      const now = this.store.winners(id) ?? new Map<string, FieldWrite>();
      const changes = new Map<string, StoredValue>();
      for (const [key, write] of then) {
        const current = now.get(key);
        if (!current || !sameStored(current.value, write.value)) changes.set(key, write.value);
      }
      for (const [key, write] of now) {
        const fallback = defaults.get(key);
        if (!then.has(key) && fallback !== undefined && !sameStored(write.value, fallback)) changes.set(key, fallback);
      }
      if (changes.size === 0) continue;
      records += 1;
      overruled += this.guard.write(() => this.store.write(id, changes)).length;
    }
    return { records, overruled };
  }

  /**
   * Writes fields, and says so when some of them lost to a write stamped later by a device whose
   * clock runs ahead (LWW7): the other fields are written, but an edit is never dropped silently.
   */
  private writeFields(id: string, changes: ReadonlyMap<string, StoredValue>): void {
    const overruled = this.guard.write(() => this.store.write(id, changes));
    if (overruled.length === 0) return;
    const names = overruled.map((key) =>
      key === DELETED_KEY ? 'deleted' : (this.fields.find(([, spec]) => spec.key === key)?.[0] ?? key),
    );
    throw new LedgerError(
      'overruled',
      `not changed: ${names.join(', ')} — another device, whose clock is ahead, changed ${names.length > 1 ? 'them' : 'it'} at a later time`,
      names.map((field) => ({ field, message: 'changed later by a device whose clock is ahead' })),
    );
  }

  private initialWrites(id: string, input: New, exactly = false): Map<string, StoredValue> {
    const validation = validateRecord(this.kind, input, !exactly);
    if (!validation.ok) throw invalid(validation.issues);
    const { record } = validation;
    if (!exactly) this.assertReferences(id, record, new Set(this.fields.map(([name]) => name)));
    return creationWrites(this.kind, record);
  }

  /** Deleting and restoring work on any record, even one a broken peer left unreadable. */
  private setDeleted(id: string, deleted: boolean): void {
    const decoded = this.decode(id);
    if (!decoded) throw new LedgerError('not-found', `no ${this.kind.collection} record ${id}`);
    if (decoded.deleted !== deleted) this.writeFields(id, new Map([[DELETED_KEY, deleted]]));
  }

  private existing(id: string): LedgerRecord<T> {
    const inspection = this.inspect(id);
    if (inspection.ok) return inspection.record;
    if (!this.store.has(id)) throw new LedgerError('not-found', `no ${this.kind.collection} record ${id}`);
    throw new LedgerError('invalid-record', `record ${id} cannot be read`, inspection.issues);
  }

  private assertReferences(id: string, record: T, changed: ReadonlySet<keyof T>): void {
    const issues = this.guard.checkReferences(record, changed, id);
    if (issues.length > 0) throw invalid(issues);
  }
}

/** The field writes of a new record; a field left at its default is not stored (it reads as the default). */
export function creationWrites<T extends Storable<T>>(kind: RecordKind<T>, record: T): Map<string, StoredValue> {
  const changes = new Map<string, StoredValue>();
  for (const name of Object.keys(kind.fields) as (keyof T & string)[]) {
    const spec: FieldSpec<T[keyof T]> = kind.fields[name];
    const value = record[name];
    if (spec.defaultValue === undefined || !sameValue(value, spec.defaultValue)) changes.set(spec.key, value);
  }
  return changes;
}

function invalid(issues: readonly FieldIssue[]): LedgerError {
  const summary = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ');
  return new LedgerError('invalid-record', summary, issues);
}

function sameStored(a: StoredValue, b: StoredValue): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));
}
