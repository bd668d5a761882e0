import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The app's benchmarks, each in its own process so one's heap and browser never colour the next.
 * With BENCH_CASES (comma-separated, shared with the relay's bench), only the named ones run.
 */
const benches = {
  shell: 'app.bench.ts',
  categorise: 'categorise.bench.ts',
  import: 'import.bench.ts',
  attachments: 'attachments.bench.ts',
} as const;
type BenchCase = keyof typeof benches;

const appDir = fileURLToPath(new URL('..', import.meta.url));
const chosen = process.env.BENCH_CASES?.split(',').map((name) => name.trim());
const selected = (Object.keys(benches) as BenchCase[]).filter((name) => chosen === undefined || chosen.includes(name));
if (selected.length === 0) {
  console.log(`app bench: BENCH_CASES names none of ${Object.keys(benches).join(', ')}; nothing to run here`);
}
for (const name of selected) {
  console.log(`\napp bench: ${name}`);
  const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', `bench/${benches[name]}`], {
    cwd: appDir,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`app bench: ${name} failed (${run.signal ?? `exit ${run.status}`})`);
    process.exit(run.status ?? 1);
  }
}
