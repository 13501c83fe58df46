import type { PreparedPerson } from './comparisons';

/**
 * Blocking: which pairs of records are worth comparing. Comparing every pair of a national registry is out of
 * reach (n² / 2), so each rule gives every record zero or more keys, and only records sharing a key under some
 * rule become candidate pairs. Rules are chosen so that a true duplicate usually shares at least one key even
 * when its list mangled a field the others rely on (document digits survive a wrong type; the phonetic surname
 * survives accents and typos; swapped surnames survive a list that wrote them the other way round).
 *
 * A block (all records sharing one key) larger than the cap contributes no pairs: a key shared by tens of
 * thousands of records ("garcia" born 1990) is not a blocking key but a population. Skipped blocks are counted
 * per rule so a job can print them and the rule can be tightened.
 *
 * Pure: no I/O, deterministic output order (rules in order, blocks by first appearance, pairs by position).
 */

export interface BlockingRule {
  name: string;
  /** Keys of one record under this rule; an empty list means the record is not blocked by the rule. */
  keys(person: PreparedPerson): readonly string[];
}

export interface BlockingRuleStats {
  rule: string;
  /** Blocks of two or more records within the cap. */
  blocks: number;
  /** Pairs this rule generated, before removing pairs an earlier rule already gave. */
  pairsGenerated: number;
  /** Pairs this rule added that no earlier rule had given. */
  pairsNew: number;
  /** Blocks larger than the cap, skipped whole. */
  blocksSkipped: number;
  /** Records in skipped blocks (counted once per skipped block). */
  recordsInSkippedBlocks: number;
  /** Size of the largest block, capped or not. */
  largestBlock: number;
}

export interface CandidatePairs {
  /** left[k] < right[k]; each (left, right) appears once across all rules. */
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  stats: BlockingRuleStats[];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Digits of every document, whatever its type: a CC typed as a TI (or with no type) still meets its twin. */
export const documentDigitsRule: BlockingRule = {
  name: 'documentDigits',
  keys(person) {
    const keys: string[] = [];
    for (const doc of person.documents) {
      const digits = doc.key.replace(/\D/g, '').replace(/^0+/, '');
      if (digits.length >= 4 && !keys.includes(digits)) keys.push(digits);
    }
    return keys;
  },
};

/** Phonetic core of the first surname and the birth year. */
export const surnamePhoneticYearRule: BlockingRule = {
  name: 'surnamePhoneticYear',
  keys(person) {
    if (!person.surname1Phonetic || !person.birthYear) return [];
    return [`${person.surname1Phonetic}|${person.birthYear}`];
  },
};

/** Phonetic first given name, first surname core and birth month and day (catches a wrong year). */
export const givenSurnameMonthDayRule: BlockingRule = {
  name: 'givenSurnameMonthDay',
  keys(person) {
    if (!person.given1Phonetic || !person.surname1 || !person.birthMonth || !person.birthDay) return [];
    return [`${person.given1Phonetic}|${person.surname1}|${pad2(person.birthMonth)}${pad2(person.birthDay)}`];
  },
};

/**
 * Both surname cores, in alphabetical order, and the full birth date: a list that wrote the surnames the other
 * way round meets the original. Day and month are also sorted, so a day/month swap still meets.
 */
export const swappedSurnamesDateRule: BlockingRule = {
  name: 'swappedSurnamesDate',
  keys(person) {
    if (!person.surname1 || !person.surname2 || !person.birthYear || !person.birthMonth || !person.birthDay) {
      return [];
    }
    const [s1, s2] =
      person.surname1 < person.surname2
        ? [person.surname1, person.surname2]
        : [person.surname2, person.surname1];
    const [d1, d2] =
      person.birthMonth < person.birthDay
        ? [person.birthMonth, person.birthDay]
        : [person.birthDay, person.birthMonth];
    return [`${s1}|${s2}|${person.birthYear}-${pad2(d1)}-${pad2(d2)}`];
  },
};

/** Municipality and phonetic full name (first given name and first surname), for records without a usable date. */
export const municipalityNameRule: BlockingRule = {
  name: 'municipalityName',
  keys(person) {
    if (!person.municipality || !person.given1Phonetic || !person.surname1Phonetic) return [];
    return [`${person.municipality}|${person.given1Phonetic}|${person.surname1Phonetic}`];
  },
};

/**
 * Phonetic first given name and first surname as an unordered pair, with the full birth date (day and month
 * sorted): a list that put the surname in the given-name field ("Pérez José") meets the original.
 */
export const transposedNameDateRule: BlockingRule = {
  name: 'transposedNameDate',
  keys(person) {
    const g = person.given1Phonetic;
    const s = person.surname1Phonetic;
    if (!g || !s || !person.birthYear || !person.birthMonth || !person.birthDay) return [];
    const [n1, n2] = g < s ? [g, s] : [s, g];
    const [d1, d2] =
      person.birthMonth < person.birthDay
        ? [person.birthMonth, person.birthDay]
        : [person.birthDay, person.birthMonth];
    return [`${n1}|${n2}|${person.birthYear}-${pad2(d1)}-${pad2(d2)}`];
  },
};

export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  documentDigitsRule,
  surnamePhoneticYearRule,
  givenSurnameMonthDayRule,
  swappedSurnamesDateRule,
  transposedNameDateRule,
  municipalityNameRule,
];

export const DEFAULT_BLOCK_CAP = 500;

/** Per rule, the keys of each record: `keys[rule][record]`. Computing them once lets a job store or reuse them. */
export function blockingKeys(
  persons: readonly PreparedPerson[],
  rules: readonly BlockingRule[] = DEFAULT_BLOCKING_RULES,
): Array<Array<readonly string[]>> {
  return rules.map((rule) => persons.map((person) => rule.keys(person)));
}

/**
 * Candidate pairs from precomputed keys (`keys[rule][record]`). Works on any keys, so a test or a job can pass
 * its own (e.g. keys read back from storage).
 */
export function candidatePairsFromKeys(
  ruleNames: readonly string[],
  keys: ReadonlyArray<ReadonlyArray<readonly string[]>>,
  recordCount: number,
  cap: number = DEFAULT_BLOCK_CAP,
  /** When given, only pairs with at least one record flagged 1 (e.g. the records of an import being checked). */
  touching?: Uint8Array,
): CandidatePairs {
  if (!Number.isInteger(cap) || cap < 2) throw new RangeError('block cap must be an integer of at least 2');
  if (recordCount > 94_000_000) throw new RangeError('too many records for one blocking run');
  const seen = new Set<number>();
  let left = new Uint32Array(1024);
  let right = new Uint32Array(1024);
  let count = 0;
  const push = (i: number, j: number) => {
    if (count === left.length) {
      const nl = new Uint32Array(left.length * 2);
      nl.set(left);
      left = nl;
      const nr = new Uint32Array(right.length * 2);
      nr.set(right);
      right = nr;
    }
    left[count] = i;
    right[count] = j;
    count++;
  };
  const stats: BlockingRuleStats[] = [];
  for (let r = 0; r < keys.length; r++) {
    const ruleKeys = keys[r] ?? [];
    const blocks = new Map<string, number[]>();
    for (let record = 0; record < recordCount; record++) {
      const recordKeys = ruleKeys[record] ?? [];
      for (let k = 0; k < recordKeys.length; k++) {
        const key = recordKeys[k] as string;
        if (recordKeys.indexOf(key) !== k) continue; // the same key twice on one record is one membership
        const block = blocks.get(key);
        if (block) block.push(record);
        else blocks.set(key, [record]);
      }
    }
    const stat: BlockingRuleStats = {
      rule: ruleNames[r] ?? `rule${r}`,
      blocks: 0,
      pairsGenerated: 0,
      pairsNew: 0,
      blocksSkipped: 0,
      recordsInSkippedBlocks: 0,
      largestBlock: 0,
    };
    for (const block of blocks.values()) {
      if (block.length > stat.largestBlock) stat.largestBlock = block.length;
      if (block.length < 2) continue;
      if (block.length > cap) {
        stat.blocksSkipped++;
        stat.recordsInSkippedBlocks += block.length;
        continue;
      }
      stat.blocks++;
      // Records were pushed in increasing order, so block[a] < block[b] for a < b.
      for (let a = 0; a < block.length; a++) {
        const i = block[a] as number;
        for (let b = a + 1; b < block.length; b++) {
          const j = block[b] as number;
          if (touching && touching[i] !== 1 && touching[j] !== 1) continue;
          stat.pairsGenerated++;
          const code = i * recordCount + j;
          if (seen.has(code)) continue;
          seen.add(code);
          stat.pairsNew++;
          push(i, j);
        }
      }
    }
    stats.push(stat);
  }
  return { left: left.slice(0, count), right: right.slice(0, count), count, stats };
}

/** Candidate pairs of prepared persons under the given rules. */
export function candidatePairs(
  persons: readonly PreparedPerson[],
  rules: readonly BlockingRule[] = DEFAULT_BLOCKING_RULES,
  cap: number = DEFAULT_BLOCK_CAP,
  touching?: Uint8Array,
): CandidatePairs {
  return candidatePairsFromKeys(
    rules.map((rule) => rule.name),
    blockingKeys(persons, rules),
    persons.length,
    cap,
    touching,
  );
}

/** One line per rule, for a job's log. */
export function formatBlockingStats(stats: readonly BlockingRuleStats[]): string[] {
  return stats.map(
    (s) =>
      `${s.rule}: ${s.pairsGenerated} pairs (${s.pairsNew} new) from ${s.blocks} blocks; ` +
      `${s.blocksSkipped} blocks over the cap skipped (${s.recordsInSkippedBlocks} records); largest block ${s.largestBlock}`,
  );
}
