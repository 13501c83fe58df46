import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database, IdentityDocumentTable, PersonTable } from '../../db/schema';
import { diffFields } from '../../domain/audit/field-changes';
import { colombianDate } from '../../domain/calendar';
import { FIELD_INDEX, LEVEL } from '../../domain/entity-resolution/comparisons';
import { checkDocumentNumber, normalizeDocumentNumber } from '../../domain/registry/document-number';
import type { DocumentType } from '../../domain/registry/document-types';
import type { MatchReason } from '../../domain/registry/duplicates';
import { ageOn, householdComposition, type MemberFacts } from '../../domain/registry/household-composition';
import {
  checkMaternity,
  type Maternity,
  type MaternityStatus,
  maternityApplies,
} from '../../domain/registry/maternity';
import { nameQuery } from '../../domain/registry/name-keys';
import { displayName } from '../../domain/registry/names';
import { normalizePhone } from '../../domain/registry/phone';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { AuditService } from '../audit/service';
import { refreshMatchKeys } from '../entity-resolution/keys-queries';
import { onlineMatch } from '../entity-resolution/online-match';
import type { Actor } from '../identity/actor';
import { createMergeService } from './merge-service';
import { nameColumns } from './name-columns';
import { registryPolicy } from './policy';
import * as q from './queries';
import type {
  CONSENT_PURPOSES,
  ConsentCreate,
  DuplicateCheck,
  HouseholdCreate,
  HouseholdMemberAdd,
  PersonCreate,
  PersonFields,
  PersonSearchQuery,
  PersonTimelineQuery,
  PersonUpdate,
  RELATIONSHIPS,
} from './schemas';
import { changesOf, presentTimelineEntry } from './timeline';

type PersonRow = Selectable<PersonTable>;
type DocumentRow = Selectable<IdentityDocumentTable>;
type Fields = Partial<z.infer<typeof PersonFields>>;

const SHOWN_CANDIDATES = 10;

/**
 * The reasons the earlier duplicate check gave, read from the comparison levels, for clients that show them
 * (the explanation carries the weights). Document reasons come from the stored numbers, as before.
 */
function matchReasons(levels: readonly number[], sameDocument: boolean, sameNumber: boolean): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (sameDocument) reasons.push('sameDocument');
  else if (sameNumber) reasons.push('sameNumberOtherDocumentType');
  const given = levels[FIELD_INDEX.givenNames] ?? 0;
  const surnames = levels[FIELD_INDEX.surnames] ?? 0;
  const transposed = levels[FIELD_INDEX.transposed] === LEVEL.transposed.yes;
  if (given === LEVEL.givenNames.exact && surnames === LEVEL.surnames.exact) reasons.push('sameName');
  else if (given > LEVEL.givenNames.different || surnames > LEVEL.surnames.different || transposed) {
    reasons.push('similarName');
  }
  if (surnames === LEVEL.surnames.missingSecond) reasons.push('missingSecondSurname');
  if (surnames === LEVEL.surnames.swapped) reasons.push('swappedSurnames');
  const birth = levels[FIELD_INDEX.birthDate];
  if (birth === LEVEL.birthDate.exact) reasons.push('sameBirthDate');
  else if (birth === LEVEL.birthDate.swappedDayMonth) reasons.push('swappedDayMonth');
  return reasons;
}

/** Some agreement of the given names (a shared name, a nickname, a similar spelling), a transposition, or a document. */
function namesOrDocumentAgree(levels: readonly number[]): boolean {
  return (
    (levels[FIELD_INDEX.givenNames] ?? 0) > LEVEL.givenNames.different ||
    levels[FIELD_INDEX.transposed] === LEVEL.transposed.yes ||
    (levels[FIELD_INDEX.document] ?? 0) > LEVEL.document.unrelated
  );
}

/** Maps the API's fields to columns, validating what the schema cannot (phone, document numbers). */
function toColumns(fields: Fields): Partial<Record<keyof PersonTable, unknown>> {
  const columns: Partial<Record<keyof PersonTable, unknown>> = {};
  const problems: Array<{ path: string; messageKey: string }> = [];
  const set = <K extends keyof PersonTable>(key: K, value: unknown) => {
    if (value !== undefined) columns[key] = value;
  };
  set('given_name_1', fields.givenName1);
  set('given_name_2', fields.givenName2);
  set('surname_1', fields.surname1);
  set('surname_2', fields.surname2);
  set('preferred_name', fields.preferredName);
  set('sex_at_birth', fields.sexAtBirth);
  set('gender_identity', fields.genderIdentity);
  set('birth_date', fields.birthDate);
  set('birth_date_estimated', fields.birthDateEstimated);
  set('nationalities', fields.nationalities);
  set('previous_residence_country', fields.previousResidenceCountry);
  set('population_group', fields.populationGroup);
  set('ethnic_group', fields.ethnicGroup);
  set('languages', fields.languages);
  set('email', fields.email?.toLowerCase() ?? fields.email);
  set('address_line', fields.addressLine);
  set('neighbourhood', fields.neighbourhood);
  set('municipality_code', fields.municipalityCode);
  if (fields.phone !== undefined) {
    const phone = fields.phone ? normalizePhone(fields.phone) : null;
    if (fields.phone && !phone) problems.push({ path: 'phone', messageKey: 'registry.phone' });
    columns.phone_e164 = phone;
  }
  if (fields.disability !== undefined) {
    const d = fields.disability ?? {};
    Object.assign(columns, {
      wg_seeing: d.seeing ?? null,
      wg_hearing: d.hearing ?? null,
      wg_walking: d.walking ?? null,
      wg_cognition: d.cognition ?? null,
      wg_self_care: d.selfCare ?? null,
      wg_communication: d.communication ?? null,
    });
  }
  if (fields.returnData !== undefined) {
    const r = fields.returnData ?? {};
    Object.assign(columns, {
      return_type: r.returnType ?? null,
      rur_registered: r.rurRegistered ?? null,
      arrival_date: r.arrivalDate ?? null,
      arrival_mode: r.arrivalMode ?? null,
      arrival_post: r.arrivalPost ?? null,
      returned_from_country: r.returnedFromCountry ?? null,
      years_abroad: r.yearsAbroad ?? null,
      return_voluntary: r.voluntary ?? null,
    });
  }
  if (fields.birthDate && fields.birthDate > new Date().toISOString().slice(0, 10)) {
    problems.push({ path: 'birthDate', messageKey: 'registry.birthDateInFuture' });
  }
  if (problems.length) throw new InvalidFieldsError(problems);
  return columns;
}

function storedMaternity(row: {
  maternity_status: string | null;
  maternity_since: string | null;
  maternity_until: string | null;
}): Maternity | null {
  return row.maternity_status
    ? {
        status: row.maternity_status as MaternityStatus,
        since: row.maternity_since,
        until: row.maternity_until,
      }
    : null;
}

/**
 * The maternity columns to write, checked against the sex at birth the record will have (the one sent, or the
 * stored one) and today. Who recorded it and when change only when the status or its dates do.
 */
function maternityColumns(fields: Fields, current: PersonRow | null, actor: Actor, today: string) {
  const sent = fields.maternity !== undefined;
  const sex = fields.sexAtBirth !== undefined ? (fields.sexAtBirth ?? null) : (current?.sex_at_birth ?? null);
  const next: Maternity | null = sent
    ? fields.maternity
      ? {
          status: fields.maternity.status,
          since: fields.maternity.since ?? null,
          until: fields.maternity.until ?? null,
        }
      : null
    : current
      ? storedMaternity(current)
      : null;
  const problems = checkMaternity(next, sex, today, sent);
  if (problems.length) {
    throw new InvalidFieldsError(
      problems.map((p) => ({ path: p.path, messageKey: `registry.maternity.${p.problem}` })),
    );
  }
  if (!sent) return {};
  const columns = {
    maternity_status: next?.status ?? null,
    maternity_since: next?.since ?? null,
    maternity_until: next?.until ?? null,
    maternity_until_estimated: next ? (fields.maternity?.untilEstimated ?? false) : null,
  };
  const unchanged =
    current !== null &&
    (Object.keys(columns) as Array<keyof typeof columns>).every((key) => current[key] === columns[key]);
  if (unchanged) return {};
  return {
    ...columns,
    maternity_recorded_by: next ? actor.userId : null,
    maternity_recorded_at: next ? new Date() : null,
  };
}

function checkedDocuments<T extends { type: DocumentType; number: string }>(documents: T[]) {
  const problems: Array<{ path: string; messageKey: string }> = [];
  const checked = documents.map((document, index) => {
    const result = checkDocumentNumber(document.type, document.number);
    for (const problem of result.problems) {
      problems.push({ path: `documents.${index}.number`, messageKey: `registry.document.${problem}` });
    }
    return { ...document, normalized: result.normalized };
  });
  if (problems.length) throw new InvalidFieldsError(problems);
  return checked;
}

function presentPerson(person: PersonRow, documents: DocumentRow[], officeIds: string[], actor: Actor) {
  const sensitive = registryPolicy.readSensitive(actor);
  return {
    id: person.id,
    displayName: displayName({
      givenName1: person.given_name_1,
      givenName2: person.given_name_2,
      surname1: person.surname_1,
      surname2: person.surname_2,
    }),
    givenName1: person.given_name_1,
    givenName2: person.given_name_2,
    surname1: person.surname_1,
    surname2: person.surname_2,
    preferredName: person.preferred_name,
    sexAtBirth: person.sex_at_birth,
    birthDate: person.birth_date,
    birthDateEstimated: person.birth_date_estimated,
    nationalities: person.nationalities.map((code) => code.trim()),
    previousResidenceCountry: person.previous_residence_country,
    populationGroup: person.population_group,
    languages: person.languages,
    phone: person.phone_e164,
    email: person.email,
    addressLine: person.address_line,
    neighbourhood: person.neighbourhood,
    municipalityCode: person.municipality_code,
    returnData: {
      returnType: person.return_type,
      rurRegistered: person.rur_registered,
      arrivalDate: person.arrival_date,
      arrivalMode: person.arrival_mode,
      arrivalPost: person.arrival_post,
      returnedFromCountry: person.returned_from_country,
      yearsAbroad: person.years_abroad,
      voluntary: person.return_voluntary,
    },
    sensitive: sensitive
      ? {
          genderIdentity: person.gender_identity,
          ethnicGroup: person.ethnic_group,
          disability: {
            seeing: person.wg_seeing,
            hearing: person.wg_hearing,
            walking: person.wg_walking,
            cognition: person.wg_cognition,
            selfCare: person.wg_self_care,
            communication: person.wg_communication,
          },
          maternity: person.maternity_status
            ? {
                status: person.maternity_status as MaternityStatus,
                since: person.maternity_since,
                until: person.maternity_until,
                untilEstimated: person.maternity_until_estimated ?? false,
                current: maternityApplies(storedMaternity(person), todayIn()),
                recordedAt: person.maternity_recorded_at?.toISOString() ?? null,
                recordedBy: person.maternity_recorded_by,
              }
            : null,
        }
      : null,
    documents: documents.map((document) => ({
      id: document.id,
      type: document.document_type as DocumentType,
      number: document.number,
      issuingCountry: document.issuing_country,
      issuedOn: document.issued_on,
      expiresOn: document.expires_on,
    })),
    registeredOfficeId: person.registered_office_id,
    officeIds,
    version: person.version,
    abilities: { update: registryPolicy.update(actor, { officeIds }), readSensitive: sensitive },
  };
}

function hasSensitiveData(person: PersonRow): boolean {
  return [
    person.gender_identity,
    person.ethnic_group,
    person.wg_seeing,
    person.wg_hearing,
    person.wg_walking,
    person.wg_cognition,
    person.wg_self_care,
    person.wg_communication,
    person.maternity_status,
  ].some((value) => value !== null);
}

/** The same day `years` years earlier (28 February for a 29th in a common year). */
function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const date = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

function todayIn(): string {
  return colombianDate(new Date());
}

function assertOneHead(relationships: string[]) {
  const heads = relationships.filter((r) => r === 'head').length;
  if (heads !== 1) {
    throw new InvalidFieldsError([
      {
        path: 'members',
        messageKey: heads === 0 ? 'registry.household.noHead' : 'registry.household.twoHeads',
      },
    ]);
  }
}

/** The composition today; the count of pregnant or lactating women is health data, withheld from other roles. */
function compositionFor(actor: Actor, members: MemberFacts[]) {
  const composition = householdComposition(members, todayIn());
  return {
    ...composition,
    pregnantOrLactating: registryPolicy.readSensitive(actor) ? composition.pregnantOrLactating : null,
  };
}

function presentConsent(row: Selectable<Database['consent']>) {
  return {
    id: row.id,
    purpose: row.purpose as (typeof CONSENT_PURPOSES)[number],
    givenBy: row.given_by as 'self' | 'guardian',
    guardianName: row.guardian_name,
    method: row.method as 'written' | 'verbal' | 'digital',
    grantedAt: row.granted_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export function createRegistryService({ db, audit }: { db: Kysely<Database>; audit: AuditService }) {
  const merges = createMergeService({ db, audit });

  async function loadReadable(actor: Actor, id: string) {
    const person = await q.findPersonById(db, id);
    if (!person) throw new AppError('notFound');
    const officeIds = await q.findOfficeIdsOfPerson(db, id);
    if (!registryPolicy.read(actor, { officeIds })) throw new AppError('notFound');
    // A merged-away id still resolves: it says where the person's record is now.
    if (person.merged_into_id) throw new AppError('mergedPerson', {}, { mergedInto: person.merged_into_id });
    return { person, officeIds };
  }

  async function loadHousehold(actor: Actor, id: string) {
    const household = await q.findHouseholdById(db, id);
    if (!household || !registryPolicy.read(actor, { officeIds: [household.registered_office_id] })) {
      throw new AppError('notFound');
    }
    return household;
  }

  async function moveInto(
    trx: Kysely<Database>,
    householdId: string,
    personId: string,
    relationship: string,
    day: string,
  ) {
    const current = await q.findCurrentMembership(trx, personId);
    if (current) await q.endMembership(trx, current.id, day);
    await q.insertMembership(trx, {
      id: uuidv7(),
      household_id: householdId,
      person_id: personId,
      relationship,
      joined_on: day,
    });
  }

  async function presentHousehold(actor: Actor, id: string) {
    const household = await loadHousehold(actor, id);
    const memberships = await q.findMemberships(db, id);
    const name = (m: (typeof memberships)[number]) =>
      displayName({
        givenName1: m.given_name_1,
        givenName2: m.given_name_2,
        surname1: m.surname_1,
        surname2: m.surname_2,
      });
    const current = memberships.filter((m) => m.left_on === null);
    return {
      id: household.id,
      addressLine: household.address_line,
      neighbourhood: household.neighbourhood,
      municipalityCode: household.municipality_code,
      registeredOfficeId: household.registered_office_id,
      version: household.version,
      members: current.map((m) => ({
        personId: m.person_id,
        displayName: name(m),
        relationship: m.relationship as (typeof RELATIONSHIPS)[number],
        joinedOn: m.joined_on,
      })),
      formerMembers: memberships
        .filter((m) => m.left_on !== null)
        .map((m) => ({
          personId: m.person_id,
          displayName: name(m),
          relationship: m.relationship as (typeof RELATIONSHIPS)[number],
          joinedOn: m.joined_on,
          leftOn: m.left_on as string,
        })),
      composition: compositionFor(
        actor,
        current.map((m) => ({
          birthDate: m.birth_date,
          sexAtBirth: m.sex_at_birth,
          maternity: storedMaternity(m),
          disability: [
            m.wg_seeing,
            m.wg_hearing,
            m.wg_walking,
            m.wg_cognition,
            m.wg_self_care,
            m.wg_communication,
          ],
        })),
      ),
    };
  }

  /**
   * Likely existing records of the person described, scored with the active match model and explained (the
   * online match of entity resolution). Matches in offices the caller does not work in are reported without
   * personal data: only that office is named, so staff can coordinate.
   */
  async function findDuplicates(actor: Actor, draft: z.infer<typeof DuplicateCheck>) {
    const documents = draft.documents.map((d) => ({
      type: d.type,
      numberNormalized: normalizeDocumentNumber(d.number),
    }));
    const byNumber = await q.findDocumentsByNumbers(
      db,
      documents.map((d) => d.numberNormalized).filter(Boolean),
    );
    const matches = await onlineMatch(
      db,
      {
        givenName1: draft.givenName1,
        givenName2: draft.givenName2 ?? null,
        surname1: draft.surname1,
        surname2: draft.surname2 ?? null,
        birthDate: draft.birthDate ?? null,
        sexAtBirth: draft.sexAtBirth ?? null,
        municipalityCode: draft.municipalityCode ?? null,
        documents: draft.documents,
      },
      { alsoScore: [...new Set(byNumber.map((d) => d.person_id))], limit: 2 * SHOWN_CANDIDATES },
    );
    // A registered document number is always shown, whatever the model says about the rest. Otherwise the model
    // must say "same" or "review" and the names or a document must agree in some way: a brother born the same
    // day, with the same surnames and another given name, is not a look-alike however much the rest weighs.
    const holders = new Set(byNumber.map((d) => d.person_id));
    const shown = matches
      .filter(
        (m) =>
          holders.has(m.personId) ||
          (m.decision !== 'different' && namesOrDocumentAgree(m.explanation.levels)),
      )
      .slice(0, SHOWN_CANDIDATES);
    const officeNames = new Map(
      (await q.findOfficeNames(db, [...new Set(shown.map((c) => c.registeredOfficeId))])).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const result = [];
    for (const match of shown) {
      const owned = byNumber.filter((d) => d.person_id === match.personId);
      const sameDocument = owned.some((o) =>
        documents.some((d) => d.type === o.document_type && d.numberNormalized === o.number_normalized),
      );
      const officeIds = await q.findOfficeIdsOfPerson(db, match.personId);
      const visible = registryPolicy.read(actor, { officeIds });
      const { explanation } = match;
      const reasons = matchReasons(explanation.levels, sameDocument, owned.length > 0 && !sameDocument);
      if (!visible) {
        // Which fields agreed, and how much, would let someone who may not read this record work its details
        // out by trying drafts: staff of another office learn only that the office holds a match, how likely
        // it is, and whether the document they typed is the one registered there.
        result.push({
          score: Math.round(match.probability * 100) / 100,
          probability: Math.round(match.probability * 100) / 100,
          decision: match.decision === 'different' ? ('review' as const) : match.decision,
          explanation: null,
          reasons: reasons.filter((reason) => reason === 'sameDocument'),
          person: null,
          officeName: officeNames.get(match.registeredOfficeId) ?? '',
        });
        continue;
      }
      result.push({
        score: Math.round(match.probability * 100) / 100,
        probability: match.probability,
        decision: match.decision === 'different' ? ('review' as const) : match.decision,
        explanation: {
          priorWeight: explanation.priorWeight,
          totalWeight: explanation.totalWeight,
          probability: explanation.probability,
          veto: explanation.veto,
          fields: explanation.fields.map((f) => ({
            field: f.field,
            label: f.label,
            weight: f.weight,
            tfAdjustment: f.tfAdjustment,
          })),
        },
        reasons,
        person: { id: match.personId, displayName: displayName(match), birthDate: match.birthDate },
        officeName: officeNames.get(match.registeredOfficeId) ?? '',
      });
    }
    return result;
  }

  return {
    ...merges,

    /**
     * For other modules (characterization, needs): the offices serving a person the caller may read, without
     * reading the record itself. Same 404 and 410 answers as getPerson.
     */
    async personAccess(actor: Actor, id: string) {
      const { person, officeIds } = await loadReadable(actor, id);
      return { officeIds, registeredOfficeId: person.registered_office_id };
    },

    /** For other modules: the office of a household the caller may read (404 otherwise). */
    async householdAccess(actor: Actor, id: string) {
      const household = await loadHousehold(actor, id);
      return {
        officeIds: [household.registered_office_id],
        registeredOfficeId: household.registered_office_id,
      };
    },

    /**
     * For other modules, inside their transaction: an office serves the person from now on (a case transferred
     * to it, say), so its staff may read them.
     */
    async servePersonAtOffice(trx: Kysely<Database>, personId: string, officeId: string) {
      await q.addPersonOffices(trx, personId, [officeId]);
    },

    checkDuplicates(actor: Actor, draft: z.infer<typeof DuplicateCheck>) {
      if (!registryPolicy.search(actor)) throw new AppError('forbidden');
      return findDuplicates(actor, draft);
    },

    /**
     * Registers a person at one of the caller's offices. Likely duplicates (the match model's "same person" or
     * "review", or a registered document number) stop the registration (409 with the candidates) until the
     * caseworker acknowledges them; a document already registered always stops it.
     */
    async registerPerson(actor: Actor, input: z.infer<typeof PersonCreate>) {
      if (!registryPolicy.register(actor, input.officeId)) throw new AppError('forbidden');
      const documents = checkedDocuments(input.documents);
      const candidates = await findDuplicates(actor, input);
      const blocking = candidates.filter((c) => c.reasons.includes('sameDocument'));
      if (blocking.length || (!input.acknowledgeDuplicates && candidates.length > 0)) {
        throw new AppError(
          'possibleDuplicates',
          {},
          { candidates, mustMergeOrUseExisting: blocking.length > 0 },
        );
      }
      if (input.maternity !== undefined && !registryPolicy.readSensitive(actor))
        throw new AppError('forbidden');
      const columns = { ...toColumns(input), ...maternityColumns(input, null, actor, todayIn()) };
      const id = uuidv7();
      const person = await db.transaction().execute(async (trx) => {
        const row = await q.insertPerson(
          trx,
          {
            ...(columns as Updateable<PersonTable>),
            id,
            given_name_1: input.givenName1,
            surname_1: input.surname1,
            population_group: input.populationGroup,
            ...nameColumns(input),
            registered_office_id: input.officeId,
            created_by: actor.userId,
          } as Insertable<PersonTable>,
          documents.map((document) => ({
            id: uuidv7(),
            person_id: id,
            document_type: document.type,
            number: document.number,
            number_normalized: document.normalized,
            issuing_country: document.issuingCountry ?? null,
            issued_on: document.issuedOn ?? null,
            expires_on: document.expiresOn ?? null,
          })),
        );
        await refreshMatchKeys(trx, [id]);
        await audit.record(trx, actor, {
          action: 'person.registered',
          recordType: 'person',
          recordId: id,
          officeId: input.officeId,
          changes: {
            after: {
              displayName: displayName(input),
              documents: documents.map((d) => `${d.type} ${d.normalized}`),
            },
          },
        });
        return row;
      });
      const stored = await q.findDocumentsOfPersons(db, [id]);
      return presentPerson(person, stored, [input.officeId], actor);
    },

    /** One person's record; reading one that holds sensitive data is audited (Ley 1581 art. 5). */
    async getPerson(actor: Actor, id: string) {
      const { person, officeIds } = await loadReadable(actor, id);
      const documents = await q.findDocumentsOfPersons(db, [id]);
      if (registryPolicy.readSensitive(actor) && hasSensitiveData(person)) {
        await audit.record(db, actor, {
          action: 'person.sensitive_read',
          recordType: 'person',
          recordId: id,
        });
      }
      return presentPerson(person, documents, officeIds, actor);
    },

    /** Changes a person at the version the caller read; a stale version gets 409 with the current record. */
    async updatePerson(actor: Actor, id: string, input: z.infer<typeof PersonUpdate>) {
      const { person, officeIds } = await loadReadable(actor, id);
      if (!registryPolicy.update(actor, { officeIds })) throw new AppError('forbidden');
      const sensitiveKeys = ['genderIdentity', 'ethnicGroup', 'disability', 'maternity'] as const;
      if (!registryPolicy.readSensitive(actor) && sensitiveKeys.some((key) => input[key] !== undefined)) {
        throw new AppError('forbidden');
      }
      const { version, ...fields } = input;
      const columns = { ...toColumns(fields), ...maternityColumns(fields, person, actor, todayIn()) };
      const names = {
        givenName1: fields.givenName1 ?? person.given_name_1,
        givenName2: fields.givenName2 !== undefined ? fields.givenName2 : person.given_name_2,
        surname1: fields.surname1 ?? person.surname_1,
        surname2: fields.surname2 !== undefined ? fields.surname2 : person.surname_2,
      };
      const updated = await db.transaction().execute(async (trx) => {
        const row = await q.updatePersonAtVersion(trx, id, version, {
          ...(columns as Updateable<PersonTable>),
          ...nameColumns(names),
        });
        if (!row) return null;
        await refreshMatchKeys(trx, [id]);
        const before = Object.fromEntries(
          Object.keys(columns).map((key) => [key, person[key as keyof PersonRow]]),
        );
        await audit.record(trx, actor, {
          action: 'person.updated',
          recordType: 'person',
          recordId: id,
          officeId: person.registered_office_id,
          changes: diffFields(before, columns),
        });
        return row;
      });
      const documents = await q.findDocumentsOfPersons(db, [id]);
      if (!updated) {
        const current = await q.findPersonById(db, id);
        throw new AppError(
          'conflict',
          {},
          { current: current ? presentPerson(current, documents, officeIds, actor) : null },
        );
      }
      return presentPerson(updated, documents, officeIds, actor);
    },

    /**
     * One box: a document number in any formatting, a phone, or a name in any order, with or without accents
     * and with typos; without a query, the most recently registered first. Filters narrow either. Only persons
     * of the caller's offices are found; filtering by an office the caller does not work in is refused.
     */
    async searchPersons(actor: Actor, query: z.infer<typeof PersonSearchQuery>) {
      if (!registryPolicy.search(actor)) throw new AppError('forbidden');
      if (query.officeId && !registryPolicy.listOffice(actor, query.officeId))
        throw new AppError('forbidden');
      const offset = query.cursor ?? 0;
      const today = todayIn();
      const filter: q.PersonListFilter = {
        officeIds: query.officeId ? [query.officeId] : actor.officeIds,
        populationGroup: query.populationGroup,
        municipalityCode: query.municipalityCode,
        sexAtBirth: query.sexAtBirth,
        bornOnOrBefore: query.ageFrom !== undefined ? yearsBefore(today, query.ageFrom) : undefined,
        bornAfter: query.ageTo !== undefined ? yearsBefore(today, query.ageTo + 1) : undefined,
      };
      const text = query.q;
      const digits = text?.replace(/\D/g, '') ?? '';
      const looksNumeric =
        text !== undefined &&
        digits.length >= 5 &&
        digits.length >= text.replace(/[\s.\-+()]/g, '').length - 2;
      let rows: Awaited<ReturnType<typeof q.listPersons>>;
      if (text === undefined) {
        rows = await q.listPersons(db, filter, query.limit, offset);
      } else if (looksNumeric) {
        rows = await q.searchPersonsByExact(
          db,
          { documentNumber: normalizeDocumentNumber(text) },
          filter,
          query.limit,
        );
        const phone = normalizePhone(text);
        if (rows.length === 0 && phone)
          rows = await q.searchPersonsByExact(db, { phone }, filter, query.limit);
      } else {
        rows = await q.searchPersonsByNameFiltered(db, nameQuery(text), filter, query.limit, offset);
      }
      const documents = await q.findDocumentsOfPersons(
        db,
        rows.map((row) => row.id),
      );
      return {
        items: rows.map((row) => ({
          id: row.id,
          displayName: displayName({
            givenName1: row.given_name_1,
            givenName2: row.given_name_2,
            surname1: row.surname_1,
            surname2: row.surname_2,
          }),
          birthDate: row.birth_date,
          sexAtBirth: row.sex_at_birth,
          populationGroup: row.population_group,
          phone: row.phone_e164,
          municipalityCode: row.municipality_code,
          registeredOfficeId: row.registered_office_id,
          documents: documents
            .filter((d) => d.person_id === row.id)
            .map((d) => ({ type: d.document_type, number: d.number })),
          rank: Math.round(Number(row.rank) * 1000) / 1000,
        })),
        nextCursor: !looksNumeric && rows.length === query.limit ? offset + query.limit : null,
      };
    },

    /**
     * Everything that happened to a person, newest first: registration, changes (field names; values of
     * sensitive fields never), consents, merges, household joins and departures, and, for the roles that read
     * sensitive data and only when asked, who read it. Same scope as reading the person.
     */
    async personTimeline(actor: Actor, id: string, query: z.infer<typeof PersonTimelineQuery>) {
      // Roles that never read persons are told so; staff are told only about the persons of their offices.
      if (!registryPolicy.search(actor)) throw new AppError('forbidden');
      await loadReadable(actor, id);
      const subjectIds = [id, ...(await q.findMergedIdsOf(db, id))];
      const householdIds = await q.findHouseholdIdsOfPersons(db, subjectIds);
      const [occurredAt, entryId] = query.cursor?.split('_') ?? [];
      const rows = await q.findTimelineEntries(db, {
        personId: id,
        subjectIds,
        householdIds,
        includeReads: query.includeReads && registryPolicy.readSensitive(actor),
        before: occurredAt && entryId ? { occurredAt, id: entryId } : undefined,
        limit: query.limit,
      });
      const merges = await q.findMergesByIds(
        db,
        rows.flatMap((row) => {
          const mergeId = changesOf(row.changes).after?.mergeId;
          return typeof mergeId === 'string' && row.action === 'person.merged' ? [mergeId] : [];
        }),
      );
      const movedDocuments = await q.findDocumentsByIds(
        db,
        merges.flatMap((merge) => merge.moved_document_ids),
      );
      const last = rows.at(-1);
      return {
        items: rows.map((row) => presentTimelineEntry(row, subjectIds, merges, movedDocuments)),
        nextCursor: last && rows.length === query.limit ? `${last.occurred_at_text}_${last.id}` : null,
      };
    },

    // Households

    /** Creates a household with its members; a member who lived elsewhere moves, and the old membership is kept. */
    async createHousehold(actor: Actor, input: z.infer<typeof HouseholdCreate>) {
      if (!registryPolicy.register(actor, input.officeId)) throw new AppError('forbidden');
      assertOneHead(input.members.map((m) => m.relationship));
      for (const member of input.members) await loadReadable(actor, member.personId);
      const id = uuidv7();
      const today = todayIn();
      await db.transaction().execute(async (trx) => {
        await q.insertHousehold(trx, {
          id,
          address_line: input.addressLine ?? null,
          neighbourhood: input.neighbourhood ?? null,
          municipality_code: input.municipalityCode ?? null,
          registered_office_id: input.officeId,
        });
        for (const member of input.members)
          await moveInto(trx, id, member.personId, member.relationship, today);
        await audit.record(trx, actor, {
          action: 'household.created',
          recordType: 'household',
          recordId: id,
          officeId: input.officeId,
          changes: { after: { members: input.members } },
        });
      });
      return presentHousehold(actor, id);
    },

    getHousehold: (actor: Actor, id: string) => presentHousehold(actor, id),

    /** The person's memberships: the current one first, then the former ones, latest first. */
    async listPersonHouseholds(actor: Actor, personId: string) {
      await loadReadable(actor, personId);
      const rows = await q.findMembershipsOfPerson(db, personId);
      return rows
        .map((row) => ({
          householdId: row.household_id,
          relationship: row.relationship as (typeof RELATIONSHIPS)[number],
          joinedOn: row.joined_on,
          leftOn: row.left_on,
        }))
        .sort((a, b) => (a.leftOn === null ? -1 : b.leftOn === null ? 1 : b.leftOn.localeCompare(a.leftOn)));
    },

    /** Adds a person to a household, moving them out of their current one (its history keeps the old row). */
    async addHouseholdMember(actor: Actor, householdId: string, input: z.infer<typeof HouseholdMemberAdd>) {
      const household = await loadHousehold(actor, householdId);
      await loadReadable(actor, input.personId);
      const current = (await q.findMemberships(db, householdId)).filter((m) => m.left_on === null);
      if (current.some((m) => m.person_id === input.personId)) throw new AppError('conflict');
      if (input.relationship === 'head') assertOneHead([...current.map((m) => m.relationship), 'head']);
      await db.transaction().execute(async (trx) => {
        await moveInto(trx, householdId, input.personId, input.relationship, todayIn());
        await q.bumpHouseholdVersion(trx, householdId);
        await audit.record(trx, actor, {
          action: 'household.member_added',
          recordType: 'household',
          recordId: householdId,
          officeId: household.registered_office_id,
          changes: { after: { personId: input.personId, relationship: input.relationship } },
        });
      });
      return presentHousehold(actor, householdId);
    },

    async removeHouseholdMember(actor: Actor, householdId: string, personId: string) {
      const household = await loadHousehold(actor, householdId);
      const membership = await q.findCurrentMembership(db, personId);
      if (!membership || membership.household_id !== householdId) throw new AppError('notFound');
      await db.transaction().execute(async (trx) => {
        await q.endMembership(trx, membership.id, todayIn());
        await q.bumpHouseholdVersion(trx, householdId);
        await audit.record(trx, actor, {
          action: 'household.member_left',
          recordType: 'household',
          recordId: householdId,
          officeId: household.registered_office_id,
          changes: { before: { personId, relationship: membership.relationship } },
        });
      });
      return presentHousehold(actor, householdId);
    },

    // Consent (Ley 1581 de 2012)

    async listConsents(actor: Actor, personId: string) {
      await loadReadable(actor, personId);
      return (await q.findConsents(db, personId)).map(presentConsent);
    },

    /**
     * Records a consent: who gave it (the person, or a guardian for a minor), how and when. One current consent
     * per purpose; to change it, revoke it and record the new one.
     */
    async recordConsent(actor: Actor, personId: string, input: z.infer<typeof ConsentCreate>) {
      const { person, officeIds } = await loadReadable(actor, personId);
      if (!registryPolicy.update(actor, { officeIds })) throw new AppError('forbidden');
      const problems: Array<{ path: string; messageKey: string }> = [];
      if (input.givenBy === 'guardian' && !input.guardianName) {
        problems.push({ path: 'guardianName', messageKey: 'registry.consent.guardianNameRequired' });
      }
      if (input.givenBy === 'self' && person.birth_date && ageOn(person.birth_date, todayIn()) < 18) {
        problems.push({ path: 'givenBy', messageKey: 'registry.consent.minorNeedsGuardian' });
      }
      if (problems.length) throw new InvalidFieldsError(problems);
      if (await q.findCurrentConsent(db, personId, input.purpose)) throw new AppError('conflict');
      const consent = await db.transaction().execute(async (trx) => {
        const row = await q.insertConsent(trx, {
          id: uuidv7(),
          person_id: personId,
          purpose: input.purpose,
          given_by: input.givenBy,
          guardian_name: input.givenBy === 'guardian' ? (input.guardianName ?? null) : null,
          method: input.method,
          granted_at: input.grantedAt ? new Date(input.grantedAt) : new Date(),
          recorded_by: actor.userId,
        });
        await audit.record(trx, actor, {
          action: 'consent.recorded',
          recordType: 'person',
          recordId: personId,
          officeId: person.registered_office_id,
          changes: { after: { purpose: input.purpose, givenBy: input.givenBy, method: input.method } },
        });
        return row;
      });
      return presentConsent(consent);
    },

    async revokeConsent(actor: Actor, personId: string, consentId: string) {
      const { person, officeIds } = await loadReadable(actor, personId);
      if (!registryPolicy.update(actor, { officeIds })) throw new AppError('forbidden');
      const revoked = await db.transaction().execute(async (trx) => {
        const row = await q.revokeConsent(trx, personId, consentId, actor.userId, new Date());
        if (!row) return null;
        await audit.record(trx, actor, {
          action: 'consent.revoked',
          recordType: 'person',
          recordId: personId,
          officeId: person.registered_office_id,
          changes: { before: { purpose: row.purpose } },
        });
        return row;
      });
      if (!revoked) throw new AppError('notFound');
      return presentConsent(revoked);
    },

    /**
     * Whether the person's current consent covers a purpose. Other modules (referrals, employment) call this
     * before sharing anything with a partner, and refuse when it is false.
     */
    async hasConsent(personId: string, purpose: (typeof CONSENT_PURPOSES)[number]): Promise<boolean> {
      return Boolean(await q.findCurrentConsent(db, personId, purpose));
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
