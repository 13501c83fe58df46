import type { DatabaseHandle } from '../db/database';
import { createAssessmentService } from '../modules/assessment/service';
import { createHandoffService } from '../modules/assistance/handoff-service';
import { createAssistanceService } from '../modules/assistance/service';
import { createAuditService } from '../modules/audit/service';
import { createCaseService } from '../modules/cases/service';
import { createCharacterizationService } from '../modules/characterization/service';
import { createHsdsService } from '../modules/directory/hsds-service';
import { createDirectoryService } from '../modules/directory/service';
import { createMatchingService } from '../modules/employment/matching-service';
import { createEmploymentService } from '../modules/employment/service';
import { createEnterpriseService } from '../modules/enterprise/service';
import { createDedupService } from '../modules/entity-resolution/dedup-service';
import { createFinderService } from '../modules/finder/service';
import { createIdentityService } from '../modules/identity/service';
import { createProgrammeService } from '../modules/programmes/service';
import { createReferenceService } from '../modules/reference/service';
import { createReferralService } from '../modules/referrals/service';
import { createImportService } from '../modules/registry/import-service';
import { createRegistryService } from '../modules/registry/service';
import { createSystemService } from '../modules/system/service';
import { createTasksService } from '../modules/tasks/service';

export interface ServiceDeps {
  database: DatabaseHandle;
  /** The version `GET /api/health` reports; absent when the services serve no HTTP (the demo seed). */
  appVersion?: string;
  clock?: () => Date;
  /** Where background work reports its failures (the app's logger); none in the demo seed. */
  logger?: { error(details: object, message: string): void };
}

/** Builds every module's service with its dependencies passed explicitly (no global database). */
export function createServices({ database, appVersion, clock, logger }: ServiceDeps) {
  const { db } = database;
  const audit = createAuditService({ db });
  const reference = createReferenceService({ db });
  const registry = createRegistryService({ db, audit });
  const identity = createIdentityService({ db, audit, clock });
  // The programmes' administration checks instruments through the assessment service, which reads programmes:
  // late-bound, called only once `assessment` exists.
  const programmes = createProgrammeService({
    db,
    audit,
    clock,
    instruments: { hasActiveInstrument: (key) => assessment.hasActiveInstrument(key) },
    organizations: async (actor) => (await identity.listNetwork(actor)).organizations,
  });
  const characterization = createCharacterizationService({ db, audit, registry });
  const directory = createDirectoryService({ db, audit, clock });
  // Tasks read the cases' workload for the office view, and cases start protocols through assistance, which
  // writes tasks: the tasks service gets a late-bound workload, called only once `cases` exists.
  const tasks = createTasksService({
    db,
    audit,
    identity,
    registry,
    clock,
    cases: { officeWorkload: (...args) => cases.officeWorkload(...args) },
  });
  const assistance = createAssistanceService({ db, audit, registry, tasks, clock });
  const assessment = createAssessmentService({ db, audit, registry, programmes });
  const cases = createCaseService({
    db,
    audit,
    registry,
    characterization,
    identity,
    programmes,
    clock,
    protocols: { apply: assistance.applyProtocol },
    caseTasks: (caseId) => tasks.tasksOfSubject({ caseId }),
  });
  const referrals = createReferralService({ db, audit, registry, cases, directory, clock });
  return {
    system: createSystemService({ db, engine: database.engine, appVersion: appVersion ?? '' }),
    audit,
    identity,
    registry,
    tasks,
    assistance,
    imports: createImportService({ db, audit, registry }),
    deduplication: createDedupService({
      db,
      audit,
      log: logger ? (message, error) => logger.error({ err: error }, message) : undefined,
    }),
    hsds: createHsdsService({ db, audit, clock }),
    reference,
    finder: createFinderService({ db, municipalities: reference.municipalities, clock }),
    assessment,
    characterization,
    programmes,
    cases,
    referrals,
    directory,
    enterprise: createEnterpriseService({ db, audit, registry, clock }),
    employment: createEmploymentService({ db, audit, registry, clock }),
    matching: createMatchingService({ db, audit, registry, characterization, clock }),
    handoff: createHandoffService({ db, audit, cases, tasks, programmes, clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
