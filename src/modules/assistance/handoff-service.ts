import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { ArrivalCategory } from '../../domain/assistance/vocabulary';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { Language } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { CaseService } from '../cases/service';
import type { Actor } from '../identity/actor';
import type { ProgrammeService } from '../programmes/service';
import type { TasksService } from '../tasks/service';
import * as hq from './handoff-queries';
import type { ArrivalHandoffCreate } from './handoff-schemas';
import { assistancePolicy } from './policy';
import * as q from './queries';

/** The step of the shipped protocols that a hand-off completes ("Remitir a una Oficina de Atención al Migrante…"). */
export const REFER_STEP_ID = 'refer_office';
/** Categories and provisions that say something about health: reading them is audited. */
const HEALTH_CATEGORIES: readonly string[] = ['health_condition'];
const HEALTH_PROVISIONS: readonly string[] = [
  'medical_airport',
  'medical_secretariat',
  'psychosocial_first_aid',
];

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The hand-off of a traveller received at an arrival post to a Migrant Assistance Office: the post's staff open a
 * case there through the cases service (which owns that rule), the arrival keeps a link-free summary, the protocol
 * step "refer to an office" is done, and the case's team reads how the person arrived.
 */
export function createHandoffService({
  db,
  audit,
  cases,
  tasks,
  programmes,
  clock = () => new Date(),
}: {
  db: Kysely<Database>;
  audit: AuditService;
  cases: CaseService;
  tasks: TasksService;
  programmes: ProgrammeService;
  clock?: () => Date;
}) {
  async function loadArrival(actor: Actor, id: string) {
    const row = await q.findArrival(db, id);
    if (!row || !assistancePolicy.readArrival(actor, { officeId: row.office_id }))
      throw new AppError('notFound');
    return row;
  }

  async function state(actor: Actor, id: string, language: Language) {
    const row = await loadArrival(actor, id);
    const handoff = await hq.findHandoff(db, id);
    const done = Boolean(handoff?.case_id);
    const staff = assistancePolicy.recordArrival(actor, row.office_id);
    const blockedBy: 'notReceived' | 'noPerson' | null =
      done || !staff ? null : row.status !== 'received' ? 'notReceived' : !row.person_id ? 'noPerson' : null;
    const programme =
      done && handoff?.handoff_programme_key
        ? await programmes.findProgramme(handoff.handoff_programme_key, language)
        : undefined;
    return {
      arrivalId: row.id,
      arrivalVersion: row.version,
      handoff:
        done && handoff?.handoff_office_id && handoff.handoff_programme_key
          ? {
              office: { id: handoff.handoff_office_id, name: handoff.office_name ?? '' },
              programme: {
                key: handoff.handoff_programme_key,
                name: programme?.name ?? handoff.handoff_programme_key,
              },
              handedOffAt: iso(handoff.handed_off_at) as string,
              handedOffBy: handoff.handed_off_by_name ?? null,
            }
          : null,
      offices: staff && !done ? (await cases.receivingOffices()).map((o) => ({ ...o })) : [],
      abilities: { handoff: staff && !done && blockedBy === null },
      blockedBy,
    };
  }

  return {
    /** The hand-off of an arrival: done (its summary) or the offices it may go to. Post staff only (404). */
    getHandoff: state,

    /**
     * Opens the traveller's case at the chosen office and programme, records it on the arrival at the version read
     * (409 when stale or already handed off), completes the protocol step that asks for it, audits both sides.
     */
    async handOff(actor: Actor, id: string, input: z.infer<typeof ArrivalHandoffCreate>, language: Language) {
      const row = await loadArrival(actor, id);
      if (!assistancePolicy.recordArrival(actor, row.office_id)) throw new AppError('forbidden');
      const conflict = async () =>
        new AppError('conflict', {}, { current: await state(actor, id, language) });
      if (row.case_id || row.version !== input.version) throw await conflict();
      if (row.status !== 'received')
        throw new InvalidFieldsError([{ path: 'status', messageKey: 'arrivals.handoff.notReceived' }]);
      if (!row.person_id)
        throw new InvalidFieldsError([{ path: 'personId', messageKey: 'arrivals.handoff.noPerson' }]);
      const now = clock();
      let stale = false;
      try {
        await cases.openCaseFromArrival(
          actor,
          {
            arrivalId: id,
            postOfficeId: row.office_id,
            postName: row.office_name,
            personId: row.person_id,
            officeId: input.officeId,
            programmeKey: input.programmeKey,
            categories: row.categories as ArrivalCategory[],
          },
          language,
          async (trx, caseId) => {
            const updated = await q.updateArrivalAtVersion(trx, id, input.version, {
              case_id: caseId,
              handoff_office_id: input.officeId,
              handoff_programme_key: input.programmeKey,
              handed_off_by: actor.userId,
              handed_off_at: now,
            });
            if (!updated) {
              stale = true;
              throw new AppError('conflict');
            }
            await audit.record(trx, actor, {
              action: 'arrival.handed_off',
              recordType: 'arrival',
              recordId: id,
              officeId: row.office_id,
              changes: { after: { caseId, officeId: input.officeId, programme: input.programmeKey } },
            });
            await tasks.completeArrivalStep(trx, actor, id, REFER_STEP_ID);
          },
        );
      } catch (error) {
        if (stale) throw await conflict();
        throw error;
      }
      return state(actor, id, language);
    },

    /**
     * How the person of a case arrived, for the case's team (the assistance policy decides); null when the case
     * was not opened from an arrival. Reading an arrival with health categories or care provided is audited.
     */
    async arrivalOfCase(actor: Actor, caseId: string) {
      const c = await cases.readableCase(actor, caseId);
      if (!assistancePolicy.readArrivalOfCase(actor, c.officeId)) throw new AppError('notFound');
      const row = await hq.findArrivalOfCase(db, caseId);
      if (!row) return { arrival: null };
      const categories = row.categories as ArrivalCategory[];
      if (
        categories.some((x) => HEALTH_CATEGORIES.includes(x)) ||
        row.provided.some((x) => HEALTH_PROVISIONS.includes(x))
      )
        await audit.record(db, actor, {
          action: 'arrival.read_by_case_team',
          recordType: 'arrival',
          recordId: row.id,
          officeId: c.officeId,
          changes: { after: { caseId } },
        });
      return {
        arrival: {
          postName: row.post_name,
          kind: row.kind as 'announced' | 'found',
          announcedBy: row.announced_by as 'consulate' | 'migration_authority' | 'other' | null,
          transport: row.transport as 'air' | 'land',
          flightOrCrossing: row.flight_or_crossing,
          receivedAt: iso(row.received_at),
          categories,
          provided: row.provided as never[],
          shelterPlace: row.shelter_place,
          handedOffAt: iso(row.handed_off_at),
          handedOffBy: row.handed_off_by_name ?? null,
        },
      };
    },
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;
