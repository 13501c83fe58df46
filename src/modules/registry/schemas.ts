import { z } from 'zod';
import { DOCUMENT_TYPES } from '../../domain/registry/document-types';
import { MATERNITY_STATUSES } from '../../domain/registry/maternity';
import { CONSENT_PURPOSES, POPULATION_GROUPS, RELATIONSHIPS } from '../../domain/registry/vocabulary';

const name = z.string().trim().min(1).max(80);
const optionalName = z
  .string()
  .trim()
  .max(80)
  .nullish()
  .transform((value) => value || null);
const country = z.string().regex(/^[A-Z]{2}$/, 'registry.countryCode');

const washingtonGroupLevel = z.number().int().min(1).max(4).nullish();

/** Pregnancy or lactation (health data): only for women by sex at birth; null clears it. */
const MaternityInput = z
  .object({
    status: z.enum(MATERNITY_STATUSES),
    since: z.iso
      .date()
      .nullish()
      .describe('Pregnant: when it began or was known (optional). Lactating: the child’s birth date'),
    until: z.iso
      .date()
      .nullish()
      .describe(
        'Pregnant: the expected delivery date (required). Lactating: when breastfeeding ends (the child’s second birthday if omitted)',
      ),
    untilEstimated: z.boolean().default(false).describe('The date is an estimate'),
  })
  .nullish();

export const DocumentInput = z.object({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().trim().min(1).max(40),
  issuingCountry: country.nullish(),
  issuedOn: z.iso.date().nullish(),
  expiresOn: z.iso.date().nullish(),
});

export const PersonFields = z.object({
  givenName1: name,
  givenName2: optionalName,
  surname1: name,
  surname2: optionalName,
  preferredName: optionalName,
  sexAtBirth: z.enum(['female', 'male', 'intersex', 'not_stated']).nullish(),
  genderIdentity: z
    .enum(['woman', 'man', 'trans_woman', 'trans_man', 'non_binary', 'other', 'not_stated'])
    .nullish(),
  birthDate: z.iso.date().nullish(),
  birthDateEstimated: z.boolean(),
  nationalities: z.array(country).max(4),
  previousResidenceCountry: country.nullish(),
  populationGroup: z.enum(POPULATION_GROUPS),
  ethnicGroup: z
    .enum(['none', 'indigenous', 'afro_colombian', 'raizal', 'palenquero', 'rom', 'other', 'not_stated'])
    .nullish(),
  disability: z
    .object({
      seeing: washingtonGroupLevel,
      hearing: washingtonGroupLevel,
      walking: washingtonGroupLevel,
      cognition: washingtonGroupLevel,
      selfCare: washingtonGroupLevel,
      communication: washingtonGroupLevel,
    })
    .nullish(),
  maternity: MaternityInput,
  languages: z.array(z.string().trim().min(2).max(40)).max(10),
  phone: z.string().trim().max(30).nullish(),
  email: z.email().max(320).nullish(),
  addressLine: z.string().trim().max(200).nullish(),
  neighbourhood: z.string().trim().max(120).nullish(),
  municipalityCode: z
    .string()
    .regex(/^\d{5}$/, 'registry.municipalityCode')
    .nullish(),
  returnData: z
    .object({
      returnType: z.enum(['solidario', 'humanitario', 'laboral', 'productivo', 'none']).nullish(),
      rurRegistered: z.boolean().nullish(),
      arrivalDate: z.iso.date().nullish(),
      arrivalMode: z.enum(['air', 'land']).nullish(),
      arrivalPost: z.string().trim().max(120).nullish(),
      returnedFromCountry: country.nullish(),
      yearsAbroad: z.number().int().min(0).max(100).nullish(),
      voluntary: z.boolean().nullish(),
    })
    .nullish(),
});

// Defaults belong to creation only: on an update, a field left out must stay as it is.
export const PersonCreate = PersonFields.extend({
  birthDateEstimated: z.boolean().default(false),
  nationalities: z.array(country).max(4).default([]),
  languages: z.array(z.string().trim().min(2).max(40)).max(10).default([]),
  officeId: z.uuid(),
  documents: z.array(DocumentInput).max(10).default([]),
  /** The caseworker saw the likely duplicates and registers a new person anyway. */
  acknowledgeDuplicates: z.boolean().default(false),
});

export const PersonUpdate = PersonFields.partial().extend({ version: z.number().int().min(1) });

export const DuplicateCheck = z.object({
  givenName1: name,
  givenName2: optionalName,
  surname1: name,
  surname2: optionalName,
  birthDate: z.iso.date().nullish(),
  sexAtBirth: z.enum(['female', 'male', 'intersex', 'not_stated']).nullish(),
  municipalityCode: z
    .string()
    .regex(/^\d{5}$/, 'registry.municipalityCode')
    .nullish(),
  documents: z
    .array(DocumentInput.pick({ type: true, number: true }))
    .max(10)
    .default([]),
});

const age = z.coerce.number().int().min(0).max(120);

export const PersonSearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .max(120)
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.string().min(2).optional())
      .describe(
        'A name in any order, a document number or a phone; without it, the most recently registered first',
      ),
    populationGroup: z.enum(POPULATION_GROUPS).optional(),
    officeId: z.uuid().optional().describe('One of the caller’s offices (403 for any other)'),
    municipalityCode: z
      .string()
      .regex(/^\d{5}$/, 'registry.municipalityCode')
      .optional(),
    sexAtBirth: z.enum(['female', 'male', 'intersex', 'not_stated']).optional(),
    ageFrom: age.optional().describe('Age in whole years, today in Colombia'),
    ageTo: age.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(25),
    cursor: z.coerce
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('`nextCursor` of the previous page'),
  })
  .refine(
    (query) => query.ageFrom === undefined || query.ageTo === undefined || query.ageFrom <= query.ageTo,
    {
      path: ['ageTo'],
      message: 'registry.ageRange',
    },
  );

export const PersonTimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'validation.format.other')
    .optional()
    .describe('`nextCursor` of the previous page'),
  includeReads: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Also list who read the sensitive data (coordinators and caseworkers only)'),
});

export const PersonIdParams = z.object({ id: z.uuid() });

const MatchReason = z.enum([
  'sameDocument',
  'sameNumberOtherDocumentType',
  'sameName',
  'similarName',
  'sameBirthDate',
  'swappedDayMonth',
  'missingSecondSurname',
  'swappedSurnames',
]);

/** Why the model thinks so: each field's agreement level and its weight (log2 m/u), adding up to the total. */
export const MatchExplanation = z
  .object({
    priorWeight: z.number(),
    totalWeight: z.number(),
    probability: z.number(),
    /** Two different documents of the same type: never the same person without a review. */
    veto: z.boolean(),
    fields: z.array(
      z.object({
        field: z.string(),
        label: z.string().describe("Level label of comparisons.ts's FIELDS ('exact', 'jw92', 'null'…)"),
        weight: z.number(),
        tfAdjustment: z.number(),
      }),
    ),
  })
  .meta({ id: 'MatchExplanation' });

export const DuplicateCandidate = z
  .object({
    /** The match probability rounded to two decimals (kept for clients of the earlier score). */
    score: z.number(),
    probability: z.number(),
    decision: z.enum(['same', 'review']),
    /** Null, like `person`, when the caller may not read the record: which fields agreed would give it away. */
    explanation: MatchExplanation.nullable(),
    reasons: z.array(MatchReason),
    /** Null when the match belongs to an office the caller does not work in: only that office is named. */
    person: z.object({ id: z.uuid(), displayName: z.string(), birthDate: z.string().nullable() }).nullable(),
    officeName: z.string(),
  })
  .meta({ id: 'DuplicateCandidate' });

export const DocumentSchema = z.object({
  id: z.uuid(),
  type: z.enum(DOCUMENT_TYPES),
  number: z.string(),
  issuingCountry: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});

export const PersonSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    givenName1: z.string(),
    givenName2: z.string().nullable(),
    surname1: z.string(),
    surname2: z.string().nullable(),
    preferredName: z.string().nullable(),
    sexAtBirth: z.string().nullable(),
    birthDate: z.string().nullable(),
    birthDateEstimated: z.boolean(),
    nationalities: z.array(z.string()),
    previousResidenceCountry: z.string().nullable(),
    populationGroup: z.string(),
    languages: z.array(z.string()),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    addressLine: z.string().nullable(),
    neighbourhood: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    returnData: z.object({
      returnType: z.string().nullable(),
      rurRegistered: z.boolean().nullable(),
      arrivalDate: z.string().nullable(),
      arrivalMode: z.string().nullable(),
      arrivalPost: z.string().nullable(),
      returnedFromCountry: z.string().nullable(),
      yearsAbroad: z.number().nullable(),
      voluntary: z.boolean().nullable(),
    }),
    /** Present only for roles that may read sensitive data (Ley 1581 art. 5); such reads are audited. */
    sensitive: z
      .object({
        genderIdentity: z.string().nullable(),
        ethnicGroup: z.string().nullable(),
        disability: z.object({
          seeing: z.number().nullable(),
          hearing: z.number().nullable(),
          walking: z.number().nullable(),
          cognition: z.number().nullable(),
          selfCare: z.number().nullable(),
          communication: z.number().nullable(),
        }),
        maternity: z
          .object({
            status: z.enum(MATERNITY_STATUSES),
            since: z.string().nullable(),
            until: z.string().nullable(),
            untilEstimated: z.boolean(),
            /** Whether it counts today (a pregnancy to 30 days past the expected date; a lactation to its end). */
            current: z.boolean(),
            recordedAt: z.string().nullable(),
            recordedBy: z.uuid().nullable(),
          })
          .nullable(),
      })
      .nullable(),
    documents: z.array(DocumentSchema),
    registeredOfficeId: z.uuid(),
    officeIds: z.array(z.uuid()),
    version: z.number().int(),
    abilities: z.object({ update: z.boolean(), readSensitive: z.boolean() }),
  })
  .meta({ id: 'Person' });

export const PersonSearchResult = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      birthDate: z.string().nullable(),
      sexAtBirth: z.string().nullable(),
      populationGroup: z.string(),
      phone: z.string().nullable(),
      municipalityCode: z.string().nullable(),
      registeredOfficeId: z.uuid(),
      documents: z.array(z.object({ type: z.string(), number: z.string() })),
      /** Similarity to the query (1 for a document or phone match, and when listing without a query). */
      rank: z.number(),
    }),
  ),
  nextCursor: z.number().nullable(),
});

export const TIMELINE_KINDS = [
  'registered',
  'updated',
  'sensitiveRead',
  'consentGiven',
  'consentRevoked',
  'merged',
  'mergeUndone',
  'joinedHousehold',
  'leftHousehold',
  'other',
] as const;

export const TimelineEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    /** The audit action behind the entry (e.g. `person.updated`). */
    action: z.string(),
    actor: z.object({ name: z.string().nullable(), role: z.string().nullable() }),
    /**
     * The fields changed, named as in the API. Values of sensitive fields (gender identity, ethnicity,
     * disability) are never shown here: only that they changed.
     */
    fields: z.array(
      z.object({
        field: z.string(),
        sensitive: z.boolean(),
        before: z.unknown().nullable(),
        after: z.unknown().nullable(),
      }),
    ),
    documents: z.array(z.object({ type: z.string(), number: z.string() })),
    consent: z
      .object({ purpose: z.string(), givenBy: z.string().nullable(), method: z.string().nullable() })
      .nullable(),
    household: z.object({ id: z.uuid(), relationship: z.string().nullable() }).nullable(),
    merge: z.object({ mergeId: z.string().nullable(), otherPersonId: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'PersonTimelineEntry' });

export const PersonTimeline = z.object({
  items: z.array(TimelineEntrySchema),
  nextCursor: z.string().nullable(),
});

export const PersonHouseholds = z.object({
  items: z.array(
    z.object({
      householdId: z.uuid(),
      relationship: z.enum(RELATIONSHIPS),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
    }),
  ),
});

export const HouseholdCreate = z.object({
  officeId: z.uuid(),
  addressLine: z.string().trim().max(200).nullish(),
  neighbourhood: z.string().trim().max(120).nullish(),
  municipalityCode: z
    .string()
    .regex(/^\d{5}$/, 'registry.municipalityCode')
    .nullish(),
  members: z
    .array(z.object({ personId: z.uuid(), relationship: z.enum(RELATIONSHIPS) }))
    .min(1)
    .max(30),
});

export const HouseholdMemberAdd = z.object({ personId: z.uuid(), relationship: z.enum(RELATIONSHIPS) });
export const HouseholdIdParams = z.object({ id: z.uuid() });
export const HouseholdMemberParams = z.object({ id: z.uuid(), personId: z.uuid() });

export const HouseholdSchema = z
  .object({
    id: z.uuid(),
    addressLine: z.string().nullable(),
    neighbourhood: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    registeredOfficeId: z.uuid(),
    version: z.number().int(),
    members: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string(),
        relationship: z.enum(RELATIONSHIPS),
        joinedOn: z.string(),
      }),
    ),
    formerMembers: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string(),
        relationship: z.enum(RELATIONSHIPS),
        joinedOn: z.string(),
        leftOn: z.string(),
      }),
    ),
    composition: z.object({
      members: z.number(),
      childrenUnder5: z.number(),
      schoolAge: z.number(),
      olderAdults: z.number(),
      withDisability: z.number(),
      unknownAge: z.number(),
      /** Null for roles that may not read health data (Ley 1581 art. 5). */
      pregnantOrLactating: z.number().nullable(),
    }),
  })
  .meta({ id: 'Household' });

export const ConsentCreate = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  givenBy: z.enum(['self', 'guardian']),
  guardianName: z.string().trim().min(2).max(200).nullish(),
  method: z.enum(['written', 'verbal', 'digital']),
  grantedAt: z.iso.datetime({ offset: true }).optional().describe('When it was given; now if omitted'),
});

export const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

export const ConsentSchema = z
  .object({
    id: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES),
    givenBy: z.enum(['self', 'guardian']),
    guardianName: z.string().nullable(),
    method: z.enum(['written', 'verbal', 'digital']),
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Consent' });

export const PersonMergeCreate = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  survivorVersion: z.number().int().min(1),
  mergedVersion: z.number().int().min(1),
  takeFromMerged: z
    .array(
      z.enum([
        'givenName1',
        'givenName2',
        'surname1',
        'surname2',
        'preferredName',
        'sexAtBirth',
        'genderIdentity',
        'birthDate',
        'nationalities',
        'previousResidenceCountry',
        'populationGroup',
        'ethnicGroup',
        'disability',
        'languages',
        'phone',
        'email',
        'address',
        'returnData',
      ]),
    )
    .max(18)
    .default([]),
});

export const MergeIdParams = z.object({ id: z.uuid() });

export { CONSENT_PURPOSES, POPULATION_GROUPS, RELATIONSHIPS };
