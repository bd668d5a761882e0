import { parseCalendarDate } from '../calendar/index.js';
import { isRecordId } from '../ids.js';
import { type CurrencyCode, isCurrencyCode, parseRate } from '../money/index.js';

/** Why a value was refused, next to the field it belongs to (for forms and for peers' writes). */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** One field of a record kind: how it is checked, its compact key in the document, its default. */
export interface FieldSpec<T> {
  readonly key: string;
  readonly check: (value: unknown) => Checked<T>;
  /** Present when the field may be left out; a field never written reads as this value. */
  readonly defaultValue?: T;
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = <T>(message: string): Checked<T> => ({ ok: false, message });

export function field<T>(key: string, check: (value: unknown) => Checked<T>, defaultValue?: T): FieldSpec<T> {
  return defaultValue === undefined ? { key, check } : { key, check, defaultValue };
}

export function text(options: { min: number; max: number; label: string }): (value: unknown) => Checked<string> {
  return (value) => {
    if (typeof value !== 'string') return refuse(`${options.label} must be text`);
    const trimmed = value.trim();
    if (trimmed.length < options.min) {
      return refuse(options.min === 1 ? `${options.label} is required` : `${options.label} is too short`);
    }
    if (trimmed.length > options.max) return refuse(`${options.label} must be at most ${options.max} characters`);
    return ok(trimmed);
  };
}

export function oneOf<const T extends string>(values: readonly T[], label: string): (value: unknown) => Checked<T> {
  return (value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? ok(value as T)
      : refuse(`${label} must be one of ${values.join(', ')}`);
}

export function flag(label: string): (value: unknown) => Checked<boolean> {
  return (value) => (typeof value === 'boolean' ? ok(value) : refuse(`${label} must be true or false`));
}

export function currency(value: unknown): Checked<CurrencyCode> {
  if (typeof value !== 'string') return refuse('currency must be a three-letter ISO 4217 code');
  return isCurrencyCode(value) ? ok(value) : refuse(`"${value}" is not an ISO 4217 currency code`);
}

/** An amount of money in integer minor units (cents for EUR, yen for JPY). */
export function minorUnits(options: { label: string; min?: number }): (value: unknown) => Checked<number> {
  return (value) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return refuse(`${options.label} must be a whole number of minor units (cents), not a fraction`);
    }
    if (!Number.isSafeInteger(value)) return refuse(`${options.label} is too large`);
    if (options.min !== undefined && value < options.min) {
      return refuse(
        options.min === 0 ? `${options.label} cannot be negative` : `${options.label} must be more than zero`,
      );
    }
    return ok(Object.is(value, -0) ? 0 : value);
  };
}

export function wholeNumber(options: { label: string; min: number; max: number }): (value: unknown) => Checked<number> {
  return (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= options.min && value <= options.max
      ? ok(value)
      : refuse(`${options.label} must be a whole number from ${options.min} to ${options.max}`);
}

export function reference(label: string): (value: unknown) => Checked<string> {
  return (value) => (isRecordId(value) ? ok(value) : refuse(`${label} is not a valid id`));
}

export function referenceList(label: string): (value: unknown) => Checked<readonly string[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length > 50) return refuse(`${label} must be a list of at most 50 ids`);
    if (!value.every(isRecordId)) return refuse(`${label} holds an id that is not valid`);
    return ok([...new Set(value)]);
  };
}

export function optional<T>(check: (value: unknown) => Checked<T>): (value: unknown) => Checked<T | null> {
  return (value) => (value === null ? ok(null) : check(value));
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` (SPEC REC3: dates of transactions are days, not instants). */
export function calendarDate(label: string): (value: unknown) => Checked<string> {
  return (value) => {
    const match = typeof value === 'string' ? DATE_SHAPE.exec(value) : null;
    if (!match) return refuse(`${label} must be a date like 2026-01-31`);
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (year < 1900 || year > 2999) return refuse(`${label} must be between the years 1900 and 2999`);
    if (month < 1 || month > 12) return refuse(`${label} has no month ${month}`);
    if (!parseCalendarDate(match[0])) return refuse(`${label}: ${match[0]} is not a day of the calendar`);
    return ok(match[0]);
  };
}

export function calendarMonth(label: string): (value: unknown) => Checked<string> {
  return (value) => {
    const match = typeof value === 'string' ? MONTH_PATTERN.exec(value) : null;
    if (!match) return refuse(`${label} must be a month like 2026-01`);
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (year < 1900 || year > 2999) return refuse(`${label} must be between the years 1900 and 2999`);
    if (month < 1 || month > 12) return refuse(`${label} has no month ${month}`);
    return ok(match[0]);
  };
}

export function tagList(value: unknown): Checked<readonly string[]> {
  if (!Array.isArray(value)) return refuse('tags must be a list');
  if (value.length > 20) return refuse('at most 20 tags');
  const tags: string[] = [];
  for (const tag of value) {
    if (typeof tag !== 'string' || tag.trim().length === 0) return refuse('each tag must be non-empty text');
    const trimmed = tag.trim();
    if (trimmed.length > 50) return refuse('each tag must be at most 50 characters');
    if (!tags.includes(trimmed)) tags.push(trimmed);
  }
  return ok(tags);
}

/** One part of a split transaction: some of its amount, in one category. */
export type SplitPart = { readonly categoryId: string; readonly amount: number; readonly memo: string };

const MAX_SPLIT_PARTS = 50;

/** The parts of a split transaction; an empty list means the transaction is not split. */
export function splitParts(value: unknown): Checked<readonly SplitPart[]> {
  if (!Array.isArray(value)) return refuse('split parts must be a list');
  if (value.length > MAX_SPLIT_PARTS) return refuse(`a transaction splits into at most ${MAX_SPLIT_PARTS} parts`);
  const parts: SplitPart[] = [];
  for (const [index, item] of value.entries()) {
    const part = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const categoryId = part.categoryId;
    const amount = part.amount;
    const memo = part.memo ?? '';
    if (!isRecordId(categoryId)) return refuse(`part ${index + 1} needs a category`);
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount === 0) {
      return refuse(`part ${index + 1} needs a whole, non-zero amount of minor units`);
    }
    if (typeof memo !== 'string' || memo.trim().length > 200)
      return refuse(`part ${index + 1}: the memo must be text of at most 200 characters`);
    parts.push({ categoryId, amount, memo: memo.trim() });
  }
  return ok(parts);
}

/** One person's part of a shared transaction by weight; sharing equally is a weight of 1 each (SPEC SHR1). */
export type WeightShare = { readonly personId: string; readonly weight: number };
/** One person's exact part of a shared transaction, in its minor units and with its amount's sign (SPEC SHR1). */
export type ExactShare = { readonly personId: string; readonly amount: number };
/** How a transaction is shared: all by weight or all exact amounts; empty when it is not shared. */
export type Shares = readonly WeightShare[] | readonly ExactShare[];

export const MAX_SHARES = 50;
export const MAX_SHARE_WEIGHT = 10_000;

/** Who shares a transaction and how much each bears (SPEC SHR1); the rules across fields are the transaction's. */
export function shareList(value: unknown): Checked<Shares> {
  if (!Array.isArray(value)) return refuse('shares must be a list');
  if (value.length > MAX_SHARES) return refuse(`a transaction is shared among at most ${MAX_SHARES} people`);
  const weights: WeightShare[] = [];
  const amounts: ExactShare[] = [];
  const named = new Set<string>();
  for (const [index, item] of value.entries()) {
    const share = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const { personId, weight, amount } = share;
    if (!isRecordId(personId)) return refuse(`share ${index + 1} needs a person`);
    if (named.has(personId)) return refuse(`share ${index + 1} names a person who already has a share`);
    named.add(personId);
    if ((weight === undefined) === (amount === undefined)) {
      return refuse(`share ${index + 1} needs either a weight or an exact amount`);
    }
    if (weight !== undefined) {
      if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > MAX_SHARE_WEIGHT) {
        return refuse(`share ${index + 1}: a weight is a whole number from 1 to ${MAX_SHARE_WEIGHT}`);
      }
      weights.push({ personId, weight });
    } else {
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount === 0) {
        return refuse(`share ${index + 1} needs a whole, non-zero amount of minor units`);
      }
      amounts.push({ personId, amount });
    }
  }
  if (weights.length > 0 && amounts.length > 0) {
    return refuse('shares are all by weight or all exact amounts, not a mix');
  }
  return ok(amounts.length > 0 ? amounts : weights);
}

/** Whether a transaction is shared by exact amounts (rather than by weight, or not at all). */
export function isExactShares(shares: Shares): shares is readonly ExactShare[] {
  const [first] = shares;
  return first !== undefined && 'amount' in first;
}

/** An exchange rate as an exact positive decimal, such as "1.0834". */
export function decimalRate(value: unknown): Checked<string> {
  return typeof value === 'string' && parseRate(value.trim())
    ? ok(value.trim())
    : refuse('the rate must be a positive decimal number such as 1.0834');
}

/** The kinds of file a receipt may be, by media type; the relay decides a file's type from its bytes (SPEC ATT1). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const MAX_ATTACHMENTS = 20;
export const MAX_ATTACHMENT_NAME = 200;
/** The largest file a ledger may name; a relay may keep a lower limit of its own (`BLOB_MAX_BYTES`). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/** A file attached to a transaction: its bytes live on the device and the relay, named by their SHA-256 (SPEC ATT1). */
export type Attachment = {
  /** SHA-256 of the bytes, 64 lowercase hexadecimal digits. */
  readonly hash: string;
  /** The file's name as the person knows it, such as `receipt.jpg`. */
  readonly name: string;
  readonly type: AttachmentType;
  /** Size of the bytes. */
  readonly size: number;
  /** When it was attached, in milliseconds since 1970 (UTC). */
  readonly addedAt: number;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

function hasControlCharacter(name: string): boolean {
  for (const character of name) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Whether a value is a SHA-256 hash as attachments and the relay's blob routes write it. */
export function isAttachmentHash(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** The attachments of a transaction (SPEC ATT1); an empty list means it has none. */
export function attachmentList(value: unknown): Checked<readonly Attachment[]> {
  if (!Array.isArray(value)) return refuse('attachments must be a list');
  if (value.length > MAX_ATTACHMENTS) return refuse(`a transaction holds at most ${MAX_ATTACHMENTS} attachments`);
  const attachments: Attachment[] = [];
  for (const [index, item] of value.entries()) {
    const row = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const { hash, name, type, size, addedAt } = row;
    const label = `attachment ${index + 1}`;
    if (!isAttachmentHash(hash)) return refuse(`${label} needs its SHA-256 as 64 lowercase hexadecimal digits`);
    if (attachments.some((attachment) => attachment.hash === hash)) return refuse(`${label} is already attached`);
    if (typeof name !== 'string' || name.trim().length === 0) return refuse(`${label} needs a name`);
    if (name.trim().length > MAX_ATTACHMENT_NAME) {
      return refuse(`${label}: the name must be at most ${MAX_ATTACHMENT_NAME} characters`);
    }
    if (hasControlCharacter(name)) return refuse(`${label}: the name holds a control character`);
    if (typeof type !== 'string' || !(ATTACHMENT_TYPES as readonly string[]).includes(type)) {
      return refuse(`${label} must be one of ${ATTACHMENT_TYPES.join(', ')}`);
    }
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_ATTACHMENT_BYTES) {
      return refuse(`${label}: the size must be a whole number of bytes from 1 to ${MAX_ATTACHMENT_BYTES}`);
    }
    if (typeof addedAt !== 'number' || !Number.isSafeInteger(addedAt) || addedAt < 0) {
      return refuse(`${label}: when it was added must be whole milliseconds since 1970`);
    }
    attachments.push({ hash, name: name.trim(), type: type as AttachmentType, size, addedAt });
  }
  return ok(attachments);
}
