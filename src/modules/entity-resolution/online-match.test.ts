import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { defaultTrainedPersonModel } from '../../domain/entity-resolution/pipeline';
import { signIn, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { computeMatchKeys, keyHash, STORED_BLOCKING_RULES } from './keys-compute';
import { refreshStaleMatchKeys } from './keys-queries';
import { activeMatchModel, forgetActiveMatchModel, insertActiveMatchModel } from './model-queries';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let reception: TestSession;
let centreId: string;

async function register(payload: Record<string, unknown>) {
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      populationGroup: 'venezuelan_migrant',
      acknowledgeDuplicates: true,
      ...payload,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

async function keysOf(personId: string) {
  return database.db
    .selectFrom('person_match_keys')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

async function hashesOf(personId: string) {
  const row = await database.db
    .selectFrom('person_match_blocking')
    .select('key_hashes')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.key_hashes;
}

/** Persons the GIN index finds by one key: what the online match reads. */
async function holdersOf(key: string) {
  const rows = await database.db
    .selectFrom('person_match_blocking')
    .select('person_id')
    .where(sql<boolean>`key_hashes @> array[${keyHash(key)}]::integer[]`)
    .execute();
  return rows.map((row) => row.person_id);
}

const check = (session: TestSession, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: '/api/v1/persons/duplicate-check', payload });

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  centreId = (
    await database.db
      .selectFrom('office')
      .select('id')
      .where('name', '=', 'Centro Intégrate Barranquilla')
      .executeTakeFirstOrThrow()
  ).id;
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
});
afterAll(() => app.close());

describe('stored match keys', () => {
  it('are the same values on every engine: computed in TypeScript, prefixed by rule', () => {
    const keys = computeMatchKeys({
      givenName1: 'José',
      givenName2: null,
      surname1: 'de la Cruz',
      surname2: 'Vásquez',
      birthDate: '1990-03-07',
      sexAtBirth: 'male',
      municipalityCode: '08001',
      documents: [{ type: 'CC', number: '1.023.456' }],
    });
    expect(keys.givenNames).toEqual(['jose']);
    expect(keys.surnames).toEqual(['cruz', 'vasquez']);
    expect(keys.documentDigits).toEqual(['1023456']);
    expect(keys.blockingKeys).toContain('d:1023456');
    // Every key of every rule once, behind the rule's prefix, so keys of two rules never meet.
    const perRule = STORED_BLOCKING_RULES.map((rule) => new Set(rule.keys(keys.prepared)).size);
    expect(keys.blockingKeys).toHaveLength(perRule.reduce((a, b) => a + b, 0));
    expect(new Set(keys.blockingKeys).size).toBe(keys.blockingKeys.length);
    expect(keys.blockingKeys.every((key) => /^[a-zA-Z0-9]+-?:./.test(key))).toBe(true);
    expect(keys.keyHashes).toEqual([...new Set(keys.blockingKeys.map(keyHash))]);
    // FNV-1a 32-bit, signed: fixed values, so a change of the function is caught (stored hashes would go stale).
    expect(keyHash('')).toBe(0x811c9dc5 | 0);
    expect(keyHash('a')).toBe(0xe40c292c | 0);
    expect(keyHash('foobar')).toBe(0xbf9cf968 | 0);
  });

  it('keep an anchored rule apart for records that are not its anchors, as blocking does', () => {
    const person = (givenName2: string | null) =>
      computeMatchKeys({
        givenName1: 'José',
        givenName2,
        surname1: 'Pérez',
        surname2: 'Gómez',
        birthDate: '1990-03-07',
        sexAtBirth: 'male',
        municipalityCode: null,
        documents: [],
      });
    // nameWordDateSex pairs only records with at most three name words with anyone.
    const three = person(null);
    const four = person('Luis');
    expect(three.blockingKeys.some((k) => k.startsWith('wd:'))).toBe(true);
    expect(four.blockingKeys.some((k) => k.startsWith('wd:'))).toBe(false);
    expect(four.blockingKeys.some((k) => k.startsWith('wd-:'))).toBe(true);
    // An anchor looks for everyone; the other only for anchors.
    expect(three.queryKeys.some((k) => k.startsWith('wd-:'))).toBe(true);
    expect(four.queryKeys.some((k) => k.startsWith('wd-:'))).toBe(false);
    expect(four.queryKeys.filter((k) => k.startsWith('wd:'))).toEqual(
      four.blockingKeys.filter((k) => k.startsWith('wd-:')).map((k) => k.replace('wd-:', 'wd:')),
    );
  });

  it('are written at registration and rewritten by an update', async () => {
    const person = await register({
      givenName1: 'Wilmer',
      surname1: 'Quintanilla',
      birthDate: '1984-05-09',
      documents: [{ type: 'PPT', number: '9182736' }],
    });
    const first = await keysOf(person.id);
    expect(first).toMatchObject({ surnames: ['quintanilla'], document_digits: ['9182736'] });
    expect(await holdersOf('d:9182736')).toEqual([person.id]);
    const updated = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${person.id}`,
      payload: { version: person.version, surname1: 'Kintanilla', birthDate: '1985-05-09' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const second = await keysOf(person.id);
    expect(second).toMatchObject({ surnames: ['kintanilla'] });
    // Keys of the old birth year are gone: nobody finds the person by them any more.
    const keysOfDraft = (surname1: string, birthDate: string) =>
      computeMatchKeys({
        givenName1: 'Wilmer',
        givenName2: null,
        surname1,
        surname2: null,
        birthDate,
        sexAtBirth: null,
        municipalityCode: null,
        documents: [{ type: 'PPT', number: '9182736' }],
      });
    const before = keysOfDraft('Quintanilla', '1984-05-09');
    const after = keysOfDraft('Kintanilla', '1985-05-09');
    expect(first?.prepared).toEqual(JSON.parse(JSON.stringify(before.prepared)));
    expect(second?.prepared).toEqual(JSON.parse(JSON.stringify(after.prepared)));
    expect(await hashesOf(person.id)).toEqual(after.keyHashes);
    const stale = before.blockingKeys.filter((key) => !after.blockingKeys.includes(key));
    expect(stale.length).toBeGreaterThan(0);
    for (const key of stale) expect(await holdersOf(key)).not.toContain(person.id);
    for (const key of after.blockingKeys) expect(await holdersOf(key)).toContain(person.id);
  });

  it('follow a merge (the merged-away record has none) and its undo', async () => {
    const survivor = await register({ givenName1: 'Yeison', surname1: 'Ochoa', birthDate: '1979-11-30' });
    const merged = await register({
      givenName1: 'Yeison',
      surname1: 'Ochoa',
      surname2: 'Pertuz',
      birthDate: '1979-11-30',
      documents: [{ type: 'CC', number: '72123987' }],
    });
    const response = await caseworker.request({
      method: 'POST',
      url: '/api/v1/person-merges',
      payload: {
        survivorId: survivor.id,
        mergedId: merged.id,
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
        takeFromMerged: ['surname2'],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await keysOf(survivor.id)).toMatchObject({
      surnames: ['ochoa', 'pertuz'],
      document_digits: ['72123987'],
    });
    expect(await keysOf(merged.id)).toBeUndefined();
    expect(await holdersOf('d:72123987')).toEqual([survivor.id]);

    const undo = await caseworker.request({
      method: 'POST',
      url: `/api/v1/person-merges/${response.json().mergeId}/undo`,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await keysOf(survivor.id)).toMatchObject({ surnames: ['ochoa'], document_digits: [] });
    expect(await keysOf(merged.id)).toMatchObject({ document_digits: ['72123987'] });
  });

  it('are written for each person an import creates', async () => {
    const csv = Buffer.from(
      '\uFEFFPrimer nombre;Primer apellido;Tipo de documento;No. documento;Fecha de nacimiento\r\n' +
        'Deisy;Importadaclave;CC;63111222;1992-02-14\r\n',
      'utf8',
    );
    const uploaded = await caseworker.request({
      method: 'POST',
      url: '/api/v1/imports',
      query: { officeId: centreId, fileName: 'claves.csv' },
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { job } = uploaded.json();
    await caseworker.request({
      method: 'PUT',
      url: `/api/v1/imports/${job.id}/mapping`,
      payload: { mapping: job.mapping, defaultPopulationGroup: 'venezuelan_migrant' },
    });
    await caseworker.request({
      method: 'POST',
      url: `/api/v1/imports/${job.id}/start`,
      payload: { mode: 'skipInvalid' },
    });
    for (;;) {
      const state = (await caseworker.request({ method: 'GET', url: `/api/v1/imports/${job.id}` })).json();
      if (!['queued', 'running'].includes(state.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const person = await database.db
      .selectFrom('person')
      .select('id')
      .where('surname_1', '=', 'Importadaclave')
      .executeTakeFirstOrThrow();
    expect(await keysOf(person.id)).toMatchObject({
      given_names: ['deisy'],
      document_digits: ['63111222'],
    });
  });

  it('exist for every seeded person, and the backfill computes what the write paths stored', async () => {
    const missing = await database.db
      .selectFrom('person')
      .select('id')
      .where('merged_into_id', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('person_match_keys as k')
              .select('k.person_id')
              .whereRef('k.person_id', '=', 'person.id'),
          ),
        ),
      )
      .execute();
    expect(missing).toEqual([]);
    const read = (ids?: string[]) => {
      let query = database.db
        .selectFrom('person_match_keys as k')
        .innerJoin('person_match_blocking as b', 'b.person_id', 'k.person_id')
        .select(['k.person_id', 'k.prepared', 'k.given_names', 'k.surnames', 'k.phonetic', 'b.key_hashes'])
        .orderBy('k.person_id');
      if (ids) query = query.where('k.person_id', 'in', ids);
      return query.limit(20).execute();
    };
    const before = await read();
    const ids = before.map((row) => row.person_id);
    const [gone, ...rest] = ids;
    const outdated = rest.slice(0, 5);
    await database.db
      .deleteFrom('person_match_blocking')
      .where('person_id', '=', gone as string)
      .execute();
    await database.db
      .deleteFrom('person_match_keys')
      .where('person_id', '=', gone as string)
      .execute();
    // Keys an older version of the rules computed: wrong hashes, and the version says so.
    await database.db
      .updateTable('person_match_blocking')
      .set({ key_hashes: [1, 2, 3] })
      .where('person_id', 'in', outdated)
      .execute();
    await database.db
      .updateTable('person_match_keys')
      .set({ keys_version: 0 })
      .where('person_id', 'in', outdated)
      .execute();
    expect(await refreshStaleMatchKeys(database.db, 7)).toBe(1 + outdated.length);
    expect(await read(ids)).toEqual(before);
    expect(await refreshStaleMatchKeys(database.db)).toBe(0);
  });
});

describe('online match (duplicate check)', () => {
  it('looks keys up through the GIN index', async () => {
    // A demo-sized table is read faster sequentially; what matters is that the index serves the operator used.
    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<Record<string, string>>`explain
        select h.hash, c.person_id from unnest(${[keyHash('d:1045678123'), 17]}::integer[]) as h(hash)
        cross join lateral (
          select person_id from person_match_blocking where key_hashes @> array[h.hash] limit 301
        ) as c`.execute(trx);
      return rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain('person_match_blocking_keys');
  });

  const look = {
    givenName1: 'Wilmar',
    surname1: 'Cárdenas',
    surname2: 'Ruiz',
    birthDate: '1991-04-06',
    sexAtBirth: 'male',
  };

  beforeAll(async () => {
    await register({ ...look, givenName1: 'Wilmar', documents: [{ type: 'CC', number: '1045678123' }] });
  });

  it('scores with the model and explains each field with its weight', async () => {
    const response = await check(caseworker, {
      ...look,
      surname1: 'Cardenas',
      surname2: null,
      birthDate: '1991-06-04',
    });
    expect(response.statusCode).toBe(200);
    const [candidate] = response.json().candidates;
    expect(candidate).toMatchObject({
      decision: expect.stringMatching(/^(same|review)$/),
      person: { displayName: 'Wilmar Cárdenas Ruiz' },
      reasons: ['similarName', 'missingSecondSurname', 'swappedDayMonth'],
    });
    expect(candidate.probability).toBeGreaterThanOrEqual(0.5);
    const fields = Object.fromEntries(
      candidate.explanation.fields.map((f: { field: string; label: string; weight: number }) => [f.field, f]),
    );
    expect(fields.givenNames).toMatchObject({ label: 'exact' });
    expect(fields.givenNames.weight).toBeGreaterThan(0);
    expect(fields.surnames).toMatchObject({ label: 'missingSecond' });
    expect(fields.birthDate).toMatchObject({ label: 'swappedDayMonth' });
    expect(fields.document).toMatchObject({ label: 'null', weight: 0 });
    const sum =
      candidate.explanation.priorWeight +
      candidate.explanation.fields.reduce(
        (total: number, f: { weight: number; tfAdjustment: number }) => total + f.weight + f.tfAdjustment,
        0,
      );
    expect(candidate.explanation.totalWeight).toBeCloseTo(sum, 6);
  });

  it('finds the same number filed under another document type', async () => {
    const response = await check(caseworker, {
      givenName1: 'Otro',
      surname1: 'Nombre',
      documents: [{ type: 'PPT', number: '1045678123' }],
    });
    const [candidate] = response.json().candidates;
    expect(candidate.reasons).toContain('sameNumberOtherDocumentType');
    expect(candidate.person.displayName).toBe('Wilmar Cárdenas Ruiz');
  });

  it('shows staff of another office only the office, and no personal data', async () => {
    const response = await check(reception, { ...look, surname2: null });
    expect(response.statusCode).toBe(200);
    const [candidate] = response.json().candidates;
    expect(candidate).toMatchObject({ person: null, officeName: 'Centro Intégrate Barranquilla' });
    expect(response.body).not.toContain('1045678123');
    expect(response.body).not.toContain('Wilmar');
    // Which fields agreed would give the record away to someone trying drafts.
    expect(candidate.explanation).toBeNull();
    expect(candidate.reasons).toEqual([]);
  });

  it('is refused to roles that never read persons', async () => {
    const { session: analyst } = await signIn(app, 'analista@ruta.example');
    expect((await check(analyst, look)).statusCode).toBe(403);
  });

  it('offers nobody for a different person, and uses the active model’s thresholds', async () => {
    const other = await check(caseworker, {
      givenName1: 'Nayeli',
      surname1: 'Zambrano',
      birthDate: '2001-01-01',
    });
    expect(other.json().candidates).toEqual([]);
    // A brother born the same day: surnames and date weigh a lot, but no name or document agrees.
    const brother = await check(caseworker, { ...look, givenName1: 'Jhon' });
    expect(brother.json().candidates).toEqual([]);

    const draft = { ...look, surname1: 'Cardenas', surname2: null, birthDate: '1991-06-04' };
    expect((await check(caseworker, draft)).json().candidates).toHaveLength(1);
    // A stricter model (as a coordinator's thresholds would store it) no longer offers the weaker match.
    const trained = { ...defaultTrainedPersonModel(), sameThreshold: 1, reviewThreshold: 1 - 1e-15 };
    await database.db.transaction().execute((trx) =>
      insertActiveMatchModel(trx, {
        id: uuidv7(),
        createdBy: null,
        source: 'thresholds',
        runId: null,
        trained,
      }),
    );
    expect((await activeMatchModel(database.db)).id).not.toBeNull();
    expect((await check(caseworker, draft)).json().candidates).toEqual([]);
    await database.db.deleteFrom('match_model').execute();
    forgetActiveMatchModel();
    expect((await activeMatchModel(database.db)).id).toBeNull();
  });
});
