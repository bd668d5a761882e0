import type { Ledger } from '@tally/schema';
import type { Refusal } from './refusal.js';
import { type Checked, type Saving, saveForm } from './save-form.js';

/** The record a form edits: the form as it opened, so only what the person changed is written. */
export interface Editing<Draft> {
  readonly id: string;
  /** Without it, the form is compared with the record as it is now. */
  readonly opened?: Draft | undefined;
  /** Save into a record another device deleted meanwhile, bringing it back. */
  readonly restore?: boolean;
}

/** Whether the person changed any of these fields of the form. */
export interface Changed<Draft> {
  (...fields: (keyof Draft)[]): boolean;
  /** Every field counts as changed: the record is new, or saved again as restored. */
  readonly all: boolean;
}

/** The form being saved, as the steps of an edit see it. */
export interface EditForm<Draft, Current> {
  readonly draft: Draft;
  /** The record as the ledger holds it now; undefined for a new one. */
  readonly current: Current | undefined;
  /** The form as it opened, restored or not; undefined for a new record. */
  readonly opened: Draft | undefined;
  /** Always true for a new record, and for one saved again as restored: it may have changed since it was deleted. */
  readonly changed: Changed<Draft>;
}

/** How one kind of record is edited: found, shown as a form, checked, created, changed and brought back. */
export interface EditSteps<Draft, Current extends { readonly deleted: boolean }, Fields, Issues> {
  readonly find: (id: string) => Current | undefined;
  /** The form of the record as it is now, to compare with when the form as it opened is not known. */
  readonly draftOf: (current: Current) => Draft;
  readonly check: (form: EditForm<Draft, Current>) => Checked<Fields, Issues>;
  readonly create: (fields: Fields) => void;
  /** Writes into the record the fields that follow from what the person changed. */
  readonly update: (current: Current, fields: Fields, changed: Changed<Draft>) => void;
  readonly restore: (current: Current) => void;
  readonly refused: (refusal: Refusal) => Issues;
}

/**
 * Which fields differ between the form as it opened and as it is now; with nothing to compare
 * with (a new record, or one saved again as restored), every field counts as changed.
 */
export function changesFrom<Draft>(opened: Draft | undefined, draft: Draft): Changed<Draft> {
  const differs = (field: keyof Draft) => JSON.stringify(draft[field]) !== JSON.stringify(opened?.[field]);
  return Object.assign((...fields: (keyof Draft)[]) => opened === undefined || fields.some(differs), {
    all: opened === undefined,
  });
}

/**
 * Creates a record from its form, or changes one. An edit writes only the fields the person
 * changed since the form opened, so a field another device changed meanwhile keeps that device's
 * value (LWW1). An edit of a record deleted meanwhile is refused (`deleted`) until it is saved
 * again with `restore`, which brings the record back and writes every field: it is never dropped.
 */
export function saveEdit<Draft, Current extends { readonly deleted: boolean }, Fields, Issues>(
  ledger: Ledger,
  draft: Draft,
  editing: Editing<Draft> | undefined,
  steps: EditSteps<Draft, Current, Fields, Issues>,
): Saving<Issues> {
  const current = editing ? steps.find(editing.id) : undefined;
  if (editing && (!current || current.deleted) && !editing.restore) return { deleted: true };
  const opened = editing && current ? (editing.opened ?? steps.draftOf(current)) : undefined;
  const changed = changesFrom(editing?.restore ? undefined : opened, draft);
  return saveForm(ledger, {
    check: () => steps.check({ draft, current, opened, changed }),
    write: (fields) => {
      if (!current) {
        steps.create(fields);
        return;
      }
      if (current.deleted) steps.restore(current);
      steps.update(current, fields, changed);
    },
    refused: steps.refused,
  });
}
