import { describe, expect, it } from 'vitest';
import { parseRuleForm } from './rule-form.js';

const categories = new Set(['groceries', 'rent']);

describe('the rule form', () => {
  it('makes a rule from the text, trimmed, and the chosen category', () => {
    expect(parseRuleForm({ field: 'payee', contains: '  Lidl ', categoryId: 'groceries' }, categories, [])).toEqual({
      ok: true,
      rule: { field: 'payee', contains: 'Lidl', categoryId: 'groceries' },
    });
  });

  it('asks for the text to look for and for a category, both at once', () => {
    expect(parseRuleForm({ field: 'payee', contains: '   ', categoryId: '' }, categories, [])).toEqual({
      ok: false,
      issues: { contains: 'empty', categoryId: 'missing' },
    });
  });

  it('refuses a category that no longer exists', () => {
    expect(parseRuleForm({ field: 'notes', contains: 'rent', categoryId: 'deleted-one' }, categories, [])).toEqual({
      ok: false,
      issues: { categoryId: 'missing' },
    });
  });

  it('refuses text longer than the ledger keeps', () => {
    expect(parseRuleForm({ field: 'payee', contains: 'x'.repeat(101), categoryId: 'rent' }, categories, [])).toEqual({
      ok: false,
      issues: { contains: 'too-long' },
    });
  });

  it('refuses a second rule for the same text in the same field, whatever its case or accents', () => {
    const saved = [{ field: 'payee', contains: 'Café' }] as const;
    expect(parseRuleForm({ field: 'payee', contains: 'cafe', categoryId: 'rent' }, categories, saved)).toEqual({
      ok: false,
      issues: { contains: 'duplicate' },
    });
    expect(parseRuleForm({ field: 'notes', contains: 'cafe', categoryId: 'rent' }, categories, saved).ok).toBe(true);
  });
});
