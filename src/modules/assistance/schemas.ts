import { z } from 'zod';
import { ProtocolStep } from '../../domain/assistance/protocol';
import {
  ANNOUNCERS,
  ARRIVAL_CATEGORIES,
  ARRIVAL_STATUSES,
  PROVISIONS,
  TRANSPORT_MODES,
} from '../../domain/assistance/vocabulary';
import { PersonCreate } from '../registry/schemas';
import { Task } from '../tasks/schemas';

export const IdParams = z.object({ id: z.uuid() });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** A traveller registered in the same step: the registry's fields, at the arrival's post, with its duplicate check. */
export const NewTraveller = PersonCreate.omit({ officeId: true });

const categories = z
  .array(z.enum(ARRIVAL_CATEGORIES))
  .max(ARRIVAL_CATEGORIES.length)
  .transform((values) => [...new Set(values)]);
const provided = z
  .array(z.enum(PROVISIONS))
  .max(PROVISIONS.length)
  .transform((values) => [...new Set(values)]);

const arrivalFields = {
  announcedBy: z.enum(ANNOUNCERS).nullish(),
  expectedAt: z.iso.datetime({ offset: true }).nullish(),
  transport: z.enum(TRANSPORT_MODES),
  flightOrCrossing: optionalText(60),
  originCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'registry.countryCode')
    .nullish(),
  /** Who the notice names, until the traveller is linked to the registry. */
  travellerName: optionalText(160),
  travellerDocument: optionalText(60),
  shelterPlace: optionalText(200),
  notes: optionalText(2000),
};

export const ArrivalCreate = z
  .strictObject({
    officeId: z.uuid(),
    /** Announced beforehand (a consulate's or Migración Colombia's notice), or found at the post. */
    kind: z.enum(['announced', 'found']),
    ...arrivalFields,
    transport: z.enum(TRANSPORT_MODES).default('air'),
    personId: z.uuid().nullish(),
    newPerson: NewTraveller.nullish(),
    categories: categories.default([]),
    provided: provided.default([]),
  })
  .superRefine((input, context) => {
    if (input.personId && input.newPerson) {
      context.addIssue({ code: 'custom', path: ['newPerson'], message: 'arrivals.onePerson' });
    }
    const linked = Boolean(input.personId || input.newPerson);
    if (input.kind === 'announced') {
      if (!input.expectedAt) {
        context.addIssue({ code: 'custom', path: ['expectedAt'], message: 'arrivals.expectedAtRequired' });
      }
      if (!linked && !input.travellerName) {
        context.addIssue({ code: 'custom', path: ['travellerName'], message: 'arrivals.travellerRequired' });
      }
    } else if (!linked) {
      context.addIssue({ code: 'custom', path: ['personId'], message: 'arrivals.personRequired' });
    }
  });

export const ArrivalUpdate = z.strictObject({
  version: z.number().int().min(1),
  announcedBy: arrivalFields.announcedBy,
  expectedAt: arrivalFields.expectedAt,
  transport: arrivalFields.transport.optional(),
  flightOrCrossing: arrivalFields.flightOrCrossing.optional(),
  originCountry: arrivalFields.originCountry,
  travellerName: arrivalFields.travellerName.optional(),
  travellerDocument: arrivalFields.travellerDocument.optional(),
  shelterPlace: arrivalFields.shelterPlace.optional(),
  notes: arrivalFields.notes.optional(),
  /** Setting a category on a received arrival starts its protocol. */
  categories: categories.optional(),
  provided: provided.optional(),
});

export const ArrivalReceive = z
  .strictObject({
    version: z.number().int().min(1),
    /** The traveller found in the registry, or registered now; not needed if the arrival already names one. */
    personId: z.uuid().nullish(),
    newPerson: NewTraveller.nullish(),
    categories: categories.optional(),
    provided: provided.optional(),
    shelterPlace: arrivalFields.shelterPlace.optional(),
    notes: arrivalFields.notes.optional(),
  })
  .refine((input) => !(input.personId && input.newPerson), {
    path: ['newPerson'],
    message: 'arrivals.onePerson',
  });

export const ArrivalNoShow = z.strictObject({ version: z.number().int().min(1) });

export const ArrivalTaskCreate = z.strictObject({
  title: z.string().trim().min(1, 'tasks.titleRequired').max(200),
  assigneeId: z.uuid().nullish(),
  dueAt: z.iso.datetime({ offset: true }).nullish(),
});

export const ArrivalBoardQuery = z.object({
  officeId: z.uuid().optional().describe('A post the caller works at; their first one without it'),
  date: z.iso.date().optional().describe('A day in Colombia; today without it'),
  status: z.enum(ARRIVAL_STATUSES).optional(),
});

const Bilingual = z.object({ es: z.string(), en: z.string() });

export const Arrival = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  officeName: z.string(),
  kind: z.enum(['announced', 'found']),
  announcedBy: z.enum(ANNOUNCERS).nullable(),
  expectedAt: z.string().nullable(),
  transport: z.enum(TRANSPORT_MODES),
  flightOrCrossing: z.string().nullable(),
  originCountry: z.string().nullable(),
  travellerName: z.string().nullable(),
  travellerDocument: z.string().nullable(),
  personId: z.uuid().nullable(),
  categories: z.array(z.enum(ARRIVAL_CATEGORIES)),
  provided: z.array(z.enum(PROVISIONS)),
  shelterPlace: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(ARRIVAL_STATUSES),
  receivedAt: z.string().nullable(),
  receivedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  openTasks: z.number().int(),
});

export const ArrivalDetail = Arrival.extend({
  /** The checklist: the tasks of its protocols and those added by hand. */
  tasks: z.array(Task),
  /** Before reception: the steps its categories' protocols will create. */
  plannedSteps: z.array(
    z.object({ category: z.string(), stepId: z.string(), title: Bilingual, dueOffsetMinutes: z.number() }),
  ),
  abilities: z.object({ update: z.boolean(), receive: z.boolean() }),
});

export const ArrivalBoard = z.object({
  officeId: z.uuid(),
  date: z.string(),
  items: z.array(Arrival),
  counts: z.object({ announced: z.number().int(), received: z.number().int(), noShow: z.number().int() }),
});

export const Protocol = z.object({
  id: z.uuid(),
  category: z.enum(ARRIVAL_CATEGORIES),
  version: z.number().int(),
  name: Bilingual,
  steps: z.array(ProtocolStep),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const ProtocolList = z.object({
  items: z.array(Protocol),
  abilities: z.object({ manage: z.boolean() }),
});

export const ProtocolVersions = z.object({
  items: z.array(
    z.object({
      versionNumber: z.number().int(),
      name: Bilingual,
      steps: z.array(ProtocolStep),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
    }),
  ),
});

export const ProtocolUpdate = z
  .strictObject({
    version: z.number().int().min(1),
    name: z.strictObject({ es: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
    steps: z.array(ProtocolStep).min(1).max(30),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        context.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: 'protocols.stepIdTaken' });
      }
      seen.add(step.id);
    });
  });

export const ProtocolReportQuery = z.object({
  from: z.iso.date().optional().describe('First day (Colombia), 30 days ago without it'),
  to: z.iso.date().optional().describe('Last day (Colombia), today without it'),
  officeId: z.uuid().optional(),
});

const Counts = {
  onTime: z.number().int(),
  late: z.number().int(),
  pending: z.number().int(),
  overdue: z.number().int(),
  cancelled: z.number().int(),
};

export const ProtocolReport = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      category: z.enum(ARRIVAL_CATEGORIES),
      name: Bilingual,
      ...Counts,
      steps: z.array(z.object({ stepId: z.string(), title: Bilingual.nullable(), ...Counts })),
    }),
  ),
});
