import type { Checked, FieldIssue } from './field.js';
import type { RecordKind } from './kinds.js';

export type Validation<T> =
  | { readonly ok: true; readonly record: T }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

function fieldNames<T>(kind: RecordKind<T>): (keyof T & string)[] {
  return Object.keys(kind.fields) as (keyof T & string)[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields<T>(kind: RecordKind<T>, input: Record<string, unknown>): FieldIssue[] {
  return Object.keys(input)
    .filter((name) => !Object.hasOwn(kind.fields, name))
    .map((name) => ({ field: name, message: `unknown field "${name}"` }));
}

/** `tolerated`: rules the record already broke before this change (after concurrent edits); they do not block it. */
function finish<T>(
  kind: RecordKind<T>,
  record: T,
  issues: FieldIssue[],
  tolerated: readonly FieldIssue[] = [],
): Validation<T> {
  if (issues.length === 0) {
    const known = new Set(tolerated.map((issue) => `${issue.field}\n${issue.message}`));
    issues.push(
      ...(kind.checkRecord?.(record) ?? []).filter((issue) => !known.has(`${issue.field}\n${issue.message}`)),
    );
  }
  return issues.length === 0 ? { ok: true, record } : { ok: false, issues };
}

/**
 * Checks a whole new record: every required field present, every value valid, no strangers, and
 * the rules across its fields — unless `acrossFields` is false, for reproducing a record exactly
 * as a ledger held it (a backup), inconsistencies from concurrent edits included.
 */
export function validateRecord<T>(kind: RecordKind<T>, input: unknown, acrossFields = true): Validation<T> {
  if (!isPlainObject(input)) return { ok: false, issues: [{ field: '', message: 'a record must be an object' }] };
  const issues = unknownFields(kind, input);
  const record: Partial<Record<keyof T, unknown>> = {};
  for (const name of fieldNames(kind)) {
    const spec = kind.fields[name];
    const given = Object.hasOwn(input, name) ? input[name] : undefined;
    if (given === undefined) {
      if (spec.defaultValue === undefined) issues.push({ field: name, message: `${name} is required` });
      else record[name] = spec.defaultValue;
      continue;
    }
    const checked: Checked<unknown> = spec.check(given);
    if (checked.ok) record[name] = checked.value;
    else issues.push({ field: name, message: checked.message });
  }
  if (!acrossFields) return issues.length === 0 ? { ok: true, record: record as T } : { ok: false, issues };
  return finish(kind, record as T, issues);
}

/**
 * Checks a change to an existing record: the given fields, then the record as a whole. A rule
 * the record broke already — concurrent edits on two devices can do that — does not block an
 * unrelated change; a change that breaks a rule anew is refused.
 */
export function validatePatch<T>(kind: RecordKind<T>, current: T, patch: unknown): Validation<T> {
  if (!isPlainObject(patch)) return { ok: false, issues: [{ field: '', message: 'a change must be an object' }] };
  const issues = unknownFields(kind, patch);
  const record: Record<keyof T, unknown> = { ...current };
  for (const name of fieldNames(kind)) {
    if (!Object.hasOwn(patch, name) || patch[name] === undefined) continue;
    const checked: Checked<unknown> = kind.fields[name].check(patch[name]);
    if (checked.ok) record[name] = checked.value;
    else issues.push({ field: name, message: checked.message });
  }
  return finish(kind, record as T, issues, kind.checkRecord?.(current) ?? []);
}
