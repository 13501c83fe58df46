import { z } from 'zod';

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
