/**
 * node --import tsx src/synthetic/stats.ts [--size 200000] [--seed 1]
 *
 * Prints the observed distributions of a generated data set (the figures quoted in README.md): shares by
 * nationality, group, sex, age, household size, document, and the rate of each duplicate mutation.
 */
import { parseArgs } from 'node:util';
import { ageAtReference, generatePersons, type PersonRecord } from './generate';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '200000' }, seed: { type: 'string', default: '1' } },
});
const records: PersonRecord[] = [...generatePersons({ seed: values.seed, size: Number(values.size) })];
const originals = records.filter((record) => record.mutations.length === 0);
const duplicates = records.filter((record) => record.mutations.length > 0);

function table(title: string, counts: Map<string, number>, total: number, limit = 40): void {
  console.log(`\n${title} (n = ${total.toLocaleString('en')})`);
  const rows = [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit);
  for (const [key, count] of rows)
    console.log(`  ${key.padEnd(28)} ${((100 * count) / total).toFixed(1).padStart(5)}%`);
}

function countBy<T>(items: T[], key: (item: T) => string | string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const keys = key(item);
    for (const k of Array.isArray(keys) ? keys : [keys]) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

const ageBand = (record: PersonRecord) => {
  const age = ageAtReference(record.birthDate);
  return age < 7
    ? '0–6'
    : age < 18
      ? '7–17'
      : age < 30
        ? '18–29'
        : age < 45
          ? '30–44'
          : age < 60
            ? '45–59'
            : '60+';
};
const households = countBy(originals, (r) => r.householdId);
const sizes = countBy([...households.values()], (size) => String(size));
const meanSize = originals.length / households.size;

console.log(`records ${records.length}, originals ${originals.length}, duplicates ${duplicates.length}`);
console.log(`households ${households.size}, mean size ${meanSize.toFixed(2)}`);
table(
  'nationality',
  countBy(originals, (r) => r.nationality),
  originals.length,
  12,
);
table(
  'population group',
  countBy(originals, (r) => r.populationGroup),
  originals.length,
);
table(
  'sex',
  countBy(originals, (r) => r.sex),
  originals.length,
);
table('age band', countBy(originals, ageBand), originals.length);
table('household size', sizes, households.size);
table(
  'relationship',
  countBy(originals, (r) => r.relationshipToHead),
  originals.length,
);
table(
  'documents shown (a person may show two)',
  countBy(originals, (r) => (r.documents.length === 0 ? ['none'] : r.documents.map((d) => d.type))),
  originals.length,
);
table(
  'municipality',
  countBy(originals, (r) => r.municipalityCode),
  originals.length,
  15,
);
table(
  'surname1',
  countBy(originals, (r) => r.surname1),
  originals.length,
  10,
);
table(
  'givenName1 (F)',
  countBy(
    originals.filter((r) => r.sex === 'F'),
    (r) => r.givenName1,
  ),
  originals.filter((r) => r.sex === 'F').length,
  8,
);
const share = (predicate: (r: PersonRecord) => boolean, among: PersonRecord[]) =>
  `${((100 * among.filter(predicate).length) / among.length).toFixed(1)}%`;
const hispanic = originals.filter((r) => r.nationality === 'CO' || r.nationality === 'VE');
const adults = originals.filter((r) => ageAtReference(r.birthDate) >= 18);
console.log(`\nsecond given name present ${share((r) => r.givenName2 !== null, originals)}`);
console.log(`second surname present (CO/VE) ${share((r) => r.surname2 !== null, hispanic)}`);
console.log(`birth date estimated ${share((r) => r.birthDateEstimated, originals)}`);
console.log(
  `adults with a phone ${share((r) => r.phone !== null, adults)}, +58 ${share((r) => r.phone?.startsWith('+58') ?? false, adults)}`,
);
table(
  'mutations (share of duplicates carrying each)',
  countBy(duplicates, (r) => r.mutations),
  duplicates.length,
);
table(
  'mutations per duplicate',
  countBy(duplicates, (r) => String(r.mutations.length)),
  duplicates.length,
);
