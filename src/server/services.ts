import type { DatabaseHandle } from '../db/database';
import { createAssessmentService } from '../modules/assessment/service';
import { createAuditService } from '../modules/audit/service';
import { createCharacterizationService } from '../modules/characterization/service';
import { createIdentityService } from '../modules/identity/service';
import { createProgrammeService } from '../modules/programmes/service';
import { createReferenceService } from '../modules/reference/service';
import { createImportService } from '../modules/registry/import-service';
import { createRegistryService } from '../modules/registry/service';
import { createSystemService } from '../modules/system/service';

export interface ServiceDeps {
  database: DatabaseHandle;
  appVersion: string;
  clock?: () => Date;
}

/** Builds every module's service with its dependencies passed explicitly (no global database). */
export function createServices({ database, appVersion, clock }: ServiceDeps) {
  const { db } = database;
  const audit = createAuditService({ db });
  const registry = createRegistryService({ db, audit });
  const programmes = createProgrammeService({ db });
  return {
    system: createSystemService({ db, engine: database.engine, appVersion }),
    audit,
    identity: createIdentityService({ db, audit, clock }),
    registry,
    imports: createImportService({ db, audit, registry }),
    reference: createReferenceService({ db }),
    assessment: createAssessmentService({ db, audit, registry, programmes }),
    characterization: createCharacterizationService({ db, audit, registry }),
    programmes,
  };
}

export type Services = ReturnType<typeof createServices>;
