import { DEFAULT_BLOCKING_RULES, documentDigitsRule } from '../../domain/entity-resolution/blocking';
import {
  type PersonInput,
  type PreparedPerson,
  preparePerson,
} from '../../domain/entity-resolution/comparisons';
import type { DocumentType } from '../../domain/registry/document-types';

/**
 * A person's match keys, computed in TypeScript so PGlite and PostgreSQL store exactly the same values: what the
 * online match looks candidates up by (`keyHashes`, behind a GIN index) and what it scores
 * them with (`prepared`, the comparisons' view of the person, stored so a candidate is never normalized again).
 * Pure: no I/O.
 */

/**
 * Bumped whenever normalization, phonetic keys or blocking rules change what a person's keys are: rows of an
 * older version are recomputed (see `refreshStaleMatchKeys`).
 */
export const MATCH_KEYS_VERSION = 1;

/**
 * Short prefixes keep the keys of different rules apart in one index, and the index small. A rule not listed
 * here is prefixed by its whole name.
 */
const RULE_PREFIX: Record<string, string> = {
  documentDigits: 'd',
  documentOneDigit: 'd1',
  namePairDate: 'pd',
  namePairMonthDay: 'pm',
  nameTripleYear: 'ty',
  nameWordDateSex: 'wd',
  namePairEstimatedDate: 'pe',
  surnamePhoneticYear: 'sy',
  givenSurnameMonthDay: 'gm',
  swappedSurnamesDate: 'ss',
  transposedNameDate: 'tn',
  municipalityName: 'mn',
};

export const DOCUMENT_KEY_PREFIX = `${RULE_PREFIX.documentDigits}:`;

/** What a person's keys are computed from: the registry's columns, and their documents. */
export interface MatchKeySource {
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  birthDate: string | null;
  sexAtBirth: string | null;
  municipalityCode: string | null;
  documents: ReadonlyArray<{ type: string; number: string }>;
}

export interface MatchKeys {
  /** Given-name cores (particles removed), in order. */
  givenNames: string[];
  /** Surname cores, in order. */
  surnames: string[];
  /** Spanish phonetic key of each given name and surname core, in that order. */
  phonetic: string[];
  /** Each document's digits (any type), without leading zeros. */
  documentDigits: string[];
  /** One text per blocking rule key, prefixed by the rule (`pd:jose|peres|1990-0307`), deduplicated. */
  blockingKeys: string[];
  /** `keyHash` of each blocking key, deduplicated: what is stored and indexed. */
  keyHashes: number[];
  /** The keys a lookup for this person as a draft asks for (`queryKeysOf`). */
  queryKeys: string[];
  prepared: PreparedPerson;
}

export function personInputOf(source: MatchKeySource): PersonInput {
  return {
    givenName1: source.givenName1,
    givenName2: source.givenName2,
    surname1: source.surname1,
    surname2: source.surname2,
    birthDate: source.birthDate,
    sex: source.sexAtBirth,
    municipality: source.municipalityCode,
    documents: source.documents.map((d) => ({ type: d.type as DocumentType, number: d.number })),
  };
}

/**
 * Rules of the batch whose keys are not stored for the online match: one-edit neighbourhoods of every name word
 * (about 27 keys per person on their own) would double the index for a recall the other rules already reach on
 * one registration at a time (see the entity-resolution-online benchmark). The batch job computes them in memory.
 */
export const ONLINE_SKIPPED_RULES: ReadonlySet<string> = new Set([
  'nameOneEditMonthDay',
  'nameOneEditEstimatedDate',
]);

/** The rules whose keys are stored (`DEFAULT_BLOCKING_RULES` without `ONLINE_SKIPPED_RULES`). */
export const STORED_BLOCKING_RULES = DEFAULT_BLOCKING_RULES.filter(
  (rule) => !ONLINE_SKIPPED_RULES.has(rule.name),
);

/**
 * The blocking keys a person stores, each prefixed by its rule. An anchored rule (`BlockingRule.anchor`: a loose
 * key that pairs only records of which at least one is an anchor) stores its keys under its prefix for an anchor
 * and under the prefix with `-` for any other record, so the lookup can ask for anchors only (`queryKeysOf`).
 */
export function blockingKeysOf(prepared: PreparedPerson): string[] {
  const keys: string[] = [];
  for (const rule of STORED_BLOCKING_RULES) {
    const prefix = RULE_PREFIX[rule.name] ?? rule.name;
    const stored = !rule.anchor || rule.anchor(prepared) ? prefix : `${prefix}-`;
    for (const key of rule.keys(prepared)) {
      const text = `${stored}:${key}`;
      if (!keys.includes(text)) keys.push(text);
    }
  }
  return keys;
}

/**
 * The keys a draft looks candidates up by: every stored key of its own, and for an anchored rule, when the draft is
 * an anchor, the non-anchors' form too (a pair is valid when either record is an anchor, as in the batch).
 */
export function queryKeysOf(prepared: PreparedPerson): string[] {
  const keys: string[] = [];
  for (const rule of STORED_BLOCKING_RULES) {
    const prefix = RULE_PREFIX[rule.name] ?? rule.name;
    const anchored = Boolean(rule.anchor);
    const isAnchor = !rule.anchor || rule.anchor(prepared);
    for (const key of rule.keys(prepared)) {
      const forms = !anchored ? [prefix] : isAnchor ? [prefix, `${prefix}-`] : [prefix];
      for (const form of forms) {
        const text = `${form}:${key}`;
        if (!keys.includes(text)) keys.push(text);
      }
    }
  }
  return keys;
}

/**
 * A blocking key as a signed 32-bit integer (FNV-1a over the key's UTF-16 code units), the form stored in
 * `person_match_blocking.key_hashes`. About 50 keys per person as text would make the GIN index several GB at
 * national scale; as integers its entries are a fraction of that. Two keys may share a hash (about one in 4
 * billion per pair of keys): the only effect is an extra candidate, which the model scores and drops.
 */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export function computeMatchKeys(source: MatchKeySource): MatchKeys {
  const prepared = preparePerson(personInputOf(source));
  const givenNames = [prepared.given1, prepared.given2].filter(Boolean);
  const surnames = [prepared.surname1, prepared.surname2].filter(Boolean);
  const blockingKeys = blockingKeysOf(prepared);
  return {
    givenNames,
    surnames,
    phonetic: [...prepared.givenAllPhonetic.split(' '), ...prepared.surnamesAllPhonetic.split(' ')].filter(
      Boolean,
    ),
    documentDigits: [...documentDigitsRule.keys(prepared)],
    blockingKeys,
    keyHashes: [...new Set(blockingKeys.map(keyHash))],
    queryKeys: queryKeysOf(prepared),
    prepared,
  };
}
