import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database, TaskTable } from '../../db/schema';
import { planProtocol } from '../../domain/assistance/protocol';
import { type ArrivalCategory, type ArrivalStatus, canMoveArrival } from '../../domain/assistance/vocabulary';
import { colombianDate } from '../../domain/calendar';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import type { RegistryService } from '../registry/service';
import { tasksPolicy } from '../tasks/policy';
import type { TasksService } from '../tasks/service';
import { assistancePolicy } from './policy';
import * as q from './queries';
import type {
  ArrivalBoardQuery,
  ArrivalCreate,
  ArrivalNoShow,
  ArrivalReceive,
  ArrivalTaskCreate,
  ArrivalUpdate,
  NewTraveller,
  ProtocolReportQuery,
  ProtocolUpdate,
} from './schemas';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const DAY = 86_400_000;
/** Midnight in Colombia (UTC−5) of a calendar day, as an instant. */
const startOfColombianDay = (day: string) => new Date(`${day}T05:00:00.000Z`);

/** What a protocol is applied to: an arrival at a post, or a case at an office. */
export interface ProtocolSubject {
  type: 'arrival' | 'case';
  id: string;
  /** The office whose staff work the tasks: the post, or the case's office. */
  officeId: string;
  personId?: string | null;
  /** Who the tasks go to; the office's queue without one (arrivals). */
  assigneeId?: string | null;
  /** When the protocol starts; due times count from it. Now without it. */
  startAt?: Date;
}

function presentArrival(row: q.ArrivalRow, openTasks = 0) {
  return {
    id: row.id,
    officeId: row.office_id,
    officeName: row.office_name,
    kind: row.kind as 'announced' | 'found',
    announcedBy: row.announced_by as 'consulate' | 'migration_authority' | 'other' | null,
    expectedAt: iso(row.expected_at),
    transport: row.transport as 'air' | 'land',
    flightOrCrossing: row.flight_or_crossing,
    originCountry: row.origin_country,
    travellerName: row.traveller_name,
    travellerDocument: row.traveller_document,
    personId: row.person_id,
    categories: row.categories as ArrivalCategory[],
    provided: row.provided as never[],
    shelterPlace: row.shelter_place,
    notes: row.notes,
    status: row.status as ArrivalStatus,
    receivedAt: iso(row.received_at),
    receivedBy:
      row.received_by && row.received_by_name
        ? { id: row.received_by, displayName: row.received_by_name }
        : null,
    createdAt: iso(row.created_at) as string,
    version: row.version,
    openTasks,
  };
}

export function createAssistanceService({
  db,
  audit,
  registry,
  tasks,
  clock = () => new Date(),
}: {
  db: Kysely<Database>;
  audit: AuditService;
  registry: RegistryService;
  tasks: TasksService;
  clock?: () => Date;
}) {
  async function loadArrival(actor: Actor, id: string) {
    const row = await q.findArrival(db, id);
    if (!row || !assistancePolicy.readArrival(actor, { officeId: row.office_id })) {
      throw new AppError('notFound');
    }
    return row;
  }

  /**
   * The traveller of an arrival: a person of the registry the caller may read, or one registered now at the
   * post with the registry's duplicate check (409 with the likely matches until acknowledged). Runs before the
   * arrival's own transaction: embedded mode has one connection.
   */
  async function resolveTraveller(
    actor: Actor,
    officeId: string,
    input: { personId?: string | null; newPerson?: z.infer<typeof NewTraveller> | null },
  ) {
    if (input.personId) {
      const person = await registry.getPerson(actor, input.personId);
      return { personId: person.id, displayName: person.displayName };
    }
    if (input.newPerson) {
      const person = await registry.registerPerson(actor, { ...input.newPerson, officeId });
      return { personId: person.id, displayName: person.displayName };
    }
    return null;
  }

  /** Creates the tasks of the protocols of some categories, inside the caller's transaction. */
  async function applyProtocols(
    trx: Kysely<Database>,
    actor: Actor,
    subject: ProtocolSubject,
    categories: readonly string[],
  ) {
    const protocols = await q.findCurrentProtocols(trx, [...categories]);
    const start = subject.startAt ?? clock();
    const rows: Insertable<TaskTable>[] = protocols.flatMap((protocol) =>
      planProtocol({ steps: protocol.steps }, start).map((step) => ({
        id: uuidv7(),
        office_id: subject.officeId,
        title: step.title.es,
        person_id: subject.personId ?? null,
        arrival_id: subject.type === 'arrival' ? subject.id : null,
        case_id: subject.type === 'case' ? subject.id : null,
        assignee_id: subject.assigneeId ?? null,
        due_at: step.dueAt,
        protocol_id: protocol.id,
        protocol_version_id: protocol.version_id,
        protocol_step_id: step.stepId,
        position: step.position,
        created_by: actor.userId,
        created_at: clock(),
      })),
    );
    const created = await tasks.insertProtocolTasks(trx, rows);
    if (created > 0) {
      await audit.record(trx, actor, {
        action: 'protocol.applied',
        recordType: subject.type,
        recordId: subject.id,
        officeId: subject.officeId,
        changes: { after: { categories: protocols.map((p) => p.category), tasks: created } },
      });
    }
    return created;
  }

  async function detail(actor: Actor, row: q.ArrivalRow) {
    const checklist = await tasks.tasksOfSubject({ arrivalId: row.id });
    const status = row.status as ArrivalStatus;
    const planned = status === 'received' ? [] : await q.findCurrentProtocols(db, row.categories as string[]);
    const may = assistancePolicy.recordArrival(actor, row.office_id);
    return {
      ...presentArrival(row, checklist.filter((t) => t.status === 'open').length),
      tasks: checklist,
      plannedSteps: planned.flatMap((protocol) =>
        protocol.steps.map((step) => ({
          category: protocol.category,
          stepId: step.id,
          title: step.title,
          dueOffsetMinutes: step.dueOffsetMinutes,
        })),
      ),
      abilities: {
        update: may,
        receive: may && canMoveArrival(status, 'received'),
      },
    };
  }

  async function conflict(id: string): Promise<never> {
    const current = await q.findArrival(db, id);
    throw new AppError('conflict', {}, { current: current ? presentArrival(current) : null });
  }

  return {
    /** Today's (or a day's) arrivals at a post, by expected time, with their status and open tasks. */
    async board(actor: Actor, query: z.infer<typeof ArrivalBoardQuery>) {
      if (!assistancePolicy.listArrivals(actor)) throw new AppError('forbidden');
      const officeId = query.officeId ?? actor.officeIds[0];
      if (!officeId || !assistancePolicy.recordArrival(actor, officeId)) throw new AppError('forbidden');
      const day = query.date ?? colombianDate(clock());
      const from = startOfColombianDay(day);
      const rows = await q.listArrivalsOfDay(
        db,
        officeId,
        from,
        new Date(from.getTime() + DAY),
        query.status,
      );
      const counts = await q.openTaskCounts(
        db,
        rows.map((r) => r.id),
      );
      const open = new Map(counts.map((c) => [c.arrival_id, Number(c.open)]));
      return {
        officeId,
        date: day,
        items: rows.map((row) => presentArrival(row, open.get(row.id) ?? 0)),
        counts: {
          announced: rows.filter((r) => r.status === 'announced').length,
          received: rows.filter((r) => r.status === 'received').length,
          noShow: rows.filter((r) => r.status === 'no_show').length,
        },
      };
    },

    /**
     * Records an arrival: announced (before the traveller lands or crosses, from a notice) or found at the post,
     * in which case it is received at once and its categories' protocols start.
     */
    async createArrival(actor: Actor, input: z.infer<typeof ArrivalCreate>) {
      if (!assistancePolicy.recordArrival(actor, input.officeId)) throw new AppError('forbidden');
      const traveller = await resolveTraveller(actor, input.officeId, input);
      const now = clock();
      const received = input.kind === 'found';
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertArrival(trx, {
          id,
          office_id: input.officeId,
          kind: input.kind,
          announced_by: input.announcedBy ?? null,
          expected_at: input.expectedAt ? new Date(input.expectedAt) : null,
          transport: input.transport,
          flight_or_crossing: input.flightOrCrossing ?? null,
          origin_country: input.originCountry ?? null,
          traveller_name: traveller?.displayName ?? input.travellerName ?? null,
          traveller_document: input.travellerDocument ?? null,
          person_id: traveller?.personId ?? null,
          categories: input.categories,
          provided: input.provided,
          shelter_place: input.shelterPlace ?? null,
          notes: input.notes ?? null,
          status: received ? 'received' : 'announced',
          received_at: received ? now : null,
          received_by: received ? actor.userId : null,
          created_by: actor.userId,
          created_at: now,
        });
        await audit.record(trx, actor, {
          action: 'arrival.recorded',
          recordType: 'arrival',
          recordId: id,
          officeId: input.officeId,
          changes: {
            after: {
              kind: input.kind,
              personId: traveller?.personId ?? null,
              categories: input.categories,
              provided: input.provided,
            },
          },
        });
        if (received) {
          await applyProtocols(
            trx,
            actor,
            { type: 'arrival', id, officeId: input.officeId, personId: traveller?.personId, startAt: now },
            input.categories,
          );
        }
      });
      return detail(actor, await loadArrival(actor, id));
    },

    async getArrival(actor: Actor, id: string) {
      return detail(actor, await loadArrival(actor, id));
    },

    /** Corrects an arrival; a category set on a received arrival starts its protocol. 409 on a stale version. */
    async updateArrival(actor: Actor, id: string, input: z.infer<typeof ArrivalUpdate>) {
      const row = await loadArrival(actor, id);
      const changes = {
        ...(input.announcedBy !== undefined && { announced_by: input.announcedBy }),
        ...(input.expectedAt !== undefined && {
          expected_at: input.expectedAt ? new Date(input.expectedAt) : null,
        }),
        ...(input.transport !== undefined && { transport: input.transport }),
        ...(input.flightOrCrossing !== undefined && { flight_or_crossing: input.flightOrCrossing }),
        ...(input.originCountry !== undefined && { origin_country: input.originCountry }),
        ...(input.travellerName !== undefined && !row.person_id && { traveller_name: input.travellerName }),
        ...(input.travellerDocument !== undefined && { traveller_document: input.travellerDocument }),
        ...(input.shelterPlace !== undefined && { shelter_place: input.shelterPlace }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(input.categories !== undefined && { categories: input.categories }),
        ...(input.provided !== undefined && { provided: input.provided }),
      };
      if (row.kind === 'announced' && 'expected_at' in changes && !changes.expected_at) {
        throw new InvalidFieldsError([{ path: 'expectedAt', messageKey: 'arrivals.expectedAtRequired' }]);
      }
      const saved = await db.transaction().execute(async (trx) => {
        // The versioned update is the first write: a stale version leaves nothing to roll back.
        if (!(await q.updateArrivalAtVersion(trx, id, input.version, changes))) return false;
        await audit.record(trx, actor, {
          action: 'arrival.updated',
          recordType: 'arrival',
          recordId: id,
          officeId: row.office_id,
          changes: {
            before: Object.fromEntries(
              Object.keys(changes).map((key) => [key, (row as Record<string, unknown>)[key] ?? null]),
            ),
            after: changes,
          },
        });
        if (row.status === 'received' && input.categories) {
          const added = input.categories.filter((c) => !row.categories.includes(c));
          await applyProtocols(
            trx,
            actor,
            { type: 'arrival', id, officeId: row.office_id, personId: row.person_id },
            added,
          );
        }
        return true;
      });
      if (!saved) await conflict(id);
      return detail(actor, await loadArrival(actor, id));
    },

    /**
     * The traveller is at the post: linked to the registry (found, or registered now with the duplicate check),
     * who received them and when are recorded, and the protocols of its categories start.
     */
    async receiveArrival(actor: Actor, id: string, input: z.infer<typeof ArrivalReceive>) {
      const row = await loadArrival(actor, id);
      if (!assistancePolicy.recordArrival(actor, row.office_id)) throw new AppError('forbidden');
      if (!canMoveArrival(row.status as ArrivalStatus, 'received')) await conflict(id);
      if (row.version !== input.version) await conflict(id);
      if (!input.personId && !input.newPerson && !row.person_id) {
        throw new InvalidFieldsError([{ path: 'personId', messageKey: 'arrivals.personRequired' }]);
      }
      const traveller = await resolveTraveller(actor, row.office_id, input);
      const now = clock();
      const categories = input.categories ?? (row.categories as string[]);
      const personId = traveller?.personId ?? row.person_id;
      const saved = await db.transaction().execute(async (trx) => {
        const updated = await q.updateArrivalAtVersion(trx, id, input.version, {
          status: 'received',
          received_at: now,
          received_by: actor.userId,
          person_id: personId,
          ...(traveller && { traveller_name: traveller.displayName }),
          categories,
          ...(input.provided !== undefined && { provided: input.provided }),
          ...(input.shelterPlace !== undefined && { shelter_place: input.shelterPlace }),
          ...(input.notes !== undefined && { notes: input.notes }),
        });
        if (!updated) return false;
        await audit.record(trx, actor, {
          action: 'arrival.received',
          recordType: 'arrival',
          recordId: id,
          officeId: row.office_id,
          changes: { before: { status: row.status }, after: { status: 'received', personId, categories } },
        });
        await applyProtocols(
          trx,
          actor,
          { type: 'arrival', id, officeId: row.office_id, personId, startAt: now },
          categories,
        );
        return true;
      });
      if (!saved) await conflict(id);
      return detail(actor, await loadArrival(actor, id));
    },

    /** The announced traveller did not show up at the post (they may still be received later). */
    async markNoShow(actor: Actor, id: string, input: z.infer<typeof ArrivalNoShow>) {
      const row = await loadArrival(actor, id);
      if (!canMoveArrival(row.status as ArrivalStatus, 'no_show')) await conflict(id);
      const saved = await db.transaction().execute(async (trx) => {
        if (!(await q.updateArrivalAtVersion(trx, id, input.version, { status: 'no_show' }))) return false;
        await audit.record(trx, actor, {
          action: 'arrival.no_show',
          recordType: 'arrival',
          recordId: id,
          officeId: row.office_id,
          changes: { before: { status: row.status }, after: { status: 'no_show' } },
        });
        return true;
      });
      if (!saved) await conflict(id);
      return detail(actor, await loadArrival(actor, id));
    },

    /** A task by hand on an arrival's checklist, for the post's staff. */
    async addArrivalTask(actor: Actor, id: string, input: z.infer<typeof ArrivalTaskCreate>) {
      const row = await loadArrival(actor, id);
      return tasks.createLinkedTask(actor, {
        officeId: row.office_id,
        title: input.title,
        assigneeId: input.assigneeId ?? null,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        personId: row.person_id,
        arrivalId: id,
      });
    },

    /**
     * For the cases module (and any other that gives a subject a category): turns the protocol of `category`
     * into tasks of the subject, due from `subject.startAt` (now by default). The caller has checked that the
     * actor may work on the subject; this checks the actor works in its office. Steps already planned for the
     * subject are skipped, so calling twice is harmless. Pass `trx` to run inside the caller's transaction.
     * Returns how many tasks were created (0 when the category has no protocol).
     */
    async applyProtocol(
      actor: Actor,
      subject: ProtocolSubject,
      category: ArrivalCategory,
      trx?: Kysely<Database>,
    ): Promise<number> {
      if (!tasksPolicy.create(actor, subject.officeId)) throw new AppError('forbidden');
      if (trx) return applyProtocols(trx, actor, subject, [category]);
      return db.transaction().execute((t) => applyProtocols(t, actor, subject, [category]));
    },

    // Protocols

    async listProtocols(actor: Actor) {
      if (!assistancePolicy.readProtocols(actor)) throw new AppError('forbidden');
      const rows = await q.listProtocols(db);
      return {
        items: rows.map((row) => ({
          id: row.id,
          category: row.category as ArrivalCategory,
          version: row.version,
          name: row.name,
          steps: row.steps,
          updatedAt: iso(row.updated_at) as string,
          updatedBy: row.updated_by_name,
        })),
        abilities: { manage: assistancePolicy.manageProtocols(actor) },
      };
    },

    async protocolVersions(actor: Actor, id: string) {
      if (!assistancePolicy.readProtocols(actor)) throw new AppError('forbidden');
      if (!(await q.findProtocol(db, id))) throw new AppError('notFound');
      const rows = await q.listProtocolVersions(db, id);
      return {
        items: rows.map((row) => ({
          versionNumber: row.version_number,
          name: row.name,
          steps: row.steps,
          createdAt: iso(row.created_at) as string,
          createdBy: row.created_by_name,
        })),
      };
    },

    /**
     * Saves a protocol's new steps as a new version, applied from now on; tasks already created keep the version
     * they came from. A stale version gets 409 with the current protocol.
     */
    async updateProtocol(actor: Actor, id: string, input: z.infer<typeof ProtocolUpdate>) {
      if (!assistancePolicy.manageProtocols(actor)) throw new AppError('forbidden');
      const protocol = await q.findProtocol(db, id);
      if (!protocol) throw new AppError('notFound');
      await db.transaction().execute(async (trx) => {
        const bumped = await q.bumpProtocolVersion(trx, id, input.version, actor.userId);
        if (!bumped) {
          const current = (await q.listProtocols(trx)).find((p) => p.id === id);
          throw new AppError(
            'conflict',
            {},
            {
              current: current
                ? { id, version: current.version, name: current.name, steps: current.steps }
                : null,
            },
          );
        }
        await q.insertProtocolVersion(trx, {
          id: uuidv7(),
          protocol_id: id,
          version_number: bumped.version,
          name: JSON.stringify(input.name),
          steps: JSON.stringify(input.steps),
          created_by: actor.userId,
        });
        await audit.record(trx, actor, {
          action: 'protocol.version_created',
          recordType: 'protocol',
          recordId: id,
          changes: {
            after: { category: protocol.category, version: bumped.version, steps: input.steps.length },
          },
        });
      });
      const list = await this.listProtocols(actor);
      return list.items.find((p) => p.id === id) as (typeof list.items)[number];
    },

    /**
     * Per protocol (category) and step, over the tasks created in a period: done on time, late, still pending,
     * overdue, cancelled. Coordinators see their offices; administrators and analysts every office.
     */
    async protocolReport(actor: Actor, query: z.infer<typeof ProtocolReportQuery>) {
      if (!assistancePolicy.readReport(actor)) throw new AppError('forbidden');
      const scope = assistancePolicy.reportOffices(actor);
      if (query.officeId && scope && !scope.includes(query.officeId)) throw new AppError('forbidden');
      const today = colombianDate(clock());
      const to = query.to ?? today;
      const from = query.from ?? colombianDate(new Date(startOfColombianDay(to).getTime() - 29 * DAY));
      if (from > to) throw new InvalidFieldsError([{ path: 'from', messageKey: 'protocols.period' }]);
      const officeIds = query.officeId ? [query.officeId] : scope;
      const [counts, protocols] = await Promise.all([
        tasks.protocolStepCounts({
          officeIds,
          from: startOfColombianDay(from),
          to: new Date(startOfColombianDay(to).getTime() + DAY),
        }),
        q.findProtocolNames(db),
      ]);
      const zero = { onTime: 0, late: 0, pending: 0, overdue: 0, cancelled: 0 };
      const items = protocols.map((protocol) => {
        const steps = counts
          .filter((c) => c.category === protocol.category)
          .map((c) => ({
            stepId: c.step_id as string,
            title: protocol.steps.find((s) => s.id === c.step_id)?.title ?? null,
            onTime: Number(c.on_time),
            late: Number(c.late),
            pending: Number(c.pending),
            overdue: Number(c.overdue),
            cancelled: Number(c.cancelled),
          }));
        const totals = steps.reduce(
          (sum, s) => ({
            onTime: sum.onTime + s.onTime,
            late: sum.late + s.late,
            pending: sum.pending + s.pending,
            overdue: sum.overdue + s.overdue,
            cancelled: sum.cancelled + s.cancelled,
          }),
          zero,
        );
        return { category: protocol.category as ArrivalCategory, name: protocol.name, ...totals, steps };
      });
      return { from, to, items };
    },
  };
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
