import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// styles.ts imports only the stylesheets of the Mantine components Ruta uses. These checks keep that list
// complete (a missing stylesheet renders a component unstyled) and in Mantine's order (a wrong order lets a
// base component's rule override its user's, e.g. Text's colour over Anchor's).

const WEB = dirname(fileURLToPath(import.meta.url));
const MANTINE = resolve(WEB, '../../node_modules/@mantine/core');
const COMPONENTS = join(MANTINE, 'esm', 'components');
const UTILS = join(MANTINE, 'esm', 'utils');
const STYLES = join(MANTINE, 'styles');

function importedStylesheets(): string[] {
  const source = readFileSync(join(WEB, 'styles.ts'), 'utf8');
  return [...source.matchAll(/import '@mantine\/core\/styles\/([\w-]+)\.css';/g)].map(
    (match) => match[1] as string,
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.test.ts'))
    .map((path) => join(dir, path));
}

/** Names imported from '@mantine/core' anywhere in the web app (`AppShell`, `Button`, …). */
function usedComponents(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(WEB)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@mantine\/core'/g)) {
      for (const part of (match[1] as string).split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name && /^[A-Z]/.test(name) && existsSync(join(COMPONENTS, name))) names.add(name);
      }
    }
  }
  return names;
}

/**
 * The Mantine components a component is built on, transitively: those whose main module (`../Input/Input.mjs`)
 * or stylesheet module (`../Input/Input.module.css.mjs`) it imports. Helpers taken from another component's
 * folder (an icon, a utility) bring no styles with them.
 */
function withDependencies(components: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...components];
  while (queue.length > 0) {
    const component = queue.pop() as string;
    if (seen.has(component)) continue;
    seen.add(component);
    const dir = join(COMPONENTS, component);
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.mjs'),
    )) {
      const path = join(dir, file);
      const source = readFileSync(path, 'utf8');
      for (const match of source.matchAll(/import\s+(?:\w+|\{[^}]*\})\s+from\s+'(\.[^']+)'/g)) {
        const resolved = resolve(dirname(path), match[1] as string);
        // Some styled building blocks live in utils (Checkbox and Radio are drawn by utils/InlineInput).
        const utility = relative(UTILS, resolved).split(sep);
        if (utility.length === 2 && utility[1] === `${utility[0]}.mjs`) seen.add(utility[0] as string);
        const target = relative(COMPONENTS, resolved).split(sep);
        const dependency = target[0] as string;
        const main = target.length === 2 && /^(\w+)(\.module\.css)?\.mjs$/.exec(target[1] as string)?.[1];
        if (main === dependency && dependency !== component) queue.push(dependency);
      }
    }
  }
  return seen;
}

describe('Mantine stylesheets in styles.ts', () => {
  const imported = importedStylesheets();

  it('starts with the global styles', () => {
    expect(imported.slice(0, 3)).toEqual(['baseline', 'default-css-variables', 'global']);
  });

  const needed = [...withDependencies(usedComponents())]
    .filter((component) => existsSync(join(STYLES, `${component}.css`)))
    .sort();

  it('includes the stylesheet of every Mantine component the app uses, and of those they are built on', () => {
    expect(needed.filter((component) => !imported.includes(component))).toEqual([]);
  });

  it('includes no stylesheet the app does not need (each one is downloaded by every phone)', () => {
    expect(imported.slice(3).filter((component) => !needed.includes(component))).toEqual([]);
  });

  it('keeps the order of @mantine/core/styles.css', () => {
    const full = readFileSync(join(MANTINE, 'styles.css'), 'utf8');
    const position = (component: string) => {
      const firstClass = /\.(m_[0-9a-f]+)/.exec(readFileSync(join(STYLES, `${component}.css`), 'utf8'))?.[1];
      return firstClass ? full.indexOf(`.${firstClass}`) : -1;
    };
    const components = imported.slice(3);
    const expected = [...components].sort((a, b) => position(a) - position(b));
    expect(components).toEqual(expected);
  });
});
