import { DEFAULT_BLOCKING_RULES, documentDigitsRule } from '../../domain/entity-resolution/blocking';
import {
  type PersonInput,
  type PreparedPerson,
  preparePerson,
} from '../../domain/entity-resolution/comparisons';
import type { DocumentType } from '../../domain/registry/document-types';

/**
 * A person's match keys, computed in TypeScript so PGlite and PostgreSQL store exactly the same values: what the
 * online match looks candidates up by (`blockingKeys`, behind a GIN index) and what it scores
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
  /** One text per blocking rule key, prefixed by the rule (`sy:peres|1990`), deduplicated. */
  blockingKeys: string[];
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

/** The blocking keys of a prepared person under the default rules, each prefixed by its rule. */
export function blockingKeysOf(prepared: PreparedPerson): string[] {
  const keys: string[] = [];
  for (const rule of DEFAULT_BLOCKING_RULES) {
    const prefix = RULE_PREFIX[rule.name] ?? rule.name;
    for (const key of rule.keys(prepared)) {
      const text = `${prefix}:${key}`;
      if (!keys.includes(text)) keys.push(text);
    }
  }
  return keys;
}

export function computeMatchKeys(source: MatchKeySource): MatchKeys {
  const prepared = preparePerson(personInputOf(source));
  const givenNames = [prepared.given1, prepared.given2].filter(Boolean);
  const surnames = [prepared.surname1, prepared.surname2].filter(Boolean);
  return {
    givenNames,
    surnames,
    phonetic: [...prepared.givenAllPhonetic.split(' '), ...prepared.surnamesAllPhonetic.split(' ')].filter(
      Boolean,
    ),
    documentDigits: [...documentDigitsRule.keys(prepared)],
    blockingKeys: blockingKeysOf(prepared),
    prepared,
  };
}
