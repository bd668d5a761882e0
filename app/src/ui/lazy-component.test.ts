import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { type LazyComponent, lazyComponent, moduleLoadFailed } from './lazy-component.js';

function Hello({ name }: { readonly name: string }) {
  return createElement('p', null, `Hello ${name}`);
}

function greeting() {
  let loads = 0;
  const Greeting = lazyComponent(async () => {
    loads += 1;
    return { Greeting: Hello };
  }, 'Greeting');
  return { Greeting, loads: () => loads };
}

function drawn(Greeting: LazyComponent<{ readonly name: string }>, name: string): string {
  return renderToString(createElement(Suspense, { fallback: 'Loading…' }, createElement(Greeting, { name })));
}

describe('a lazily loaded component', () => {
  test('shows its fallback while its code has not arrived', () => {
    const { Greeting } = greeting();
    const html = drawn(Greeting, 'Ana');
    expect(html).toContain('Loading…');
    expect(html).not.toContain('Hello');
  });

  test('preloaded, it shows at once, without its fallback', async () => {
    const { Greeting } = greeting();
    await Greeting.preload();
    const html = drawn(Greeting, 'Ana');
    expect(html).toContain('<p>Hello Ana</p>');
    expect(html).not.toContain('Loading…');
  });

  test('loads its code once, however often it is preloaded and drawn', async () => {
    const { Greeting, loads } = greeting();
    drawn(Greeting, 'Ana');
    await Promise.all([Greeting.preload(), Greeting.preload()]);
    drawn(Greeting, 'Ben');
    expect(loads()).toBe(1);
  });

  test('whose code cannot load rejects its preload and marks the page as needing a reload', async () => {
    const Broken = lazyComponent<'Broken', object>(() => Promise.reject(new Error('chunk missing')), 'Broken');
    expect(moduleLoadFailed()).toBe(false);
    await expect(Broken.preload()).rejects.toThrow('chunk missing');
    expect(moduleLoadFailed()).toBe(true);
  });
});
