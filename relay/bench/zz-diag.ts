// quick diagnostic: fan-out only, one server kind, given by argv
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
const kind = process.argv[2] ?? 'tally';
const docs = Number(process.argv[3] ?? 1000);
const relayDir = '/work/main/relay';
const dataDir = mkdtempSync(join(tmpdir(), 'fo-'));
const port = 30000 + Math.floor(Math.random() * 1000);
const args = kind === 'tally' ? [join(relayDir, 'dist', 'server.js')] : ['--import', 'tsx', join(relayDir, 'bench', 'reference-server.ts')];
const child = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), ...args], { cwd: relayDir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PASSWORD_COST: '1024', AUTH_REQUESTS_PER_MINUTE: '1000000', UPGRADES_PER_MINUTE: '1000000' } });
for (;;) { try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 50)); } }
const list = [];
for (let i = 0; i < docs; i++) {
  if (kind === 'tally') {
    const r = await fetch(`http://127.0.0.1:${port}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `u${i}@x.example`, password: 'benchmark password', deviceName: 'b' }) });
    const s = await r.json();
    list.push({ url: `ws://127.0.0.1:${port}/sync/${s.docId}?token=${s.accessToken}` });
  } else list.push({ url: `ws://127.0.0.1:${port}/d${i}` });
}
const plan = { docs: list, throughputUpdatesPerDoc: 40, windowPerDoc: 4, latencyUpdates: 2500, latencyUpdatesPerSecond: 500, idleSockets: 0, timeLimitMs: 120000 };
writeFileSync(join(dataDir, 'plan.json'), JSON.stringify(plan));
const gen = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(relayDir, 'bench', 'load-generator.ts'), 'fanout', join(dataDir, 'plan.json')], { cwd: relayDir, stdio: ['ignore', 'pipe', 'inherit'] });
for await (const line of createInterface({ input: gen.stdout })) console.log(kind, line);
child.kill('SIGTERM');
