import { foldName, type PersonName } from './names';

/**
 * Name keys: for every word of a person's name, the word and each form of it with one letter deleted (the
 * "symmetric deletion" neighbourhood). Two words within one typing mistake of each other — a letter changed,
 * missing, added, or two letters swapped — always share a key, so an exact lookup of keys in an inverted index
 * (GIN over text[]) finds "Gomes" for "Gómez" at a million persons in milliseconds, where a trigram scan of the
 * whole name reads every Maria and every García.
 */

/** Words that join Spanish surnames ("de la Cruz", "del Valle"): too common to tell anyone apart. */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'e',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'van',
  'von',
]);

/** The words of a name or query that identify someone: folded, without particles or single letters. */
export function nameWords(text: string): string[] {
  return foldName(text)
    .split(' ')
    .filter((word) => word.length >= 2 && !PARTICLES.has(word));
}

/** A word and its one-deletion forms. Words of two letters are kept whole: their deletions are single letters. */
export function wordKeys(word: string): string[] {
  const keys = new Set([word]);
  if (word.length >= 3) {
    for (let at = 0; at < word.length; at++) keys.add(word.slice(0, at) + word.slice(at + 1));
  }
  return [...keys];
}

/** Every key of every word of a person's name, as stored in `person.name_keys`. */
export function nameKeys(name: PersonName): string[] {
  const keys = new Set<string>();
  for (const part of [name.givenName1, name.givenName2, name.surname1, name.surname2]) {
    if (!part) continue;
    for (const word of nameWords(part)) for (const key of wordKeys(word)) keys.add(key);
  }
  return [...keys].sort();
}

/** The longest words of a query carry most of its information; more than this adds cost, not precision. */
export const MAX_QUERY_WORDS = 4;

/**
 * The key groups a search looks up: one per query word (the longest ones). A person matches a group when they
 * share at least one key with it.
 */
export function queryKeyGroups(query: string): string[][] {
  const words = [...new Set(nameWords(query))].sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_WORDS);
  return words.map(wordKeys);
}

/**
 * Which groups must match together: all of them for one or two words; for three or more, all but one, so a
 * word the record does not have (a second given name never registered) does not hide the person.
 */
export function requiredGroupCombinations(groupCount: number): number[][] {
  const all = Array.from({ length: groupCount }, (_, index) => index);
  if (groupCount <= 2) return groupCount === 0 ? [] : [all];
  return all.map((left) => all.filter((index) => index !== left));
}

/** A name search: the folded query ranks what its key groups find. */
export function nameQuery(text: string): { folded: string; keyGroups: string[][] } {
  return { folded: foldName(text), keyGroups: queryKeyGroups(text) };
}
