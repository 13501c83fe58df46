import { z } from 'zod';
import { POPULATION_GROUPS } from '../../domain/registry/vocabulary';

export const ProgrammeSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  requiresPlanApproval: z.boolean(),
  requiresClosureApproval: z.boolean(),
  /** The assessment instrument the programme measures its people with, if any. */
  instrumentKey: z.string().nullable(),
  /** Population groups it targets; empty when anyone may enrol. */
  populationGroups: z.array(z.string()),
  active: z.boolean(),
});

export const ProgrammeList = z.object({ items: z.array(ProgrammeSchema) });

export const ProgrammeListQuery = z.object({
  /** `true` also lists programmes that no longer enrol anyone. */
  includeInactive: z.enum(['true', 'false']).optional(),
});

// Administration (network administrators): the full bilingual record, its version, and its changes.

const Bilingual = z.object({ es: z.string(), en: z.string() });

export const ProgrammeRecord = z.object({
  key: z.string(),
  name: Bilingual,
  description: z.object({ es: z.string().nullable(), en: z.string().nullable() }),
  organizationId: z.uuid().nullable(),
  requiresPlanApproval: z.boolean(),
  requiresClosureApproval: z.boolean(),
  instrumentKey: z.string().nullable(),
  populationGroups: z.array(z.enum(POPULATION_GROUPS)),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ProgrammeRecordList = z.object({ items: z.array(ProgrammeRecord) });

export const ProgrammeKeyParams = z.object({ key: z.string().max(63) });

/** Lower-case slug, as the table's check: letters, digits and hyphens, 2 to 63 characters, not starting with a hyphen. */
const ProgrammeKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'programmes.admin.keyFormat' });

const name = z.strictObject({
  es: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

const optionalText = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((value) => value || null);

const description = z.strictObject({ es: optionalText, en: optionalText });

const instrumentKey = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((value) => value || null);

const populationGroups = z
  .array(z.enum(POPULATION_GROUPS))
  .max(POPULATION_GROUPS.length)
  .refine((groups) => new Set(groups).size === groups.length, { message: 'programmes.admin.repeatedGroup' });

export const ProgrammeCreate = z.strictObject({
  key: ProgrammeKey,
  name,
  description: description.optional(),
  organizationId: z.uuid().nullish(),
  requiresPlanApproval: z.boolean(),
  requiresClosureApproval: z.boolean(),
  instrumentKey,
  populationGroups: populationGroups.default([]),
  active: z.boolean().default(true),
});

/** A change: the version read, and the fields that change. The key is never renamed (cases reference it). */
export const ProgrammeUpdate = z.strictObject({
  version: z.number().int().min(1),
  name: name.optional(),
  description: description.optional(),
  organizationId: z.uuid().nullish(),
  requiresPlanApproval: z.boolean().optional(),
  requiresClosureApproval: z.boolean().optional(),
  /** Null (or empty) takes the instrument off; absent leaves it. */
  instrumentKey: z.string().trim().max(100).nullable().optional(),
  populationGroups: populationGroups.optional(),
  active: z.boolean().optional(),
});
