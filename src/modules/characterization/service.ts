import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { diffFields } from '../../domain/audit/field-changes';
import {
  type CharacterizationDocument,
  changedSections,
  flattenForAudit,
  isAnswered,
} from '../../domain/characterization/sections';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { Language } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import type { RegistryService } from '../registry/service';
import { characterizationPolicy as policy } from './policy';
import * as q from './queries';
import {
  CharacterizationAnswers,
  type DraftSave,
  type NEED_DIMENSIONS,
  type NEED_SEVERITIES,
  type NEED_STATUSES,
  type NeedCreate,
  type NeedUpdate,
  type OfficeNeedsQuery,
  SensitiveVulnerabilities,
} from './schemas';

type Answers = z.infer<typeof CharacterizationAnswers>;
type Sensitive = z.infer<typeof SensitiveVulnerabilities>;
type OccupationInput = Array<{ ciuoCode: string; yearsExperience?: number | null | undefined }>;
type NeedRow = NonNullable<Awaited<ReturnType<typeof q.findNeed>>>;

/** Stored documents are re-read through the schema, so old versions gain the defaults of fields added later. */
function readAnswers(value: unknown): Answers {
  return CharacterizationAnswers.parse(value ?? {});
}

function readSensitive(value: unknown): Sensitive | null {
  return value ? SensitiveVulnerabilities.parse(value) : null;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

function presentNeed(row: NeedRow) {
  return {
    id: row.id,
    personId: row.person_id,
    householdId: row.household_id,
    officeId: row.office_id,
    dimension: row.dimension as (typeof NEED_DIMENSIONS)[number],
    description: row.description,
    severity: row.severity as (typeof NEED_SEVERITIES)[number],
    status: row.status as (typeof NEED_STATUSES)[number],
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function createCharacterizationService({
  db,
  audit,
  registry,
}: {
  db: Kysely<Database>;
  audit: AuditService;
  registry: RegistryService;
}) {
  /** The person's offices when the caller may read them: 403 for roles that never do, 404 outside their offices. */
  async function personAccess(actor: Actor, personId: string) {
    if (!policy.worksWithPersons(actor)) throw new AppError('forbidden');
    return registry.personAccess(actor, personId);
  }

  async function titledOccupations(
    rows: Array<{ ciuoCode: string; yearsExperience: number | null }>,
    language: Language,
  ) {
    const found = await q.findOccupations(db, [...new Set(rows.map((o) => o.ciuoCode))]);
    const titles = new Map(found.map((o) => [o.code, language === 'en' ? o.title_en : o.title_es]));
    return rows.map((o) => ({ ...o, title: titles.get(o.ciuoCode) ?? o.ciuoCode }));
  }

  async function checkOccupations(occupations: OccupationInput) {
    const found = await q.findOccupations(
      db,
      occupations.map((o) => o.ciuoCode),
    );
    const unitGroups = new Set(found.filter((o) => o.level === 4).map((o) => o.code));
    const problems = occupations.flatMap((o, index) =>
      unitGroups.has(o.ciuoCode)
        ? []
        : [{ path: `occupations.${index}.ciuoCode`, messageKey: 'characterization.unknownCiuoCode' }],
    );
    if (problems.length) throw new InvalidFieldsError(problems);
  }

  /** Every version of a person, newest first, with occupations (sensitive answers only when `withSensitive`). */
  async function loadVersions(personId: string, withSensitive: boolean, language: Language) {
    const rows = await q.listVersions(db, personId, withSensitive);
    const occupationRows = await q.findOccupationsOfVersions(
      db,
      rows.map((r) => r.id),
    );
    const versions = [];
    for (const row of rows) {
      const occupations = await titledOccupations(
        occupationRows
          .filter((o) => o.characterization_id === row.id)
          .map((o) => ({
            ciuoCode: o.ciuo_code,
            yearsExperience: o.years_experience === null ? null : Number(o.years_experience),
          })),
        language,
      );
      versions.push({
        id: row.id,
        personId: row.person_id,
        number: row.number,
        answers: readAnswers(row.answers),
        occupations,
        sensitive: withSensitive ? readSensitive(row.sensitive) : null,
        completedAt: row.completed_at.toISOString(),
        completedBy: row.completed_by_name,
      });
    }
    return versions;
  }

  async function auditSensitiveRead(actor: Actor, personId: string, sensitive: unknown) {
    if (isAnswered(sensitive)) {
      await audit.record(db, actor, {
        action: 'characterization.sensitive_read',
        recordType: 'person',
        recordId: personId,
      });
    }
  }

  async function presentDraft(row: NonNullable<Awaited<ReturnType<typeof q.findDraft>>>, language: Language) {
    const occupations =
      (row.occupations as Array<{ ciuoCode: string; yearsExperience: number | null }>) ?? [];
    return {
      id: row.id,
      personId: row.person_id,
      answers: readAnswers(row.answers),
      occupations: await titledOccupations(
        occupations.map((o) => ({ ciuoCode: o.ciuoCode, yearsExperience: o.yearsExperience ?? null })),
        language,
      ),
      sensitive: readSensitive(row.sensitive),
      basedOnNumber: row.based_on_number,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  async function loadNeed(actor: Actor, id: string) {
    if (!policy.worksWithPersons(actor)) throw new AppError('forbidden');
    const need = await q.findNeed(db, id);
    if (!need) throw new AppError('notFound');
    const access = need.person_id
      ? await registry.personAccess(actor, need.person_id)
      : await registry.householdAccess(actor, need.household_id as string);
    return { need, access };
  }

  return {
    /** The current (latest completed) characterization and the list of versions. Sensitive reads are audited. */
    async getCharacterization(actor: Actor, personId: string, language: Language) {
      const { officeIds } = await personAccess(actor, personId);
      const sensitive = policy.readSensitive(actor);
      const versions = await loadVersions(personId, sensitive, language);
      const current = versions[0] ?? null;
      if (sensitive && current) await auditSensitiveRead(actor, personId, current.sensitive);
      const asDocument = (v: (typeof versions)[number]): CharacterizationDocument => ({
        answers: v.answers,
        occupations: v.occupations,
        sensitive: v.sensitive,
      });
      return {
        current,
        versions: versions.map((version, index) => {
          const previous = versions[index + 1];
          return {
            number: version.number,
            completedAt: version.completedAt,
            completedBy: version.completedBy,
            changedSections: changedSections(previous ? asDocument(previous) : null, asDocument(version)),
          };
        }),
        abilities: { update: policy.write(actor, { officeIds }), readSensitive: sensitive },
      };
    },

    async getVersion(actor: Actor, personId: string, number: number, language: Language) {
      await personAccess(actor, personId);
      const sensitive = policy.readSensitive(actor);
      const version = (await loadVersions(personId, sensitive, language)).find((v) => v.number === number);
      if (!version) throw new AppError('notFound');
      if (sensitive) await auditSensitiveRead(actor, personId, version.sensitive);
      return version;
    },

    /** The caller's own draft for this person, if any. */
    async getDraft(actor: Actor, personId: string, language: Language) {
      const { officeIds } = await personAccess(actor, personId);
      const row = await q.findDraft(db, personId, actor.userId);
      const sensitive = policy.readSensitive(actor);
      if (row && sensitive) await auditSensitiveRead(actor, personId, row.sensitive);
      return {
        draft: row ? await presentDraft(row, language) : null,
        abilities: { update: policy.write(actor, { officeIds }), readSensitive: sensitive },
      };
    },

    /**
     * Saves the caller's draft whole, at the version they last read (0 to start one). A stale version gets 409
     * with the draft as it is now, so a second tab or device cannot silently overwrite the first.
     */
    async saveDraft(actor: Actor, personId: string, input: z.infer<typeof DraftSave>, language: Language) {
      const { officeIds } = await personAccess(actor, personId);
      if (!policy.write(actor, { officeIds })) throw new AppError('forbidden');
      if (!policy.readSensitive(actor) && isAnswered(input.sensitive ?? null))
        throw new AppError('forbidden');
      await checkOccupations(input.occupations);
      const values = {
        answers: JSON.stringify(input.answers),
        occupations: JSON.stringify(
          input.occupations.map((o) => ({
            ciuoCode: o.ciuoCode,
            yearsExperience: o.yearsExperience ?? null,
          })),
        ),
        sensitive: policy.readSensitive(actor) && input.sensitive ? JSON.stringify(input.sensitive) : null,
      };
      const existing = await q.findDraft(db, personId, actor.userId);
      const conflict = async () => {
        const current = await q.findDraft(db, personId, actor.userId);
        return new AppError(
          'conflict',
          {},
          { current: current ? await presentDraft(current, language) : null },
        );
      };
      let saved: Awaited<ReturnType<typeof q.findDraft>>;
      if (!existing) {
        if (input.version !== 0) throw await conflict();
        saved = await q.insertDraft(db, {
          id: uuidv7(),
          person_id: personId,
          author_id: actor.userId,
          based_on_number: (await q.lastVersionNumber(db, personId)) || null,
          ...values,
        });
      } else {
        saved =
          input.version === existing.version
            ? await q.updateDraftAtVersion(db, existing.id, input.version, values)
            : undefined;
      }
      if (!saved) throw await conflict();
      return presentDraft(saved, language);
    },

    /**
     * Turns the caller's draft into the person's next version (immutable), audited with the fields that changed
     * since the previous version; the draft is gone afterwards.
     */
    async completeDraft(actor: Actor, personId: string, version: number, language: Language) {
      const { officeIds, registeredOfficeId } = await personAccess(actor, personId);
      if (!policy.write(actor, { officeIds })) throw new AppError('forbidden');
      const draft = await q.findDraft(db, personId, actor.userId);
      if (!draft || draft.version !== version) {
        throw new AppError('conflict', {}, { current: draft ? await presentDraft(draft, language) : null });
      }
      const answers = readAnswers(draft.answers);
      const occupations =
        (draft.occupations as Array<{ ciuoCode: string; yearsExperience: number | null }>) ?? [];
      // A role that may not see the sensitive vulnerabilities keeps the ones recorded before, unseen.
      const previous = (await loadVersions(personId, true, language))[0] ?? null;
      const sensitive = policy.readSensitive(actor)
        ? readSensitive(draft.sensitive)
        : (previous?.sensitive ?? null);
      const document: CharacterizationDocument = { answers, occupations, sensitive };
      if (!Object.values(flattenForAudit(document)).length) {
        throw new InvalidFieldsError([{ path: 'answers', messageKey: 'characterization.emptyDraft' }]);
      }
      const officeId = actor.officeIds.find((id) => officeIds.includes(id)) ?? registeredOfficeId;
      try {
        await db.transaction().execute(async (trx) => {
          const number = (await q.lastVersionNumber(trx, personId)) + 1;
          const id = uuidv7();
          await q.insertVersion(
            trx,
            {
              id,
              person_id: personId,
              number,
              answers: JSON.stringify(answers),
              sensitive: sensitive && isAnswered(sensitive) ? JSON.stringify(sensitive) : null,
              office_id: officeId,
              completed_by: actor.userId,
            },
            occupations.map((o, position) => ({
              characterization_id: id,
              position,
              ciuo_code: o.ciuoCode,
              years_experience: o.yearsExperience,
            })),
          );
          await q.deleteDraft(trx, draft.id);
          const before = previous
            ? flattenForAudit({
                answers: previous.answers,
                occupations: previous.occupations,
                sensitive: previous.sensitive,
              })
            : {};
          const diff = diffFields(before, flattenForAudit(document));
          await audit.record(trx, actor, {
            action: 'characterization.completed',
            recordType: 'person',
            recordId: personId,
            officeId,
            changes: { before: diff?.before ?? {}, after: { ...(diff?.after ?? {}), version: number } },
          });
        });
      } catch (error) {
        // Another completion of the same person took the number first.
        if (isUniqueViolation(error)) throw new AppError('conflict', {}, { current: null });
        throw error;
      }
      return this.getCharacterization(actor, personId, language);
    },

    async listPersonNeeds(actor: Actor, personId: string) {
      const { officeIds } = await personAccess(actor, personId);
      const rows = await q.listNeeds(db, { personId });
      return { items: rows.map(presentNeed), abilities: { create: policy.write(actor, { officeIds }) } };
    },

    async listHouseholdNeeds(actor: Actor, householdId: string) {
      if (!policy.worksWithPersons(actor)) throw new AppError('forbidden');
      const { officeIds } = await registry.householdAccess(actor, householdId);
      const rows = await q.listNeeds(db, { householdId });
      return { items: rows.map(presentNeed), abilities: { create: policy.write(actor, { officeIds }) } };
    },

    /**
     * The needs of a household and of its current members, newest first: the household's own needs and those of
     * each member the caller may read (a member served only by other offices is left out).
     */
    async listHouseholdMemberNeeds(actor: Actor, householdId: string) {
      if (!policy.worksWithPersons(actor)) throw new AppError('forbidden');
      const { officeIds } = await registry.householdAccess(actor, householdId);
      const members = await q.findCurrentMembersWithOffices(db, householdId);
      const readable = members.filter((member) => policy.read(actor, member)).map((m) => m.personId);
      const rows = await q.listNeedsOfHouseholdAndMembers(db, householdId, readable);
      return { items: rows.map(presentNeed), abilities: { create: policy.write(actor, { officeIds }) } };
    },

    /** Records a need of a person or a household, at the caller's office that serves them; audited. */
    async createNeed(actor: Actor, input: z.infer<typeof NeedCreate>) {
      if (!policy.worksWithPersons(actor)) throw new AppError('forbidden');
      const access = input.personId
        ? await registry.personAccess(actor, input.personId)
        : await registry.householdAccess(actor, input.householdId as string);
      if (!policy.write(actor, access)) throw new AppError('forbidden');
      const officeId =
        actor.officeIds.find((id) => access.officeIds.includes(id)) ?? access.registeredOfficeId;
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertNeed(trx, {
          id,
          person_id: input.personId ?? null,
          household_id: input.householdId ?? null,
          office_id: officeId,
          dimension: input.dimension,
          description: input.description,
          severity: input.severity,
          status: input.status,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await audit.record(trx, actor, {
          action: 'need.created',
          recordType: 'need',
          recordId: id,
          officeId,
          changes: {
            after: {
              personId: input.personId ?? null,
              householdId: input.householdId ?? null,
              dimension: input.dimension,
              severity: input.severity,
              status: input.status,
              description: input.description,
            },
          },
        });
      });
      return presentNeed((await q.findNeed(db, id)) as NeedRow);
    },

    /** Changes a need at the version read (409 with the current need otherwise); status changes are audited. */
    async updateNeed(actor: Actor, id: string, input: z.infer<typeof NeedUpdate>) {
      const { need, access } = await loadNeed(actor, id);
      if (!policy.write(actor, access)) throw new AppError('forbidden');
      const { version, ...fields } = input;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const updated = await db.transaction().execute(async (trx) => {
        const row = await q.updateNeedAtVersion(trx, id, version, { ...changes, updated_by: actor.userId });
        if (!row) return null;
        const before = Object.fromEntries(
          Object.keys(changes).map((key) => [key, need[key as keyof NeedRow]]),
        );
        await audit.record(trx, actor, {
          action:
            changes.status !== undefined && changes.status !== need.status
              ? 'need.status_changed'
              : 'need.updated',
          recordType: 'need',
          recordId: id,
          officeId: need.office_id,
          changes: diffFields(before, changes),
        });
        return row;
      });
      const current = presentNeed((await q.findNeed(db, id)) as NeedRow);
      if (!updated) throw new AppError('conflict', {}, { current });
      return current;
    },

    /** Open needs recorded at an office, for its coordinators; keyset-paginated. */
    async listOfficeNeeds(actor: Actor, officeId: string, query: z.infer<typeof OfficeNeedsQuery>) {
      if (!policy.listOfficeNeeds(actor, officeId)) throw new AppError('forbidden');
      if (query.cursor && !/^[0-9a-f-]{36}$/.test(query.cursor)) throw new AppError('badRequest');
      const rows = await q.listOpenNeedsOfOffice(db, officeId, {
        dimension: query.dimension,
        severity: query.severity,
        status: query.status,
        afterId: query.cursor,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => ({ ...presentNeed(row), subjectName: row.subject_name })),
        nextCursor: rows.length > query.limit && last ? last.id : null,
      };
    },
  };
}

export type CharacterizationService = ReturnType<typeof createCharacterizationService>;
