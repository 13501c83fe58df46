import { z } from 'zod';
import { NEED_DIMENSIONS } from '../../domain/characterization/vocabulary';
import { SERVICE_CATEGORY_CODES } from '../../domain/directory/taxonomy';

/** A comma-separated list of known codes (`need=social,cultural`), checked whole so a problem names the parameter. */
function codeList<T extends string>(codes: readonly T[], messageKey: string) {
  return z
    .string()
    .trim()
    .max(400)
    .refine((value) => value.split(',').every((code) => (codes as readonly string[]).includes(code.trim())), {
      message: messageKey,
    })
    .transform((value) => [...new Set(value.split(',').map((code) => code.trim() as T))]);
}

const municipalityCode = z
  .string()
  .trim()
  .regex(/^\d{5}$/, { message: 'finder.validation.municipality' });

export const PublicServiceQuery = z.object({
  /** Need dimensions (one, or several separated by commas): services of their categories. */
  need: codeList(NEED_DIMENSIONS, 'finder.validation.need').optional(),
  /** Service categories (one, or several separated by commas). */
  category: codeList(SERVICE_CATEGORY_CODES, 'finder.validation.category').optional(),
  /** DIVIPOLA code of the municipality: its own services first, then those that serve the whole country. */
  municipality: municipalityCode.optional(),
  /** Words of the service's or organization's name or description, or of a category's name; accents optional. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});

export const PublicServiceParams = z.object({ id: z.uuid() });

/** The municipality the visitor chose, so the service's locations there come first. */
export const PublicServiceDetailQuery = z.object({ municipality: municipalityCode.optional() });

export const PublicMunicipalityQuery = z.object({ q: z.string().trim().min(1).max(80) });

const Municipality = z.object({ code: z.string(), name: z.string(), departmentName: z.string() });

const Schedule = z.object({
  /** HSDS weekdays: MO, TU, WE, TH, FR, SA, SU. */
  days: z.array(z.string()),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  description: z.string().nullable(),
});

/** A public way to reach a service: a switchboard or desk, never a named staff member. */
const Contact = z.object({
  department: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

const Location = z.object({
  name: z.string(),
  address: z.string().nullable(),
  transportation: z.string().nullable(),
  municipality: Municipality.nullable(),
  schedules: z.array(Schedule),
  contacts: z.array(Contact),
});

export const PublicService = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.object({ code: z.string(), name: z.string() }),
  need: z.object({ code: z.string(), name: z.string() }),
  /** `local`: offered in the municipality asked for; `national`: for anyone in the country; `area`: elsewhere. */
  reach: z.enum(['local', 'national', 'area']),
  organization: z.object({ name: z.string(), website: z.string().nullable(), email: z.string().nullable() }),
  url: z.string().nullable(),
  email: z.string().nullable(),
  applicationProcess: z.string().nullable(),
  fees: z.string().nullable(),
  eligibility: z.string().nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  requiredDocuments: z.array(z.string()),
  languages: z.array(z.string()),
  /** Municipalities the service is limited to; empty when it has no such limit. */
  areaServed: z.array(Municipality),
  locations: z.array(Location),
  schedules: z.array(Schedule),
  contacts: z.array(Contact),
});

export const PublicServicePage = z.object({
  items: z.array(PublicService),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const PublicMunicipalityList = z.object({ items: z.array(Municipality) });
