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
  /**
   * When given, the rule's blocks only give pairs with at least one anchor record: a loose key can then serve
   * the few records that need it (an estimated birth date) without pairing everybody else by it.
   */
  anchor?(person: PreparedPerson): boolean;
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

/** Year and the two other parts of the date sorted (so a day/month swap keeps the key); null without a full date. */
function sortedDate(person: PreparedPerson): string | null {
  if (!person.birthYear || !person.birthMonth || !person.birthDay) return null;
  return `${person.birthYear}-${sortedMonthDay(person)}`;
}

function sortedMonthDay(person: PreparedPerson): string {
  const [d1, d2] =
    person.birthMonth < person.birthDay
      ? [person.birthMonth, person.birthDay]
      : [person.birthDay, person.birthMonth];
  return `${pad2(d1)}${pad2(d2)}`;
}

/** A date lists write when they know only the year: 1 January, or no month at all. */
const estimatedDate = (person: PreparedPerson) =>
  person.birthYear !== 0 && (person.birthMonth === 0 || (person.birthMonth === 1 && person.birthDay === 1));

/** Every unordered pair of the name tokens (sorted, so the pair's order is fixed), with a suffix. */
function tokenPairs(person: PreparedPerson, suffix: string): string[] {
  const t = person.nameTokens;
  const keys: string[] = [];
  for (let a = 0; a < t.length; a++) {
    for (let b = a + 1; b < t.length; b++) keys.push(`${t[a]}|${t[b]}|${suffix}`);
  }
  return keys;
}

/**
 * Two of the name words (phonetic; nicknames as their name) and the full birth date, day and month sorted.
 * Any two words a list kept intact meet, whatever happened to the others: a typo in a third word, surnames
 * swapped, given name and surname transposed, a second surname or given name missing. Tight: two persons
 * sharing two name words and a birth date are rare outside duplicates and twins.
 */
export const namePairDateRule: BlockingRule = {
  name: 'namePairDate',
  keys(person) {
    const date = sortedDate(person);
    return date ? tokenPairs(person, date) : [];
  },
};

/**
 * Two name words and the birth day and month (sorted), without the year: survives a year off by one. 1 January is
 * left out: it is what lists write when only the year is known, so it says nothing.
 */
export const namePairMonthDayRule: BlockingRule = {
  name: 'namePairMonthDay',
  keys(person) {
    if (!person.birthMonth || !person.birthDay) return [];
    if (person.birthMonth === 1 && person.birthDay === 1) return [];
    return tokenPairs(person, sortedMonthDay(person));
  },
};

/** Three name words and the birth year: survives an estimated date (1 January) or day and month both changed. */
export const nameTripleYearRule: BlockingRule = {
  name: 'nameTripleYear',
  keys(person) {
    const t = person.nameTokens;
    if (t.length < 3 || !person.birthYear) return [];
    const keys: string[] = [];
    for (let a = 0; a < t.length; a++) {
      for (let b = a + 1; b < t.length; b++) {
        for (let c = b + 1; c < t.length; c++) keys.push(`${t[a]}|${t[b]}|${t[c]}|${person.birthYear}`);
      }
    }
    return keys;
  },
};

/**
 * Two name words and the birth year, for records whose date looks estimated (1 January, or only a year): lists
 * write 1 January when they know only the year, so such a record meets its twin registered with the real date.
 * Only pairs with such a record come out of this rule.
 */
export const namePairEstimatedDateRule: BlockingRule = {
  name: 'namePairEstimatedDate',
  keys(person) {
    return person.birthYear ? tokenPairs(person, String(person.birthYear)) : [];
  },
  anchor(person) {
    return (
      person.birthYear !== 0 &&
      (person.birthMonth === 0 || (person.birthMonth === 1 && person.birthDay === 1))
    );
  },
};

/**
 * Keys of the first given name and first surname (phonetic) with a suffix, once as they are and once with each
 * letter of either left out in turn: two spellings one keyboard slip apart share the key that drops the slip
 * (a changed, extra or missing letter; two swapped letters share the key that drops either).
 */
function oneEditKeys(person: PreparedPerson, suffix: string): string[] {
  const g = person.given1Phonetic;
  const s = person.surname1Phonetic;
  const keys = [`${g}|${s}|${suffix}`];
  for (let k = 0; k < g.length; k++) keys.push(`${g.slice(0, k)}${g.slice(k + 1)}|${s}|${suffix}`);
  for (let k = 0; k < s.length; k++) keys.push(`${g}|${s.slice(0, k)}${s.slice(k + 1)}|${suffix}`);
  return keys;
}

/**
 * First given name and first surname with one typo allowed in either, and the birth day and month (sorted):
 * a typo together with a wrong year, or with a second name missing, still meets.
 */
export const nameOneEditMonthDayRule: BlockingRule = {
  name: 'nameOneEditMonthDay',
  keys(person) {
    if (!person.given1Phonetic || !person.surname1Phonetic || !person.birthMonth || !person.birthDay)
      return [];
    return oneEditKeys(person, sortedMonthDay(person));
  },
};

/** The same with the birth year, for records whose date looks estimated (pairs with such a record only). */
export const nameOneEditEstimatedDateRule: BlockingRule = {
  name: 'nameOneEditEstimatedDate',
  keys(person) {
    if (!person.given1Phonetic || !person.surname1Phonetic || !person.birthYear) return [];
    return oneEditKeys(person, String(person.birthYear));
  },
  anchor: estimatedDate,
};

/**
 * One name word, the full birth date (day and month sorted) and sex, **anchored** on records with at most three
 * name words: a short name with one word mistyped (or a typo together with a missing second surname) still
 * meets through another. A record with four intact-enough words is found by the pair rules, and leaving it out
 * keeps this loose key from pairing every Rodríguez born on one day.
 */
export const nameWordDateSexRule: BlockingRule = {
  name: 'nameWordDateSex',
  keys(person) {
    const date = sortedDate(person);
    if (!date || !person.sex) return [];
    return person.nameTokens.map((token) => `${token}|${date}|${person.sex}`);
  },
  anchor: (person) => person.nameTokens.length <= 3,
};

/**
 * A document number with one digit left out (each position in turn) and the birth year: a number with one
 * digit mistyped meets the right one at the position of the slip. Numbers of six digits or more.
 */
export const documentOneDigitRule: BlockingRule = {
  name: 'documentOneDigit',
  keys(person) {
    if (!person.birthYear) return [];
    const keys: string[] = [];
    for (const doc of person.documents) {
      const digits = doc.key.replace(/\D/g, '').replace(/^0+/, '');
      if (digits.length < 6) continue;
      for (let i = 0; i < digits.length; i++) {
        keys.push(`${i}|${digits.slice(0, i)}${digits.slice(i + 1)}|${person.birthYear}`);
      }
    }
    return keys;
  },
};

/**
 * The default rules. Measured on the registry generator's planted duplicates (see docs/entity-resolution.md):
 * each rule survives what the others do not, and none keys on a whole population (no name alone, no year alone).
 * The older rules above stay exported for tests and for lists that need them; they were looser (the phonetic
 * surname and year made blocks of thousands at national scale).
 */
export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  documentDigitsRule,
  documentOneDigitRule,
  namePairDateRule,
  namePairMonthDayRule,
  nameTripleYearRule,
  namePairEstimatedDateRule,
  nameWordDateSexRule,
  nameOneEditMonthDayRule,
  nameOneEditEstimatedDateRule,
];

export const DEFAULT_BLOCK_CAP = 500;

/** Per rule, the keys of each record: `keys[rule][record]`. Computing them once lets a job store or reuse them. */
export function blockingKeys(
  persons: readonly PreparedPerson[],
  rules: readonly BlockingRule[] = DEFAULT_BLOCKING_RULES,
): Array<Array<readonly string[]>> {
  return rules.map((rule) => persons.map((person) => rule.keys(person)));
}

/** Records above which pair codes (left × n + right, times the rule count) would lose precision. */
export const MAX_BLOCKING_RECORDS = 20_000_000;

/**
 * A hash of a key with `bits` bits (up to 53), from two 32-bit lanes (FNV-1a and a multiply–rotate), each with a
 * final avalanche: blocks are grouped by hash, not by string, so millions of keys cost no map of strings. Two
 * different keys sharing a hash only merge two blocks into one, adding a few pairs that scoring rejects; with a
 * million records the hash keeps 33 bits.
 */
function hashKey(key: string, bits: number): number {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x9e3779b1) ^ c;
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  a = (a ^ (a >>> 16)) >>> 0;
  if (bits <= 32) return a >>> (32 - bits);
  b = Math.imul(b ^ (b >>> 15), 0x2c1b3c6d);
  b = Math.imul(b ^ (b >>> 12), 0x297a2d39);
  b = (b ^ (b >>> 15)) >>> 0;
  return a * 2 ** (bits - 32) + (b >>> (64 - bits));
}

/** A growable Float64Array. */
class Codes {
  values = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * Candidate pairs from the keys of each rule, given as a function `keysOf(rule, record)` so keys need not be
 * held for all records at once. Pairs come out sorted by (left, right), each once; per rule, the pairs it
 * generated and the ones no earlier rule had.
 */
export function candidatePairsFromKeyFunction(
  ruleNames: readonly string[],
  keysOf: (rule: number, record: number) => readonly string[],
  recordCount: number,
  cap: number = DEFAULT_BLOCK_CAP,
  touching?: Uint8Array,
  /** Per rule, whether a record is an anchor of it (see `BlockingRule.anchor`); null: every record is. */
  anchorOf?: (rule: number) => ((record: number) => boolean) | null,
): CandidatePairs {
  if (!Number.isInteger(cap) || cap < 2) throw new RangeError('block cap must be an integer of at least 2');
  if (recordCount > MAX_BLOCKING_RECORDS) throw new RangeError('too many records for one blocking run');
  const ruleCount = ruleNames.length;
  const radix = Math.max(1, ruleCount);
  const codes = new Codes();
  const stats: BlockingRuleStats[] = [];
  // Each (key, record) entry is one float: the key's hash in the high bits, the record in the low ones, so one
  // native sort groups the blocks with their records ascending. With 3 million records the hash keeps 31 bits.
  const recordBits = Math.max(1, Math.ceil(Math.log2(recordCount + 1)));
  const hashBits = 53 - recordBits;
  const recordScale = 2 ** recordBits;
  const entries = new Codes();
  let block = new Uint32Array(64);
  for (let r = 0; r < ruleCount; r++) {
    entries.length = 0;
    const isAnchor = anchorOf?.(r) ?? null;
    const anchors = isAnchor ? new Uint8Array(recordCount) : null;
    for (let record = 0; record < recordCount; record++) {
      if (anchors && isAnchor?.(record)) anchors[record] = 1;
      const keys = keysOf(r, record);
      for (let k = 0; k < keys.length; k++) {
        entries.push(hashKey(keys[k] as string, hashBits) * recordScale + record);
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
    const sortedEntries = entries.values.subarray(0, entries.length).sort();
    let start = 0;
    while (start < sortedEntries.length) {
      const hash = Math.floor((sortedEntries[start] as number) / recordScale);
      let end = start + 1;
      while (end < sortedEntries.length && Math.floor((sortedEntries[end] as number) / recordScale) === hash)
        end++;
      // Records of the block, once each (a record with the same key twice gives two equal entries).
      let size = 0;
      if (block.length < end - start) block = new Uint32Array((end - start) * 2);
      for (let e = start; e < end; e++) {
        const entry = sortedEntries[e] as number;
        if (e > start && entry === sortedEntries[e - 1]) continue;
        block[size++] = entry - hash * recordScale;
      }
      start = end;
      if (size > stat.largestBlock) stat.largestBlock = size;
      if (size < 2) continue;
      if (size > cap) {
        stat.blocksSkipped++;
        stat.recordsInSkippedBlocks += size;
        continue;
      }
      stat.blocks++;
      for (let a = 0; a < size; a++) {
        const i = block[a] as number;
        for (let b = a + 1; b < size; b++) {
          const j = block[b] as number;
          if (touching && touching[i] !== 1 && touching[j] !== 1) continue;
          if (anchors && anchors[i] !== 1 && anchors[j] !== 1) continue;
          stat.pairsGenerated++;
          codes.push((i * recordCount + j) * radix + r);
        }
      }
    }
    stats.push(stat);
  }
  // Sorting the codes puts each pair's copies together, the earliest rule first: that rule is the one it is new for.
  const sorted = codes.values.subarray(0, codes.length).sort();
  let unique = 0;
  for (let k = 0; k < sorted.length; k++) {
    const pair = Math.floor((sorted[k] as number) / radix);
    if (k > 0 && Math.floor((sorted[k - 1] as number) / radix) === pair) continue;
    unique++;
  }
  const left = new Uint32Array(unique);
  const right = new Uint32Array(unique);
  let at = 0;
  let previous = -1;
  for (let k = 0; k < sorted.length; k++) {
    const code = sorted[k] as number;
    const pair = Math.floor(code / radix);
    if (pair === previous) continue;
    previous = pair;
    const stat = stats[code - pair * radix] as BlockingRuleStats;
    stat.pairsNew++;
    left[at] = Math.floor(pair / recordCount);
    right[at] = pair - (left[at] as number) * recordCount;
    at++;
  }
  return { left, right, count: unique, stats };
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
  const names = keys.map((_, r) => ruleNames[r] ?? `rule${r}`);
  return candidatePairsFromKeyFunction(
    names,
    (r, record) => keys[r]?.[record] ?? [],
    recordCount,
    cap,
    touching,
  );
}

/** Candidate pairs of prepared persons under the given rules (keys computed rule by rule, not all held at once). */
export function candidatePairs(
  persons: readonly PreparedPerson[],
  rules: readonly BlockingRule[] = DEFAULT_BLOCKING_RULES,
  cap: number = DEFAULT_BLOCK_CAP,
  touching?: Uint8Array,
): CandidatePairs {
  return candidatePairsFromKeyFunction(
    rules.map((rule) => rule.name),
    (r, record) => (rules[r] as BlockingRule).keys(persons[record] as PreparedPerson),
    persons.length,
    cap,
    touching,
    (r) => {
      const rule = rules[r] as BlockingRule;
      return rule.anchor
        ? (record) => (rule.anchor as (p: PreparedPerson) => boolean)(persons[record] as PreparedPerson)
        : null;
    },
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
