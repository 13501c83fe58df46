import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocumentNumber } from '../../src/domain/registry/document-number';
import { normalizePhone } from '../../src/domain/registry/phone';
import {
  ageAtReference,
  allMunicipalityCodes,
  generatePersons,
  type PersonRecord,
  pairwiseScores,
  TruthClusters,
} from './generate';

const collect = (options: Parameters<typeof generatePersons>[0]): PersonRecord[] => [
  ...generatePersons(options),
];

const FORMATS: Record<string, RegExp> = {
  CC: /^(?:\d{6,8}|1[01]\d{8})$/,
  TI: /^1[01]\d{8}$/,
  RC: /^1[01]\d{8}$/,
  CE: /^[1-9]\d{5,6}$/,
  PPT: /^[1-9]\d{6,7}$/,
  PEP: /^\d{15}$/,
  PA: /^(?:A[O-V]\d{6}|[1-9]\d{8}|[A-Z]\d{8})$/,
  SC2: /^\d{9}$/,
  FOREIGN_ID: /^(?:V[1-9]\d{6,7}|E8\d{7})$/,
};

describe('generatePersons', () => {
  const SIZE = 60_000;
  let records: PersonRecord[] = [];
  let originals: PersonRecord[] = [];
  let duplicates: PersonRecord[] = [];

  beforeAll(() => {
    records = collect({ seed: 'generate-test', size: SIZE });
    originals = records.filter((record) => record.mutations.length === 0);
    duplicates = records.filter((record) => record.mutations.length > 0);
  });

  it('is deterministic: same seed, same records; another seed, other records', () => {
    const first = collect({ seed: 2024, size: 3000 });
    expect(collect({ seed: 2024, size: 3000 })).toEqual(first);
    const other = collect({ seed: 2025, size: 3000 });
    expect(other.filter((record, i) => record.id === first[i]?.id).length).toBeLessThan(30);
    expect(other.map((r) => r.surname1).join()).not.toBe(first.map((r) => r.surname1).join());
  });

  it('has the prefix property: a smaller size is the start of a larger one', () => {
    const large = collect({ seed: 'prefix', size: 5000 });
    for (const size of [1, 37, 1200, 4999]) {
      expect(collect({ seed: 'prefix', size })).toEqual(large.slice(0, size));
    }
  });

  it('emits exactly the requested number of records', () => {
    for (const size of [1, 2, 100, 1234]) expect(collect({ seed: 1, size }).length).toBe(size);
    expect(records.length).toBe(SIZE);
    expect(() => collect({ seed: 1, size: 0 })).toThrow(RangeError);
    expect(() => collect({ seed: 1, size: 3_000_001 })).toThrow(RangeError);
    expect(() => collect({ seed: 1, size: 1.5 })).toThrow(RangeError);
    expect(() => collect({ seed: 1, size: 10, duplicateRate: 0.9 })).toThrow(RangeError);
    expect(() => collect({ seed: '', size: 10 })).toThrow(RangeError);
  });

  it('keeps the duplicate share close to the requested rate at every size', () => {
    for (const [size, rate] of [
      [100, 0.1],
      [1000, 0.1],
      [5000, 0.25],
      [5000, 0],
      [5000, 0.5],
    ] as const) {
      const share = collect({ seed: 'rate', size, duplicateRate: rate }).filter(
        (r) => r.mutations.length > 0,
      ).length;
      expect(Math.abs(share / size - rate)).toBeLessThanOrEqual(0.01 + 10 / size);
    }
    expect(Math.abs(duplicates.length / SIZE - 0.1)).toBeLessThan(0.005);
  });

  it('writes the truth: originals are their own truth, each duplicate points to an earlier, non-adjacent original', () => {
    const position = new Map(records.map((record, i) => [record.id, i]));
    expect(position.size).toBe(SIZE);
    for (const original of originals) {
      expect(original.truthId).toBe(original.id);
    }
    const originalIds = new Set(originals.map((record) => record.id));
    let far = 0;
    for (const duplicate of duplicates) {
      expect(originalIds.has(duplicate.truthId)).toBe(true);
      const gap = (position.get(duplicate.id) as number) - (position.get(duplicate.truthId) as number);
      expect(gap).toBeGreaterThanOrEqual(3);
      if (gap > 1000) far++;
      expect(duplicate.mutations.length).toBeGreaterThanOrEqual(1);
    }
    // Most duplicates are far from their source, so a streaming window cannot catch them.
    expect(far / duplicates.length).toBeGreaterThan(0.5);
    const clusters = new TruthClusters();
    for (const record of records) clusters.add(record);
    expect(clusters.clusters().size).toBe(originals.length);
    expect(clusters.truePairCount()).toBeGreaterThanOrEqual(duplicates.length);
  });

  it('uses every mutation, each duplicate being still recognisably its source', () => {
    const byId = new Map(originals.map((record) => [record.id, record]));
    const seen = new Map<string, number>();
    for (const duplicate of duplicates) {
      for (const name of duplicate.mutations) seen.set(name, (seen.get(name) ?? 0) + 1);
      const source = byId.get(duplicate.truthId) as PersonRecord;
      expect(duplicate.sex).toBe(source.sex);
      expect(duplicate.nationality).toBe(source.nationality);
      if (!duplicate.mutations.some((m) => /birth|dayMonth/.test(m)))
        expect(duplicate.birthDate).toBe(source.birthDate);
    }
    expect(seen.size).toBe(19);
  });

  it('writes documents in valid formats, accepted by the registry rules', () => {
    for (const record of originals) {
      for (const document of record.documents) {
        expect(document.number, document.type).toMatch(FORMATS[document.type] as RegExp);
        expect(checkDocumentNumber(document.type, document.number).problems).toEqual([]);
      }
    }
  });

  it('never gives two originals the same document number of a type', () => {
    const seen = new Set<string>();
    let repeats = 0;
    for (const record of originals) {
      for (const document of record.documents) {
        const key = `${document.type}:${document.number}`;
        if (seen.has(key)) repeats++;
        seen.add(key);
      }
    }
    expect(repeats).toBe(0);
    expect(seen.size).toBeGreaterThan(originals.length * 0.8);
  });

  it('keeps documents coherent with age, nationality and group', () => {
    for (const record of originals) {
      const age = ageAtReference(record.birthDate);
      for (const { type, number } of record.documents) {
        if (type === 'CC') expect(age).toBeGreaterThanOrEqual(18);
        if (type === 'TI') expect(age >= 7 && age <= 17).toBe(true);
        if (type === 'RC') expect(age).toBeLessThan(7);
        if (type === 'CC' || type === 'TI' || type === 'RC') expect(record.nationality).toBe('CO');
        if (type === 'PPT' || type === 'PEP') expect(record.nationality).toBe('VE');
        if (type === 'SC2') expect(record.populationGroup).toBe('refugee_or_asylum_seeker');
        if (type === 'FOREIGN_ID' && number.startsWith('V')) {
          expect(record.nationality).toBe('VE');
          expect(age).toBeGreaterThanOrEqual(9);
        }
      }
    }
    const none = originals.filter((record) => record.documents.length === 0).length / originals.length;
    expect(none).toBeGreaterThan(0.02);
    expect(none).toBeLessThan(0.3);
  });

  it('places everyone in a DIVIPOLA municipality, weighted to where migrants live', () => {
    const codes = new Set(allMunicipalityCodes());
    expect(codes.size).toBe(1122);
    const counts = new Map<string, number>();
    for (const record of records) {
      expect(codes.has(record.municipalityCode)).toBe(true);
      counts.set(record.municipalityCode, (counts.get(record.municipalityCode) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe('11001');
    const top10 = ranked.slice(0, 10).reduce((sum, [, count]) => sum + count, 0);
    expect(top10 / SIZE).toBeGreaterThan(0.45);
    expect(counts.size).toBeGreaterThan(600);
  });

  it('builds households of 1–8 with one head each and a mean size near 3.5', () => {
    const households = new Map<string, PersonRecord[]>();
    for (const record of originals) {
      const members = households.get(record.householdId) ?? [];
      members.push(record);
      households.set(record.householdId, members);
    }
    const sizes = [...households.values()].map((members) => members.length);
    // The last household may be cut by the size.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(3.2);
    expect(mean).toBeLessThan(3.8);
    let headless = 0;
    for (const members of households.values()) {
      const heads = members.filter((member) => member.relationshipToHead === 'head').length;
      expect(heads).toBeLessThanOrEqual(1);
      if (heads === 0) headless++;
    }
    expect(headless).toBeLessThanOrEqual(1);
  });

  it('names children as Spanish does: father’s first surname, then mother’s first surname', () => {
    const households = new Map<string, PersonRecord[]>();
    for (const record of originals) {
      const members = households.get(record.householdId) ?? [];
      members.push(record);
      households.set(record.householdId, members);
    }
    let children = 0;
    let following = 0;
    for (const members of households.values()) {
      const head = members.find((m) => m.relationshipToHead === 'head');
      const spouse = members.find((m) => m.relationshipToHead === 'spouse');
      if (!head || !spouse || head.sex === spouse.sex) continue;
      const father = head.sex === 'M' ? head : spouse;
      const mother = head.sex === 'F' ? head : spouse;
      for (const child of members.filter((m) => m.relationshipToHead === 'child')) {
        if (child.surname2 === null) continue;
        children++;
        if (child.surname1 === father.surname1 && child.surname2 === mother.surname1) following++;
      }
    }
    expect(children).toBeGreaterThan(1000);
    expect(following / children).toBeGreaterThan(0.8);
  });

  it('draws realistic shares: sexes, nationalities, groups, ages, second names, phones', () => {
    const share = (predicate: (record: PersonRecord) => boolean, among = originals) =>
      among.filter(predicate).length / among.length;
    expect(share((r) => r.sex === 'F')).toBeGreaterThan(0.49);
    expect(share((r) => r.sex === 'F')).toBeLessThan(0.55);
    expect(share((r) => r.nationality === 'VE')).toBeGreaterThan(0.5);
    expect(share((r) => r.nationality === 'CO')).toBeGreaterThan(0.25);
    expect(share((r) => r.nationality !== 'VE' && r.nationality !== 'CO')).toBeGreaterThan(0.01);
    expect(share((r) => r.populationGroup === 'venezuelan_migrant')).toBeGreaterThan(0.45);
    expect(share((r) => r.populationGroup === 'returnee')).toBeGreaterThan(0.1);
    expect(share((r) => r.populationGroup === 'host_community')).toBeGreaterThan(0.1);
    const minors = share((r) => ageAtReference(r.birthDate) < 18);
    expect(minors).toBeGreaterThan(0.25);
    expect(minors).toBeLessThan(0.5);
    expect(share((r) => ageAtReference(r.birthDate) > 90)).toBeLessThan(0.005);
    const hispanic = originals.filter((r) => r.nationality === 'CO' || r.nationality === 'VE');
    expect(share((r) => r.surname2 !== null, hispanic)).toBeGreaterThan(0.85);
    expect(share((r) => r.surname2 !== null, hispanic)).toBeLessThan(0.95);
    expect(share((r) => r.givenName2 !== null)).toBeGreaterThan(0.5);
    expect(share((r) => r.givenName2 !== null)).toBeLessThan(0.72);
    expect(share((r) => r.birthDateEstimated)).toBeGreaterThan(0.005);
    expect(share((r) => r.birthDateEstimated)).toBeLessThan(0.08);
    const adults = originals.filter((r) => ageAtReference(r.birthDate) >= 18);
    expect(share((r) => r.phone !== null, adults)).toBeGreaterThan(0.6);
    expect(share((r) => r.phone?.startsWith('+58') ?? false, adults)).toBeGreaterThan(0.01);
  });

  it('writes phones that a phone library accepts as Colombian or Venezuelan mobiles', () => {
    const phones = records.map((r) => r.phone).filter((phone): phone is string => phone !== null);
    for (const phone of phones.slice(0, 3000)) {
      expect(phone).toMatch(/^\+57 ?3\d{9}$|^\+584(?:12|14|16|24|26)\d{7}$/);
      expect(normalizePhone(phone), phone).toBe(phone);
    }
  });

  it('writes dates that exist and are not in the future, ages from 0 to under 100', () => {
    for (const record of records) {
      const [year, month, day] = record.birthDate.split('-').map(Number) as [number, number, number];
      expect(new Date(Date.UTC(year, month - 1, day)).getUTCDate()).toBe(day);
      expect(record.birthDate <= '2025-06-30').toBe(true);
      const age = ageAtReference(record.birthDate);
      expect(age >= 0 && age < 100, `${record.birthDate} ${record.mutations}`).toBe(true);
    }
  });
});

describe('pairwise scores', () => {
  it('give F1 = 1 for the truth itself and recall 0 for all singletons', () => {
    const records = collect({ seed: 'scores', size: 2000 });
    const truth = new Map(records.map((r) => [r.id, r.truthId]));
    expect(pairwiseScores(truth, truth).f1).toBe(1);
    const singletons = pairwiseScores(truth, new Map());
    expect(singletons.recall).toBe(0);
    expect(singletons.truePairs).toBeGreaterThan(100);
    // Everyone in one cluster: full recall, tiny precision.
    const lumped = pairwiseScores(truth, new Map(records.map((r) => [r.id, 'all'])));
    expect(lumped.recall).toBe(1);
    expect(lumped.precision).toBeLessThan(0.01);
  });
});
