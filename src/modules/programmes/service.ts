import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { Language } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import { programmePolicy as policy } from './policy';
import * as q from './queries';
import type { ProgrammeCreate, ProgrammeUpdate } from './schemas';

type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof q.findProgramme>>>;

export function presentProgramme(row: ProgrammeRow, language: Language) {
  return {
    key: row.key,
    name: language === 'en' ? row.name_en : row.name_es,
    description: (language === 'en' ? row.description_en : row.description_es) ?? null,
    requiresPlanApproval: row.requires_plan_approval,
    requiresClosureApproval: row.requires_closure_approval,
    instrumentKey: row.instrument_key,
    populationGroups: row.population_groups,
    active: row.active,
  };
}

export type Programme = ReturnType<typeof presentProgramme>;

/** The full record for its administration: both languages, organization, version. */
export function presentProgrammeRecord(row: ProgrammeRow) {
  return {
    key: row.key,
    name: { es: row.name_es, en: row.name_en },
    description: { es: row.description_es, en: row.description_en },
    organizationId: row.organization_id,
    requiresPlanApproval: row.requires_plan_approval,
    requiresClosureApproval: row.requires_closure_approval,
    instrumentKey: row.instrument_key,
    populationGroups: row.population_groups as never,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type ProgrammeRecord = ReturnType<typeof presentProgrammeRecord>;

/** What the audit log keeps of a programme, before and after a change. */
function audited(record: ProgrammeRecord) {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = record;
  return rest;
}

export interface ProgrammeServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  /** The assessment service's instrument catalogue (late-bound: the assessment service reads programmes). */
  instruments: { hasActiveInstrument: (key: string) => Promise<boolean> };
  /** The network's organizations, as the identity service lists them. */
  organizations: (actor: Actor) => Promise<Array<{ id: string }>>;
  clock?: () => Date;
}

export function createProgrammeService({
  db,
  audit,
  instruments,
  organizations,
  clock = () => new Date(),
}: ProgrammeServiceDeps) {
  /** Checks what other modules own: the organization and the instrument named (400 naming each field). */
  async function checkReferences(
    actor: Actor,
    input: { organizationId?: string | null; instrumentKey?: string | null },
  ) {
    const problems: Array<{ path: string; messageKey: string }> = [];
    if (input.organizationId) {
      const known = await organizations(actor);
      if (!known.some((o) => o.id === input.organizationId)) {
        problems.push({ path: 'organizationId', messageKey: 'programmes.admin.unknownOrganization' });
      }
    }
    if (input.instrumentKey && !(await instruments.hasActiveInstrument(input.instrumentKey))) {
      problems.push({ path: 'instrumentKey', messageKey: 'programmes.admin.unknownInstrument' });
    }
    if (problems.length) throw new InvalidFieldsError(problems);
  }

  return {
    async listProgrammes(actor: Actor, options: { includeInactive: boolean }, language: Language) {
      if (!policy.list(actor)) throw new AppError('forbidden');
      const rows = await q.listProgrammes(db, { activeOnly: !options.includeInactive });
      return { items: rows.map((row) => presentProgramme(row, language)) };
    },

    /** Administration: every programme, active or not, with both languages and its version. */
    async listProgrammeRecords(actor: Actor) {
      if (!policy.manage(actor)) throw new AppError('forbidden');
      const rows = await q.listProgrammes(db, { activeOnly: false });
      return { items: rows.map(presentProgrammeRecord) };
    },

    /** Adds a programme; 409 (`programme-key-taken`) when its key is taken. Audited with the record created. */
    async createProgramme(actor: Actor, input: z.infer<typeof ProgrammeCreate>) {
      if (!policy.manage(actor)) throw new AppError('forbidden');
      await checkReferences(actor, input);
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const row = await q.insertProgramme(trx, {
          key: input.key,
          name_es: input.name.es,
          name_en: input.name.en,
          description_es: input.description?.es ?? null,
          description_en: input.description?.en ?? null,
          organization_id: input.organizationId ?? null,
          requires_plan_approval: input.requiresPlanApproval,
          requires_closure_approval: input.requiresClosureApproval,
          instrument_key: input.instrumentKey,
          population_groups: input.populationGroups,
          active: input.active,
          created_at: now,
          updated_at: now,
        });
        if (!row) throw new AppError('programmeKeyTaken', { key: input.key });
        const record = presentProgrammeRecord(row);
        await audit.record(trx, actor, {
          action: 'programme.created',
          recordType: 'programme',
          recordId: row.key,
          changes: { after: audited(record) },
        });
        return record;
      });
    },

    /**
     * Changes a programme's names, configuration or active state at the version read; 409 with the current
     * programme when stale. Deactivating keeps its cases: it only stops taking new ones. Audited before/after.
     */
    async updateProgramme(actor: Actor, key: string, input: z.infer<typeof ProgrammeUpdate>) {
      if (!policy.manage(actor)) throw new AppError('forbidden');
      const existing = await q.findProgramme(db, key);
      if (!existing) throw new AppError('notFound');
      const instrumentKey = input.instrumentKey === undefined ? undefined : input.instrumentKey || null;
      await checkReferences(actor, { organizationId: input.organizationId, instrumentKey });
      return db.transaction().execute(async (trx) => {
        const before = await q.findProgramme(trx, key);
        const row = await q.updateProgramme(trx, key, input.version, {
          ...(input.name && { name_es: input.name.es, name_en: input.name.en }),
          ...(input.description && {
            description_es: input.description.es,
            description_en: input.description.en,
          }),
          ...(input.organizationId !== undefined && { organization_id: input.organizationId }),
          ...(input.requiresPlanApproval !== undefined && {
            requires_plan_approval: input.requiresPlanApproval,
          }),
          ...(input.requiresClosureApproval !== undefined && {
            requires_closure_approval: input.requiresClosureApproval,
          }),
          ...(instrumentKey !== undefined && { instrument_key: instrumentKey }),
          ...(input.populationGroups && { population_groups: input.populationGroups }),
          ...(input.active !== undefined && { active: input.active }),
          updated_at: clock(),
        });
        if (!row || !before) {
          const current = await q.findProgramme(trx, key);
          throw new AppError('conflict', {}, { current: current ? presentProgrammeRecord(current) : null });
        }
        const record = presentProgrammeRecord(row);
        await audit.record(trx, actor, {
          action: 'programme.updated',
          recordType: 'programme',
          recordId: key,
          changes: { before: audited(presentProgrammeRecord(before)), after: audited(record) },
        });
        return record;
      });
    },

    /** For other modules: one programme's configuration, or undefined. */
    async findProgramme(key: string, language: Language = 'es') {
      const row = await q.findProgramme(db, key);
      return row ? presentProgramme(row, language) : undefined;
    },

    /** For other modules: the names of some programmes in one language. */
    async programmeNames(keys: string[], language: Language): Promise<Map<string, string>> {
      const rows = await q.findProgrammes(db, [...new Set(keys)]);
      return new Map(rows.map((row) => [row.key, language === 'en' ? row.name_en : row.name_es]));
    },
  };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
