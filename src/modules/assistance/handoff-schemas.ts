import { z } from 'zod';
import {
  ANNOUNCERS,
  ARRIVAL_CATEGORIES,
  PROVISIONS,
  TRANSPORT_MODES,
} from '../../domain/assistance/vocabulary';

/** Hand the traveller of a received arrival to a case office, opening a case there in a programme. */
export const ArrivalHandoffCreate = z.object({
  /** The arrival's version as read (409 when stale). */
  version: z.number().int().min(1),
  officeId: z.uuid(),
  programmeKey: z.string().trim().min(1).max(80),
});

/** What the post keeps of a hand-off: no link to the case, which it may not read. */
export const ArrivalHandoffSummary = z.object({
  office: z.object({ id: z.uuid(), name: z.string() }),
  programme: z.object({ key: z.string(), name: z.string() }),
  handedOffAt: z.string(),
  handedOffBy: z.string().nullable(),
});

export const ArrivalHandoff = z.object({
  arrivalId: z.uuid(),
  arrivalVersion: z.number().int(),
  handoff: ArrivalHandoffSummary.nullable(),
  /** Offices that may receive the traveller (Migrant Assistance Offices and one-stop centres). */
  offices: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
  abilities: z.object({ handoff: z.boolean() }),
  /** Why the hand-off is not possible yet, when it is not done and the caller works at the post. */
  blockedBy: z.enum(['notReceived', 'noPerson']).nullable(),
});

/** How the person of a case arrived, for the case team (null when the case did not come from an arrival). */
export const CaseArrival = z.object({
  arrival: z
    .object({
      postName: z.string(),
      kind: z.enum(['announced', 'found']),
      announcedBy: z.enum(ANNOUNCERS).nullable(),
      transport: z.enum(TRANSPORT_MODES),
      flightOrCrossing: z.string().nullable(),
      receivedAt: z.string().nullable(),
      categories: z.array(z.enum(ARRIVAL_CATEGORIES)),
      provided: z.array(z.enum(PROVISIONS)),
      shelterPlace: z.string().nullable(),
      handedOffAt: z.string().nullable(),
      handedOffBy: z.string().nullable(),
    })
    .nullable(),
});
