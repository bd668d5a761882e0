#!/usr/bin/env node
// Fails when the relative imports of Tally's packages form a cycle (type-only imports included:
// a cycle of types is still two modules that cannot be understood apart).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importsOf, resolveImport, root, sourceFiles } from './source-imports.mjs';

const packages = ['schema/src', 'relay/src', 'app/src'].map((dir) => join(root, dir)).filter(existsSync);

const graph = new Map();
for (const file of packages.flatMap(sourceFiles)) {
  const text = readFileSync(file, 'utf8');
  const targets = new Set();
  for (const { kind, specifier } of importsOf(text)) {
    const target = kind === 'static' && specifier.startsWith('.') ? resolveImport(file, specifier) : undefined;
    if (target) targets.add(target);
  }
  graph.set(file, targets);
}

// Tarjan's strongly connected components: any component of more than one module is a cycle.
let next = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(node) {
  index.set(node, next);
  low.set(node, next);
  next += 1;
  stack.push(node);
  onStack.add(node);
  for (const target of graph.get(node) ?? []) {
    if (!index.has(target)) {
      visit(target);
      low.set(node, Math.min(low.get(node), low.get(target)));
    } else if (onStack.has(target)) {
      low.set(node, Math.min(low.get(node), index.get(target)));
    }
  }
  if (low.get(node) === index.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component);
  }
}
for (const node of graph.keys()) if (!index.has(node)) visit(node);

if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((file) => relative(root, file)).join(' ⇄ ')}`);
  process.exit(1);
}
console.log(`no import cycles among ${graph.size} modules`);
