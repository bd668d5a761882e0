import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingRows } from './relay-settings.js';
import { envExample, withSettingsTable } from './settings-docs.js';

const regenerate = 'out of date: run `npm run settings-docs -w relay`';

describe('the settings an operator reads', () => {
  it('.env.example is the settings table, each setting with its description and default', () => {
    const written = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    expect(written, `.env.example is ${regenerate}`).toBe(envExample());
  });

  it('the relay README’s settings table is the settings table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme, `the settings table of relay/README.md is ${regenerate}`).toBe(withSettingsTable(readme));
  });

  it('every default, written as .env.example writes it, reads back as itself', () => {
    for (const row of settingRows()) {
      const written = row.type.write(row.default);
      if (written === '') continue;
      expect(row.type.read(written), row.env).toEqual({ ok: true, value: row.default });
    }
  });

  it('every setting has an environment variable of its own', () => {
    const names = settingRows().map((row) => row.env);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });
});
