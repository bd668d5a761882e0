import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RELAY_NODE_FLAGS } from './relay-node-flags.js';

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

/** The one line of a file, comments aside, that starts the relay's entry with `node`. */
function startLine(path: string, entry: string): string {
  const lines = read(path)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#') && line.includes('node') && line.includes(entry));
  expect(lines, `${path} starts the relay once`).toHaveLength(1);
  return lines[0] ?? '';
}

describe('every way of starting the relay', () => {
  it('passes Node the same flags: the image, npm start and the smoke start, as the bench and the tests do', () => {
    const dockerfile = read('Dockerfile').split('\n');
    expect(dockerfile.some((line) => line.startsWith('ENTRYPOINT') || line.includes('NODE_OPTIONS'))).toBe(false);
    const image = dockerfile.filter((line) => line.startsWith('CMD ')).at(-1) ?? '';
    const starts = {
      image: flagsBefore(image, 'relay/dist/server.js'),
      root: flagsBefore(startScript('package.json'), 'relay/dist/server.js'),
      relay: flagsBefore(startScript('relay/package.json'), 'dist/server.js'),
      smoke: flagsBefore(startLine('relay/scripts/smoke-start.sh', 'relay/dist/server.js'), 'relay/dist/server.js'),
    };
    expect(RELAY_NODE_FLAGS).toContain('--max-semi-space-size=64');
    for (const flags of Object.values(starts)) expect(flags).toEqual(RELAY_NODE_FLAGS);
  });
});
