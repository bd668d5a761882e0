import { describe, expect, it } from 'vitest';
import { isRecordId } from '../ids.js';
import { derivedRecordId } from './derived-id.js';

describe('derived record ids', () => {
  it('are the same for the same parts on every device', () => {
    expect(derivedRecordId('occurrence', 'rule', '2026-03-01')).toBe(
      derivedRecordId('occurrence', 'rule', '2026-03-01'),
    );
    expect(isRecordId(derivedRecordId('occurrence', 'rule', '2026-03-01'))).toBe(true);
  });

  it('differ when any part differs, and parts cannot be shifted into each other', () => {
    const ids = new Set<string>();
    for (let day = 1; day <= 28; day += 1)
      ids.add(derivedRecordId('occurrence', 'rule', `2026-02-${String(day).padStart(2, '0')}`));
    expect(ids.size).toBe(28);
    expect(derivedRecordId('a|b', 'c')).not.toBe(derivedRecordId('a', 'b|c'));
  });
});
