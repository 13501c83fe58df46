import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every translation catalogue pair under src/ (`…/locales/es.json` with its sibling `en.json`): the web app's,
// the server's, and any added later, found without being listed here.

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SRC);
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)[^}]*\}\}/g;

type Flat = Map<string, unknown>;

function findSpanishCatalogues(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.replaceAll('\\', '/').endsWith('locales/es.json'))
    .filter((path) => !path.split(/[\\/]/).includes('node_modules'))
    .map((path) => join(SRC, path))
    .sort();
}

/** `{ a: { b: 'x' } }` → `a.b` → 'x'. Leaves keep their value, whatever its type, so non-strings can be named. */
function flatten(value: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

function pluralCategories(language: string): Set<string> {
  return new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
}

/**
 * Keys of `from` that `to` lacks. A plural form is only required where the other language has that form:
 * Spanish has a `many` form (for 1 000 000 and up) that English does not, and English has no `_many` key to miss.
 */
function missingKeys(from: Flat, to: Flat, toLanguage: string): string[] {
  const categories = pluralCategories(toLanguage);
  return [...from.keys()].filter((key) => {
    if (to.has(key)) return false;
    const plural = PLURAL_SUFFIX.exec(key);
    return !plural || categories.has(plural[1] as string);
  });
}

function problemsOf(catalogue: Flat): string[] {
  const problems: string[] = [];
  for (const [key, value] of catalogue) {
    if (typeof value !== 'string') problems.push(`${key} is not a string (${JSON.stringify(value)})`);
    else if (value.trim() === '') problems.push(`${key} is empty`);
  }
  return problems;
}

function placeholders(text: unknown): string {
  if (typeof text !== 'string') return '';
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))].sort().join(', ');
}

function loadPair(esPath: string) {
  const enPath = join(dirname(esPath), 'en.json');
  return {
    name: relative(ROOT, dirname(esPath)),
    esPath,
    enPath,
    es: flatten(JSON.parse(readFileSync(esPath, 'utf8'))),
    en: existsSync(enPath) ? flatten(JSON.parse(readFileSync(enPath, 'utf8'))) : null,
  };
}

const pairs = findSpanishCatalogues().map(loadPair);

it('finds the web catalogues, at least', () => {
  expect(pairs.map((pair) => pair.name)).toContain(join('src', 'web', 'i18n', 'locales'));
});

describe.each(pairs)('catalogues in $name', ({ es, en, enPath }) => {
  it('has an English catalogue beside the Spanish one', () => {
    expect(en, `missing ${relative(ROOT, enPath)}`).not.toBeNull();
  });

  it('has every Spanish key in English', () => {
    expect(missingKeys(es, en ?? new Map(), 'en'), 'keys in es.json missing from en.json').toEqual([]);
  });

  it('has every English key in Spanish', () => {
    expect(missingKeys(en ?? new Map(), es, 'es'), 'keys in en.json missing from es.json').toEqual([]);
  });

  it('has no empty or non-text values', () => {
    expect([
      ...problemsOf(es).map((p) => `es: ${p}`),
      ...problemsOf(en ?? new Map()).map((p) => `en: ${p}`),
    ]).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatches = [...es.keys()]
      .filter((key) => en?.has(key) && placeholders(es.get(key)) !== placeholders(en.get(key)))
      .map((key) => `${key}: es {${placeholders(es.get(key))}} ≠ en {${placeholders(en?.get(key))}}`);
    expect(mismatches).toEqual([]);
  });
});
