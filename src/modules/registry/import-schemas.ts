import { z } from 'zod';
import { IMPORT_FIELDS } from '../../domain/registry/import/mapping';
import { POPULATION_GROUPS } from '../../domain/registry/import/rows';
import { DuplicateCandidate } from './schemas';

export const ImportIdParams = z.object({ id: z.uuid() });

export const ImportUploadQuery = z.object({
  officeId: z.uuid(),
  fileName: z.string().trim().min(1).max(200),
});

export const ImportField = z.enum(IMPORT_FIELDS);

export const ImportJob = z
  .object({
    id: z.uuid(),
    officeId: z.uuid(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    status: z.enum(['draft', 'queued', 'running', 'succeeded', 'failed', 'cancelled']),
    mode: z.enum(['allOrNothing', 'skipInvalid']).nullable(),
    columns: z.array(z.string()),
    /** One entry per column: the field it fills, or null. */
    mapping: z.array(ImportField.nullable()),
    defaultPopulationGroup: z.enum(POPULATION_GROUPS).nullable(),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    createdRows: z.number().int(),
    /** Rows whose document was already registered: linked to that person, nothing created. */
    matchedRows: z.number().int(),
    /** Rows already imported before (same office, same values): nothing created. */
    skippedRows: z.number().int(),
    rejectedRows: z.number().int(),
    /** Created rows that look like a person already registered (score 0.7 or more). */
    flaggedRows: z.number().int(),
    errorCode: z.string().nullable(),
    createdBy: z.object({ id: z.uuid(), displayName: z.string() }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });

export const ImportUploadResult = z.object({
  job: ImportJob,
  /** `saved`: the office's mapping for files with these headers; `suggested`: guessed from the header names. */
  mappingSource: z.enum(['saved', 'suggested']),
  /** Up to three values of each column, to recognize it. */
  samples: z.array(z.array(z.string())),
});

export const ImportMappingBody = z.object({
  mapping: z.array(ImportField.nullable()).max(500),
  defaultPopulationGroup: z.enum(POPULATION_GROUPS).nullish(),
});

export const ImportPreviewQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

const RowErrorOut = z.object({ field: z.string(), message: z.string() });

export const ImportPreview = z.object({
  job: ImportJob,
  totalRows: z.number().int(),
  invalidRows: z.number().int(),
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      cells: z.array(z.string()),
      person: z
        .object({
          displayName: z.string(),
          birthDate: z.string().nullable(),
          documents: z.array(z.string()),
          populationGroup: z.string(),
        })
        .nullable(),
      errors: z.array(RowErrorOut),
      candidates: z.array(DuplicateCandidate),
    }),
  ),
});

export const ImportStartBody = z.object({ mode: z.enum(['allOrNothing', 'skipInvalid']) });

export const ImportListQuery = z.object({
  officeId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
