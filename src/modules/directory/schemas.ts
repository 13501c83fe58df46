import { z } from 'zod';
import { NEED_DIMENSIONS } from '../../domain/characterization/vocabulary';
import { SERVICE_CATEGORY_CODES, SERVICE_SEXES, SERVICE_STATUSES } from '../../domain/directory/taxonomy';
import { DOCUMENT_TYPES } from '../../domain/registry/document-types';
import { POPULATION_GROUPS } from '../../domain/registry/vocabulary';

// ---------------------------------------------------------------------------------------------------------------
// Input pieces

const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

const optionalEmail = z
  .union([z.literal(''), z.email({ message: 'directory.validation.email' }).max(254)])
  .nullish()
  .transform((value) => value || null);

const optionalUrl = z
  .union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(500)
      .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, { message: 'directory.validation.url' }),
  ])
  .nullish()
  .transform((value) => value || null);

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, { message: 'directory.validation.repeated' });

const MunicipalityCode = z.string().regex(/^\d{5}$/, { message: 'directory.validation.municipalityCode' });

/** 24-hour `HH:MM` (seconds accepted and dropped). */
const Time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { message: 'directory.validation.time' })
  .transform((value) => value.slice(0, 5));

const DateOnly = z.iso.date({ message: 'directory.validation.date' });

export const BYDAY_PATTERN = /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/;

/** A weekly opening window (HSDS schedule, freq WEEKLY): the days, the hours, and an optional note. */
export const ScheduleInput = z
  .strictObject({
    byday: z.string().trim().regex(BYDAY_PATTERN, { message: 'directory.validation.byday' }),
    opensAt: Time,
    closesAt: Time,
    validFrom: DateOnly.nullish().transform((value) => value ?? null),
    validTo: DateOnly.nullish().transform((value) => value ?? null),
    description: optionalText(500),
  })
  .refine((s) => s.opensAt < s.closesAt, {
    path: ['closesAt'],
    message: 'directory.validation.closesBeforeOpens',
  })
  .refine((s) => !s.validFrom || !s.validTo || s.validFrom <= s.validTo, {
    path: ['validTo'],
    message: 'directory.validation.validToBeforeFrom',
  });

export const ContactInput = z
  .strictObject({
    name: optionalText(200),
    title: optionalText(200),
    department: optionalText(200),
    email: optionalEmail,
    phone: z
      .union([
        z.literal(''),
        z
          .string()
          .trim()
          .max(40)
          .regex(/^[+\d][\d\s().-]{5,}(\s*(ext\.?|extensión)\s*\d+)?$/i, {
            message: 'directory.validation.phone',
          }),
      ])
      .nullish()
      .transform((value) => value || null),
  })
  .refine((c) => c.name || c.email || c.phone, { message: 'directory.validation.emptyContact' });

const Age = z.number().int().min(0).max(120).nullish();

const serviceFields = {
  organizationId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  alternateName: optionalText(200),
  description: optionalText(4000),
  category: z.enum(SERVICE_CATEGORY_CODES as [string, ...string[]]),
  status: z.enum(SERVICE_STATUSES).default('active'),
  url: optionalUrl,
  email: optionalEmail,
  applicationProcess: optionalText(2000),
  feesDescription: optionalText(1000),
  eligibilityDescription: optionalText(2000),
  minimumAge: Age.transform((value) => value ?? null),
  maximumAge: Age.transform((value) => value ?? null),
  populationGroups: unique(z.enum(POPULATION_GROUPS), POPULATION_GROUPS.length).default([]),
  sexes: unique(z.enum(SERVICE_SEXES), SERVICE_SEXES.length).default([]),
  requiredDocuments: unique(z.enum(DOCUMENT_TYPES), DOCUMENT_TYPES.length).default([]),
  /** DIVIPOLA codes where the service is offered; empty when it is national. */
  municipalityCodes: unique(MunicipalityCode, 1200).default([]),
  languages: unique(
    z.string().regex(/^[a-z]{2,3}$/, { message: 'directory.validation.language' }),
    20,
  ).default(['es']),
  capacityPerMonth: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullish()
    .transform((value) => value ?? null),
  /** Working days a partner has to accept or decline a referral. */
  acceptanceDays: z.number().int().min(1).max(365).default(5),
  /** Working days to complete the service once accepted. */
  completionDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullish()
    .transform((value) => value ?? null),
  /** The locations where it is delivered, each with its own hours there (may be none: the location's hours). */
  locations: z
    .array(
      z.strictObject({
        locationId: z.uuid(),
        description: optionalText(500),
        schedules: z.array(ScheduleInput).max(20).default([]),
      }),
    )
    .max(100)
    .default([])
    .refine((links) => new Set(links.map((l) => l.locationId)).size === links.length, {
      message: 'directory.validation.repeatedLocation',
    }),
  /** The service's own hours (for services without a place, such as a phone line). */
  schedules: z.array(ScheduleInput).max(20).default([]),
  contacts: z.array(ContactInput).max(20).default([]),
};

const ageRange = (s: { minimumAge: number | null; maximumAge: number | null }) =>
  s.minimumAge === null || s.maximumAge === null || s.minimumAge <= s.maximumAge;
const ageRangeIssue = { path: ['maximumAge'], message: 'directory.validation.ageRange' };

export const ServiceCreate = z.strictObject(serviceFields).refine(ageRange, ageRangeIssue);

/** A full replacement of the editable fields at the version read (status changes go through here too). */
export const ServiceUpdate = z
  .strictObject({ ...serviceFields, version: z.number().int().min(1) })
  .refine(ageRange, ageRangeIssue);

const locationFields = {
  organizationId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  alternateName: optionalText(200),
  description: optionalText(2000),
  transportation: optionalText(1000),
  address1: optionalText(300),
  address2: optionalText(300),
  city: optionalText(200),
  stateProvince: optionalText(200),
  postalCode: optionalText(20),
  municipalityCode: MunicipalityCode.nullish().transform((value) => value ?? null),
  latitude: z
    .number()
    .min(-90)
    .max(90)
    .nullish()
    .transform((value) => value ?? null),
  longitude: z
    .number()
    .min(-180)
    .max(180)
    .nullish()
    .transform((value) => value ?? null),
  /** The place's opening hours. */
  schedules: z.array(ScheduleInput).max(20).default([]),
};

export const LocationCreate = z.strictObject(locationFields);
export const LocationUpdate = z.strictObject({ ...locationFields, version: z.number().int().min(1) });

export const OrganizationProfileUpdate = z.strictObject({
  description: optionalText(4000),
  email: optionalEmail,
  website: optionalUrl,
  contacts: z.array(ContactInput).max(20).default([]),
  version: z.number().int().min(1),
});

export const IdParams = z.object({ id: z.uuid() });

const PositiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const ServiceListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(SERVICE_CATEGORY_CODES as [string, ...string[]]).optional(),
  dimension: z.enum(NEED_DIMENSIONS).optional(),
  municipality: MunicipalityCode.optional(),
  organizationId: z.uuid().optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  page: PositiveInt(1, 10_000),
  pageSize: PositiveInt(25, 100),
});

export const LocationListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  organizationId: z.uuid().optional(),
  municipality: MunicipalityCode.optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Output

const OrganizationRef = z.object({ id: z.uuid(), name: z.string(), shortName: z.string() });
const Municipality = z.object({ code: z.string(), name: z.string() });

export const Schedule = z.object({
  byday: z.string().nullable(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  description: z.string().nullable(),
});

export const Contact = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ServiceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.string(),
  dimension: z.string(),
  status: z.string(),
  organization: OrganizationRef,
  /** Empty when national. */
  municipalityCodes: z.array(z.string()),
  /** The municipalities of the places it is delivered at. */
  locationMunicipalities: z.array(Municipality),
  acceptanceDays: z.number().int(),
  completionDays: z.number().int().nullable(),
  capacityPerMonth: z.number().int().nullable(),
  updatedAt: z.string(),
});

export const ServiceList = z.object({ items: z.array(ServiceSummary), total: z.number().int() });

export const ServiceDetail = z.object({
  id: z.uuid(),
  organization: OrganizationRef,
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  category: z.string(),
  dimension: z.string(),
  status: z.string(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  applicationProcess: z.string().nullable(),
  feesDescription: z.string().nullable(),
  eligibilityDescription: z.string().nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  populationGroups: z.array(z.string()),
  sexes: z.array(z.string()),
  requiredDocuments: z.array(z.string()),
  municipalityCodes: z.array(z.string()),
  /** The names of `municipalityCodes`, in the same order. */
  municipalities: z.array(Municipality),
  languages: z.array(z.string()),
  capacityPerMonth: z.number().int().nullable(),
  acceptanceDays: z.number().int(),
  completionDays: z.number().int().nullable(),
  locations: z.array(
    z.object({
      /** The service-at-location link. */
      id: z.uuid(),
      locationId: z.uuid(),
      name: z.string(),
      description: z.string().nullable(),
      address1: z.string().nullable(),
      address2: z.string().nullable(),
      city: z.string().nullable(),
      municipalityCode: z.string().nullable(),
      municipalityName: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      /** The service's hours at this place. */
      schedules: z.array(Schedule),
      /** The place's own opening hours. */
      locationSchedules: z.array(Schedule),
    }),
  ),
  schedules: z.array(Schedule),
  contacts: z.array(Contact),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether the caller may edit it. */
  canEdit: z.boolean(),
});

export const LocationSummary = z.object({
  id: z.uuid(),
  organization: OrganizationRef,
  name: z.string(),
  address1: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  serviceCount: z.number().int(),
  version: z.number().int(),
});

export const LocationList = z.object({ items: z.array(LocationSummary) });

export const LocationDetail = z.object({
  id: z.uuid(),
  organization: OrganizationRef,
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  transportation: z.string().nullable(),
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  city: z.string().nullable(),
  stateProvince: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  schedules: z.array(Schedule),
  services: z.array(z.object({ id: z.uuid(), name: z.string(), category: z.string(), status: z.string() })),
  version: z.number().int(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});

export const OrganizationProfile = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  description: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  contacts: z.array(Contact),
  serviceCount: z.number().int(),
  activeServiceCount: z.number().int(),
  locationCount: z.number().int(),
  version: z.number().int(),
  canEdit: z.boolean(),
});

export const OrganizationList = z.object({ items: z.array(OrganizationProfile) });

export type ScheduleValue = z.infer<typeof ScheduleInput>;
export type ContactValue = z.infer<typeof ContactInput>;
