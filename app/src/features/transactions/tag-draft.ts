import type { DraftIssue } from './draft-issues.js';

/** As many tags as a transaction holds, and how long one may be (the ledger's `tagList`). */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

export type TagAdding =
  | { readonly ok: true; readonly tags: readonly string[] }
  | { readonly ok: false; readonly issue: Extract<DraftIssue, 'tags-invalid'> };

/** Adds a typed tag once: a tag already there, whatever its case, is not added again. */
export function addTag(tags: readonly string[], typed: string): TagAdding {
  const tag = typed.trim().replace(/^#+/, '').trim();
  if (tag === '' || tags.some((existing) => existing.toLocaleLowerCase() === tag.toLocaleLowerCase()))
    return { ok: true, tags };
  if (tag.length > MAX_TAG_LENGTH || tags.length >= MAX_TAGS) return { ok: false, issue: 'tags-invalid' };
  return { ok: true, tags: [...tags, tag] };
}
