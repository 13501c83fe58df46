import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Actor } from '../../src/modules/identity/actor';
import { createServices } from '../../src/server/services';
import { generatePersons, type PersonRecord } from '../../src/synthetic';
import { seededRandom } from '../../src/synthetic/random';
import { officeIndexOf, openPopulation, POPULATION_SEED, personUuid } from '../fixtures/registry-population';
import type { BenchOptions, Scenario } from '../run';
import { percentile, printTable } from '../stats';

const QUERIES = 300;
const BASELINE_QUERIES = 20;
const DEFAULT_SIZE = 100_000;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One typing mistake in one word of four letters or more: a substitution, deletion, insertion or swap. */
export function withOneTypo(words: string[], random: () => number): string[] {
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => word.length >= 4);
  if (candidates.length === 0) return words;
  const { word, index } = candidates[Math.floor(random() * candidates.length)] as {
    word: string;
    index: number;
  };
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = LETTERS[Math.floor(random() * LETTERS.length)] as string;
  const kind = Math.floor(random() * 4);
  const typed =
    kind === 0
      ? word.slice(0, at) + letter + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : kind === 2
          ? word.slice(0, at) + letter + word.slice(at)
          : word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  const result = [...words];
  result[index] = typed;
  return result;
}

/** How a caseworker types a name: given name first or surnames first, accents often lost, one typo. */
function typedName(record: PersonRecord, random: () => number): string {
  const surnames = [record.surname1, record.surname2].filter((part): part is string => Boolean(part));
  const words = random() < 0.5 ? [record.givenName1, ...surnames] : [...surnames, record.givenName1];
  const typed = withOneTypo(words.join(' ').split(/\s+/), random).join(' ');
  return random() < 0.5 ? typed.normalize('NFD').replace(/\p{M}/gu, '') : typed;
}

/** A document number as people write it: with thousands dots, spaces or dashes. */
function typedDocument(number: string, random: () => number): string {
  if (!/^\d+$/.test(number) || random() < 0.3) return number;
  return random() < 0.5 ? Number(number).toLocaleString('de-DE') : number.replace(/(\d{3})(?=\d)/g, '$1 ');
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export const searchScenario: Scenario = {
  name: 'search',
  description: `Registry search (name with one typo, document) and the duplicate check, vs a naive trigram scan`,
  async run(options: BenchOptions) {
    const size = options.size ?? DEFAULT_SIZE;
    const { database, officeIds, loadSeconds } = await openPopulation(options, size);
    try {
      const services = createServices({ database, appVersion: 'bench' });
      const caseworker = await database.db
        .selectFrom('app_user')
        .innerJoin('user_office', 'user_office.user_id', 'app_user.id')
        .innerJoin('office', 'office.id', 'user_office.office_id')
        .select([
          'app_user.id',
          'app_user.organization_id',
          'user_office.office_id',
          'office.municipality_code',
        ])
        .where('app_user.email', '=', 'gestor@ruta.example')
        .executeTakeFirstOrThrow();
      const actor: Actor = {
        userId: caseworker.id,
        role: 'caseworker',
        organizationId: caseworker.organization_id,
        officeIds: [caseworker.office_id],
        territoryCodes: [caseworker.municipality_code.slice(0, 2)],
        via: 'session',
        scopes: ['read', 'write'],
        context: { ip: null, userAgent: null, requestId: null },
      };
      const actorOffice = officeIds.indexOf(caseworker.office_id);

      // Targets: persons of the caseworker's office, spread over the whole registry. Truth: a result is right
      // when it is the target or another record of the same real person.
      const truthOf = new Map<string, string>();
      const inScope: PersonRecord[] = [];
      let position = 0;
      for (const record of generatePersons({ seed: POPULATION_SEED, size })) {
        if (officeIndexOf(position, officeIds.length) === actorOffice) {
          // Targets are originals: a planted duplicate may lack the document its original already holds.
          if (record.truthId === record.id) inScope.push(record);
          truthOf.set(personUuid(record.id), record.truthId);
        }
        position++;
      }
      const random = seededRandom(POPULATION_SEED);
      const step = Math.max(1, Math.floor(inScope.length / QUERIES));
      const targets = inScope.filter((_, index) => index % step === 0).slice(0, QUERIES);

      const hit = (ids: string[], target: PersonRecord) =>
        ids.slice(0, 10).some((id) => truthOf.get(id) === target.truthId);

      await services.registry.searchPersons(actor, { q: 'maria garcia', limit: 10 }); // warm-up
      const nameTimes: number[] = [];
      let nameHits = 0;
      const nameQueries = targets.map((target) => typedName(target, random));
      for (const [index, q] of nameQueries.entries()) {
        const { ms, result } = await timed(() => services.registry.searchPersons(actor, { q, limit: 10 }));
        nameTimes.push(ms);
        if (
          hit(
            result.items.map((item) => item.id),
            targets[index] as PersonRecord,
          )
        )
          nameHits++;
      }

      // The naive query a first version would write: trigram similarity over the concatenated, unfolded name.
      const baselineTimes: number[] = [];
      let baselineHits = 0;
      for (const [index, q] of nameQueries.slice(0, BASELINE_QUERIES).entries()) {
        const { ms, result } = await timed(() =>
          sql<{ id: string }>`
            select p.id from person p
            where exists (select 1 from person_office po where po.person_id = p.id and po.office_id = ${caseworker.office_id})
              and similarity(lower(concat_ws(' ', p.given_name_1, p.given_name_2, p.surname_1, p.surname_2)), lower(${q})) > 0.3
            order by similarity(lower(concat_ws(' ', p.given_name_1, p.given_name_2, p.surname_1, p.surname_2)), lower(${q})) desc
            limit 10`.execute(database.db),
        );
        baselineTimes.push(ms);
        if (
          hit(
            result.rows.map((row) => row.id),
            targets[index] as PersonRecord,
          )
        )
          baselineHits++;
      }

      const documentTimes: number[] = [];
      let documentHits = 0;
      const withDocuments = targets.filter((target) => target.documents.length > 0);
      for (const target of withDocuments) {
        const document = target.documents[0] as { number: string };
        const q = typedDocument(document.number, random);
        const { ms, result } = await timed(() => services.registry.searchPersons(actor, { q, limit: 10 }));
        documentTimes.push(ms);
        if (
          hit(
            result.items.map((item) => item.id),
            target,
          )
        )
          documentHits++;
      }

      // The duplicate check of a new registration of someone already registered, typed with one mistake.
      const duplicateTimes: number[] = [];
      let duplicateHits = 0;
      for (const target of targets) {
        const words = withOneTypo([target.givenName1, target.surname1], random);
        const draft = {
          givenName1: words[0] as string,
          givenName2: target.givenName2,
          surname1: words[1] as string,
          surname2: target.surname2,
          birthDate: target.birthDate,
          documents: [],
        };
        const { ms, result } = await timed(() => services.registry.checkDuplicates(actor, draft));
        duplicateTimes.push(ms);
        if (
          result.some((candidate) => candidate.person && truthOf.get(candidate.person.id) === target.truthId)
        )
          duplicateHits++;
      }

      const figures = {
        size,
        load_s: loadSeconds,
        queries: nameTimes.length,
        p50_ms: percentile(nameTimes, 50),
        p95_ms: percentile(nameTimes, 95),
        recall_at_10: Math.round((nameHits / nameTimes.length) * 1000) / 1000,
        baseline_p50_ms: percentile(baselineTimes, 50),
        baseline_p95_ms: percentile(baselineTimes, 95),
        baseline_recall_at_10: Math.round((baselineHits / baselineTimes.length) * 1000) / 1000,
        document_p50_ms: percentile(documentTimes, 50),
        document_p95_ms: percentile(documentTimes, 95),
        document_recall: Math.round((documentHits / documentTimes.length) * 1000) / 1000,
        duplicate_check_p95_ms: percentile(duplicateTimes, 95),
        duplicate_check_recall: Math.round((duplicateHits / duplicateTimes.length) * 1000) / 1000,
      };
      printTable(`Search on ${options.engine}, ${size.toLocaleString('en')} persons`, [
        {
          measure: 'name, one typo',
          p50_ms: figures.p50_ms,
          p95_ms: figures.p95_ms,
          recall: figures.recall_at_10,
        },
        {
          measure: 'naive trigram scan [baseline]',
          p50_ms: figures.baseline_p50_ms,
          p95_ms: figures.baseline_p95_ms,
          recall: figures.baseline_recall_at_10,
        },
        {
          measure: 'document number',
          p50_ms: figures.document_p50_ms,
          p95_ms: figures.document_p95_ms,
          recall: figures.document_recall,
        },
        {
          measure: 'duplicate check',
          p50_ms: percentile(duplicateTimes, 50),
          p95_ms: figures.duplicate_check_p95_ms,
          recall: figures.duplicate_check_recall,
        },
      ]);
      return figures;
    } finally {
      await database.close();
    }
  },
};
