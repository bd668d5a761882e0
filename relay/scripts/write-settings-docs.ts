/**
 * Writes `.env.example` and the settings table of relay/README.md from the relay's settings
 * table (src/settings/relay-settings.ts). `npm run settings-docs -w relay`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envExample, withSettingsTable } from '../src/settings/settings-docs.js';

const envFile = fileURLToPath(new URL('../../.env.example', import.meta.url));
const readmeFile = fileURLToPath(new URL('../README.md', import.meta.url));

writeFileSync(envFile, envExample());
writeFileSync(readmeFile, withSettingsTable(readFileSync(readmeFile, 'utf8')));
console.log(`wrote ${envFile} and the settings table of ${readmeFile}`);
