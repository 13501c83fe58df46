import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AssessmentApplicationTable, Database } from '../../db/schema';
import { InstrumentDefinition, questionsOf, topLevel } from '../../domain/assessment/instrument';
import { checkAnswers, scoreApplication } from '../../domain/assessment/scoring';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { Language } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import type { ProgrammeService } from '../programmes/service';
import type { RegistryService } from '../registry/service';
import { assessmentPolicy } from './policy';
import * as q from './queries';
import type {
  ApplicationComplete,
  ApplicationDraftSave,
  ApplicationStart,
  IndicatorQuery,
  TargetSet,
} from './schemas';

type ApplicationRow = Selectable<AssessmentApplicationTable>;
type SubjectType = 'household' | 'person';

/** The instrument a subject gets when none is named: the shipped one for households and for persons. */
const DEFAULT_INSTRUMENT: Record<SubjectType, string> = {
  household: 'hogar_integracion',
  person: 'persona_ipl12',
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function definitionOf(value: unknown): InstrumentDefinition {
  return InstrumentDefinition.parse(value);
}

function presentApplication(row: ApplicationRow & { version_number: number }) {
  const dimensions = (row.dimension_scores ?? []) as Array<{
    dimensionId: string;
    score: number | null;
    answered: number;
    missing: number;
  }>;
  return {
    id: row.id,
    instrumentKey: row.instrument_key,
    instrumentVersionId: row.instrument_version_id,
    versionNumber: row.version_number,
    subjectType: row.subject_type as SubjectType,
    householdId: row.household_id,
    personId: row.person_id,
    officeId: row.office_id,
    programme: row.programme,
    kind: row.kind as 'baseline' | 'follow_up',
    respondent: row.respondent as 'caseworker' | 'with_household',
    status: row.status as 'draft' | 'completed',
    answers: row.answers ?? {},
    currentDimension: row.current_dimension,
    result:
      row.status === 'completed'
        ? {
            overall: row.overall_score,
            levelId: row.level_id,
            topLevel: Boolean(row.top_level),
            dimensions,
          }
        : null,
    startedAt: iso(row.started_at) as string,
    updatedAt: iso(row.updated_at) as string,
    completedAt: iso(row.completed_at),
    version: row.version,
  };
}

function answerProblems(definition: InstrumentDefinition, answers: Record<string, string | null>) {
  const problems = checkAnswers(definition, answers);
  if (problems.length) {
    throw new InvalidFieldsError(
      problems.map((p) => ({ path: `answers.${p.questionId}`, messageKey: `assessment.${p.problem}` })),
    );
  }
}

export function createAssessmentService({
  db,
  audit,
  registry,
  programmes,
}: {
  db: Kysely<Database>;
  audit: AuditService;
  registry: RegistryService;
  programmes: ProgrammeService;
}) {
  /** A programme named by a caller must exist in the catalogue and still enrol people (400 naming `programme`). */
  async function checkProgramme(key: string | undefined) {
    if (!key) return;
    const programme = await programmes.findProgramme(key);
    if (!programme?.active) {
      throw new InvalidFieldsError([{ path: 'programme', messageKey: 'assessment.unknownProgramme' }]);
    }
  }

  /** The subject's offices if the caller may apply an index to it: 404 outside the registry's scope, 403 inside it. */
  async function subjectOffices(actor: Actor, subjectType: SubjectType, subjectId: string) {
    const access =
      subjectType === 'household'
        ? await registry.householdAccess(actor, subjectId)
        : await registry.personAccess(actor, subjectId);
    if (!assessmentPolicy.apply(actor, access)) throw new AppError('forbidden');
    return access.officeIds;
  }

  async function loadApplication(actor: Actor, id: string) {
    const row = await q.findApplication(db, id);
    if (!row) throw new AppError('notFound');
    await subjectOffices(
      actor,
      row.subject_type as SubjectType,
      (row.household_id ?? row.person_id) as string,
    );
    const version = await q.findVersionById(db, row.instrument_version_id);
    if (!version) throw new AppError('notFound');
    return { row, version, definition: definitionOf(version.definition) };
  }

  return {
    /** For other modules (the programmes' administration): whether an instrument exists with a version in use. */
    async hasActiveInstrument(key: string): Promise<boolean> {
      return Boolean(await q.findActiveVersion(db, key));
    },

    async listInstruments(actor: Actor) {
      if (!assessmentPolicy.readInstruments(actor)) throw new AppError('forbidden');
      const rows = await q.listInstrumentVersions(db);
      const byKey = new Map<
        string,
        { key: string; subject: SubjectType; name: { es: string; en: string }; versions: unknown[] }
      >();
      for (const row of rows) {
        const definition = row.definition as InstrumentDefinition;
        let entry = byKey.get(row.key);
        if (!entry) {
          // Versions come newest first: the instrument is named as its latest version names it.
          entry = {
            key: row.key,
            subject: row.subject_type as SubjectType,
            name: definition.name,
            versions: [],
          };
          byKey.set(row.key, entry);
        }
        entry.versions.push({
          id: row.id,
          versionNumber: row.version_number,
          status: row.status,
          createdAt: iso(row.created_at),
          supersededAt: iso(row.superseded_at),
          applications: Number(row.applications ?? 0),
          dimensions: definition.dimensions.length,
          questions: questionsOf(definition).length,
        });
      }
      return {
        items: [...byKey.values()] as never,
        abilities: { manage: assessmentPolicy.manageInstruments(actor) },
      };
    },

    async getInstrumentVersion(actor: Actor, id: string) {
      if (!assessmentPolicy.readInstruments(actor)) throw new AppError('forbidden');
      const version = await q.findVersionById(db, id);
      if (!version) throw new AppError('notFound');
      return {
        id: version.id,
        key: version.key,
        versionNumber: version.version_number,
        status: version.status as 'active',
        definition: version.definition,
      };
    },

    /**
     * Adds an instrument, or a new version of one with the same key: the new version becomes the one applied
     * from now on and the previous one is superseded (its applications keep pointing at it, unchanged).
     */
    async importInstrument(actor: Actor, definition: InstrumentDefinition) {
      if (!assessmentPolicy.manageInstruments(actor)) throw new AppError('forbidden');
      return db.transaction().execute(async (trx) => {
        let instrument = await q.findInstrumentByKey(trx, definition.key);
        if (instrument && instrument.subject_type !== definition.subject) {
          throw new InvalidFieldsError([{ path: 'subject', messageKey: 'assessment.subjectChanged' }]);
        }
        if (!instrument) {
          instrument = {
            id: uuidv7(),
            key: definition.key,
            subject_type: definition.subject,
            created_by: actor.userId,
            created_at: new Date(),
          };
          await q.insertInstrument(trx, {
            id: instrument.id,
            key: instrument.key,
            subject_type: instrument.subject_type,
            created_by: actor.userId,
          });
        }
        const versionNumber = await q.nextVersionNumber(trx, instrument.id);
        await q.supersedeActive(trx, instrument.id);
        const version = await q.insertVersion(trx, {
          id: uuidv7(),
          instrument_id: instrument.id,
          version_number: versionNumber,
          definition: JSON.stringify(definition),
          created_by: actor.userId,
        });
        await audit.record(trx, actor, {
          action: 'assessment.instrument_version_created',
          recordType: 'assessment_instrument_version',
          recordId: version.id,
          changes: { after: { key: definition.key, versionNumber } },
        });
        return {
          id: version.id,
          key: definition.key,
          versionNumber,
          status: 'active' as const,
          definition,
        };
      });
    },

    /** Stops a version from being applied; what was applied with it stays as it was. */
    async supersedeVersion(actor: Actor, id: string) {
      if (!assessmentPolicy.manageInstruments(actor)) throw new AppError('forbidden');
      return db.transaction().execute(async (trx) => {
        const version = await q.findVersionById(trx, id);
        if (!version) throw new AppError('notFound');
        const updated = await q.supersedeVersion(trx, id);
        if (!updated) throw new AppError('conflict', {}, { versionStatus: version.status });
        await audit.record(trx, actor, {
          action: 'assessment.instrument_version_superseded',
          recordType: 'assessment_instrument_version',
          recordId: id,
        });
        return {
          id,
          key: version.key,
          versionNumber: version.version_number,
          status: 'superseded' as const,
          definition: version.definition,
        };
      });
    },

    /**
     * Starts an application of the subject's instrument (its active version), or resumes the draft already
     * started: the first completed application is the baseline, later ones are follow-ups.
     */
    async startApplication(actor: Actor, input: z.infer<typeof ApplicationStart>) {
      const officeIds = await subjectOffices(actor, input.subjectType, input.subjectId);
      await checkProgramme(input.programme);
      const key = input.instrumentKey ?? DEFAULT_INSTRUMENT[input.subjectType];
      const version = await q.findActiveVersion(db, key);
      if (!version)
        throw new InvalidFieldsError([{ path: 'instrumentKey', messageKey: 'assessment.noActiveVersion' }]);
      const definition = definitionOf(version.definition);
      if (definition.subject !== input.subjectType) {
        throw new InvalidFieldsError([{ path: 'instrumentKey', messageKey: 'assessment.wrongSubject' }]);
      }
      const subject =
        input.subjectType === 'household' ? { householdId: input.subjectId } : { personId: input.subjectId };
      const draft = await q.findDraft(db, subject, key);
      if (draft) {
        const draftVersion = await q.findVersionById(db, draft.instrument_version_id);
        return {
          ...presentApplication({ ...draft, version_number: draftVersion?.version_number ?? 1 }),
          definition: draftVersion?.definition,
        };
      }
      const completed = await q.countCompleted(db, subject, key);
      const officeId = officeIds.find((id) => actor.officeIds.includes(id)) as string;
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await q.insertApplication(trx, {
          id: uuidv7(),
          instrument_version_id: version.id,
          instrument_key: key,
          subject_type: input.subjectType,
          household_id: subject.householdId ?? null,
          person_id: subject.personId ?? null,
          office_id: officeId,
          programme: input.programme ?? null,
          kind: completed === 0 ? 'baseline' : 'follow_up',
          respondent: input.respondent,
          started_by: actor.userId,
          overall_score: null,
          level_id: null,
          top_level: null,
          dimension_scores: null,
          completed_by: null,
          completed_at: null,
        });
        await audit.record(trx, actor, {
          action: 'assessment.started',
          recordType: input.subjectType,
          recordId: input.subjectId,
          officeId,
          changes: { after: { applicationId: inserted.id, instrument: key, kind: inserted.kind } },
        });
        return inserted;
      });
      return { ...presentApplication({ ...row, version_number: version.version_number }), definition };
    },

    async getApplication(actor: Actor, id: string) {
      const { row, version } = await loadApplication(actor, id);
      return {
        ...presentApplication({ ...row, version_number: version.version_number }),
        definition: version.definition,
      };
    },

    /** Saves answers as they are given; a stale version gets 409 with the current application. */
    async saveDraft(actor: Actor, id: string, input: z.infer<typeof ApplicationDraftSave>) {
      const { row, version, definition } = await loadApplication(actor, id);
      if (row.status !== 'draft') {
        throw new AppError(
          'conflict',
          {},
          { current: presentApplication({ ...row, version_number: version.version_number }) },
        );
      }
      answerProblems(definition, input.answers);
      const merged = { ...(row.answers ?? {}), ...input.answers };
      for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
      const updated = await q.updateApplicationAtVersion(db, id, input.version, {
        answers: JSON.stringify(merged),
        current_dimension: Math.min(
          input.currentDimension ?? row.current_dimension,
          definition.dimensions.length - 1,
        ),
      });
      if (!updated) {
        const current = await q.findApplication(db, id);
        throw new AppError(
          'conflict',
          {},
          {
            current: current
              ? presentApplication({ ...current, version_number: version.version_number })
              : null,
          },
        );
      }
      return presentApplication({ ...updated, version_number: version.version_number });
    },

    /** Scores the answers with the instrument's rules and closes the application; audited. */
    async completeApplication(actor: Actor, id: string, input: z.infer<typeof ApplicationComplete>) {
      const { row, version, definition } = await loadApplication(actor, id);
      if (row.status !== 'draft') {
        throw new AppError(
          'conflict',
          {},
          { current: presentApplication({ ...row, version_number: version.version_number }) },
        );
      }
      const answers = { ...(row.answers ?? {}), ...(input.answers ?? {}) };
      answerProblems(definition, answers);
      for (const [key, value] of Object.entries(answers)) if (value === null) delete answers[key];
      const result = scoreApplication(definition, answers);
      if (!result.valid) {
        throw new InvalidFieldsError([{ path: 'answers', messageKey: 'assessment.tooManyMissing' }]);
      }
      const completed = await db.transaction().execute(async (trx) => {
        await q.clearLatest(
          trx,
          { householdId: row.household_id, personId: row.person_id },
          row.instrument_key,
        );
        const updated = await q.updateApplicationAtVersion(trx, id, input.version, {
          latest: true,
          answers: JSON.stringify(answers),
          status: 'completed',
          overall_score: result.overall,
          level_id: result.levelId,
          top_level: result.levelId === topLevel(definition).id,
          dimension_scores: JSON.stringify(result.dimensions),
          completed_by: actor.userId,
          completed_at: new Date(),
        });
        if (!updated) {
          // Stale version: roll back (the previous latest application stays latest) and answer 409.
          const current = await q.findApplication(trx, id);
          throw new AppError(
            'conflict',
            {},
            {
              current: current
                ? presentApplication({ ...current, version_number: version.version_number })
                : null,
            },
          );
        }
        await audit.record(trx, actor, {
          action: 'assessment.completed',
          recordType: row.subject_type,
          recordId: row.household_id ?? row.person_id,
          officeId: row.office_id,
          changes: {
            after: {
              applicationId: id,
              instrument: row.instrument_key,
              overall: result.overall,
              level: result.levelId,
            },
          },
        });
        return updated;
      });
      if (!completed) {
        const current = await q.findApplication(db, id);
        throw new AppError(
          'conflict',
          {},
          {
            current: current
              ? presentApplication({ ...current, version_number: version.version_number })
              : null,
          },
        );
      }
      return presentApplication({ ...completed, version_number: version.version_number });
    },

    /** A household's or person's applications, oldest first, with their results: the evolution since baseline. */
    async listSubjectApplications(actor: Actor, subjectType: SubjectType, subjectId: string) {
      await subjectOffices(actor, subjectType, subjectId);
      const rows = await q.listApplicationsOfSubject(
        db,
        subjectType === 'household' ? { householdId: subjectId } : { personId: subjectId },
      );
      const instruments = (await q.listInstrumentVersions(db))
        .filter((v) => v.status === 'active' && v.subject_type === subjectType)
        .map((v) => ({ key: v.key, name: (v.definition as InstrumentDefinition).name }));
      return {
        items: rows.map((row) => ({
          ...presentApplication(row),
          instrumentName: (row.definition as InstrumentDefinition).name,
          levels: (row.definition as InstrumentDefinition).levels,
          dimensionNames: (row.definition as InstrumentDefinition).dimensions.map((d) => ({
            id: d.id,
            name: d.name,
          })),
        })),
        instruments,
        abilities: { apply: true },
      };
    },

    /** Share of households whose latest completed application is at the top level, per office and programme. */
    async indicator(actor: Actor, query: z.infer<typeof IndicatorQuery>, language: Language = 'es') {
      if (!assessmentPolicy.readIndicator(actor)) throw new AppError('forbidden');
      const active = await q.findActiveVersion(db, query.instrumentKey);
      const top = active ? topLevel(definitionOf(active.definition)) : null;
      const result = await q.indicatorByOffice(
        db,
        query.instrumentKey,
        assessmentPolicy.indicatorOffices(actor),
      );
      const names = await programmes.programmeNames(
        result.rows.map((row) => row.programme).filter(Boolean),
        language,
      );
      return {
        instrumentKey: query.instrumentKey,
        topLevel: top ? { id: top.id, label: top.label } : null,
        rows: result.rows.map((row) => {
          const households = Number(row.households);
          const atTop = Number(row.at_top);
          return {
            officeId: row.office_id,
            officeName: row.office_name,
            programme: row.programme,
            programmeName: row.programme ? (names.get(row.programme) ?? null) : null,
            households,
            atTopLevel: atTop,
            share: households > 0 ? atTop / households : null,
            target: row.target_share === null ? null : Number(row.target_share),
          };
        }),
      };
    },

    async setTarget(actor: Actor, input: z.infer<typeof TargetSet>) {
      if (!assessmentPolicy.setTarget(actor, input.officeId)) throw new AppError('forbidden');
      await checkProgramme(input.programme);
      await db.transaction().execute(async (trx) => {
        await q.upsertTarget(trx, {
          office_id: input.officeId,
          programme: input.programme,
          instrument_key: input.instrumentKey,
          target_share: input.targetShare,
          updated_by: actor.userId,
        });
        await audit.record(trx, actor, {
          action: 'assessment.target_set',
          recordType: 'office',
          recordId: input.officeId,
          officeId: input.officeId,
          changes: {
            after: { programme: input.programme, instrument: input.instrumentKey, target: input.targetShare },
          },
        });
      });
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
