import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

/** The Node flags a start command passes before the relay's entry point. */
function flagsBefore(command: string, entry: string): string[] {
  const at = command.indexOf(entry);
  if (at < 0) throw new Error(`no ${entry} in ${command}`);
  const words = command.slice(0, at).split(/[\s",[\]]+/);
  return words.slice(words.lastIndexOf('node') + 1).filter((word) => word.startsWith('--'));
}

function startScript(packageFile: string): string {
  const { scripts } = JSON.parse(read(packageFile)) as { scripts: Record<string, string> };
  return scripts.start ?? '';
}

describe('every way of starting the relay', () => {
  it('passes Node the same flags: the image, npm start, the smoke start and the bench run one relay', () => {
    const image = read('Dockerfile')
      .split('\n')
      .find((line) => line.startsWith('CMD '));
    const bench = /const RELAY_NODE_FLAGS = \[([^\]]*)\]/.exec(read('relay/bench/run.ts'))?.[1] ?? '';
    const starts = {
      image: flagsBefore(image ?? '', 'relay/dist/server.js'),
      root: flagsBefore(startScript('package.json'), 'relay/dist/server.js'),
      relay: flagsBefore(startScript('relay/package.json'), 'dist/server.js'),
      smoke: flagsBefore(read('relay/scripts/smoke-start.sh'), 'relay/dist/server.js'),
      bench: [...bench.matchAll(/'([^']+)'/g)].map((match) => match[1]),
    };
    expect(starts.image).toContain('--max-semi-space-size=64');
    for (const flags of Object.values(starts)) expect(flags).toEqual(starts.image);
  });
});
