import {
  FIELD_COUNT,
  FIELD_INDEX,
  FIELDS,
  LEVEL,
  type PreparedPerson,
  termFrequencyValue,
} from './comparisons';
import { createModel, type Model, type TermFrequencies, type TermFrequencyLevels } from './fellegi-sunter';

/**
 * The Fellegi–Sunter model over the person comparisons of `comparisons.ts`: its starting parameters, which
 * levels term frequencies adjust, and the per-pair frequencies the scorer reads.
 */

/** Term frequencies adjust the exact agreement of the name fields only. */
export const PERSON_TF_LEVELS: TermFrequencyLevels = FIELDS.map((field) =>
  field.name === 'givenNames'
    ? LEVEL.givenNames.exact
    : field.name === 'surnames'
      ? LEVEL.surnames.exact
      : -1,
);

/**
 * Starting values for EM (m) and, before u is estimated from random pairs, for u: rough figures for
 * Colombian registries, chosen so that each field's weight grows with its level of agreement. EM replaces m
 * and λ; `estimateU` replaces u. Level 0 (null) is a placeholder.
 */
const START: Record<string, { m: number[]; u: number[] }> = {
  // null, different, sharedName, hypocorism, phonetic, jw85, jw92, exactFirst, exact
  givenNames: {
    m: [0, 0.03, 0.03, 0.02, 0.03, 0.04, 0.08, 0.12, 0.65],
    u: [0, 0.9, 0.01, 0.004, 0.004, 0.004, 0.004, 0.003, 0.01],
  },
  // null, different, phonetic, jw85, jw92, missingSecond, swapped, exact
  surnames: {
    m: [0, 0.04, 0.02, 0.03, 0.06, 0.1, 0.05, 0.7],
    u: [0, 0.95, 0.005, 0.006, 0.006, 0.004, 0.0015, 0.003],
  },
  // null, no, yes
  transposed: { m: [0, 0.98, 0.02], u: [0, 0.9999, 0.0001] },
  // null, different, yearClose, typo, swappedDayMonth, exact
  birthDate: { m: [0, 0.05, 0.03, 0.05, 0.02, 0.85], u: [0, 0.97, 0.02, 0.005, 0.0005, 0.0045] },
  // null, conflict, unrelated, nearDigits, sameDigitsOtherType, exact
  document: { m: [0, 0.002, 0.3, 0.02, 0.05, 0.628], u: [0, 0.3, 0.6994, 0.0005, 0.0001, 0.000001] },
  // null, different, same
  sex: { m: [0, 0.02, 0.98], u: [0, 0.5, 0.5] },
  // null, different, sameDepartment, same
  municipality: { m: [0, 0.3, 0.2, 0.5], u: [0, 0.85, 0.1, 0.05] },
};

/** The starting person model (λ = 0.05 among candidate pairs). */
export function initialPersonModel(lambda = 0.05): Model {
  return createModel(
    FIELDS,
    lambda,
    FIELDS.map((field) => (START[field.name] as { m: number[] }).m),
    FIELDS.map((field) => (START[field.name] as { u: number[] }).u),
  );
}

/** Frequency tables of the values term frequencies adjust, built over all records of a run. */
export interface PersonTermFrequencies {
  givenNames?: TermFrequencies;
  surnames?: TermFrequencies;
}

/**
 * Writes into `out[0 .. FIELD_COUNT)` the frequency of the value each field agrees on exactly, NaN elsewhere:
 * what `Scorer.score` reads as `frequencies`. `out` is reused across pairs.
 */
export function pairFrequencies(
  a: PreparedPerson,
  vector: ArrayLike<number>,
  offset: number,
  tables: PersonTermFrequencies,
  out: Float64Array,
): Float64Array {
  for (let f = 0; f < FIELD_COUNT; f++) out[f] = Number.NaN;
  const given = FIELD_INDEX.givenNames;
  if (tables.givenNames && vector[offset + given] === LEVEL.givenNames.exact) {
    out[given] = tables.givenNames.frequency(termFrequencyValue(given, a));
  }
  const surnames = FIELD_INDEX.surnames;
  if (tables.surnames && vector[offset + surnames] === LEVEL.surnames.exact) {
    out[surnames] = tables.surnames.frequency(termFrequencyValue(surnames, a));
  }
  return out;
}
