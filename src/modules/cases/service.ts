import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { ArrivalCategory } from '../../domain/assistance/vocabulary';
import { colombianDate } from '../../domain/calendar';
import { changeCategories } from '../../domain/cases/categories';
import { canReadNote, visibleLevels } from '../../domain/cases/note-access';
import { isOverdue, planProgress } from '../../domain/cases/progress';
import {
  applyCaseCommand,
  type CaseCommand,
  type CaseState,
  canUpdateActions,
} from '../../domain/cases/state-machine';
import type {
  ActionStatus,
  CaseStatus,
  ClosureOutcome,
  ClosureReason,
  NoteConfidentiality,
  PlanStatus,
} from '../../domain/cases/vocabulary';
import type { NEED_DIMENSIONS } from '../../domain/characterization/vocabulary';
import { displayName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { Language } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { CharacterizationService } from '../characterization/service';
import type { Actor } from '../identity/actor';
import type { IdentityService } from '../identity/service';
import type { ProgrammeService } from '../programmes/service';
import type { RegistryService } from '../registry/service';
import type { Task } from '../tasks/schemas';
import { CASE_OFFICE_KINDS, casePolicy as policy } from './policy';
import * as q from './queries';
import type {
  ActionCreate,
  ActionUpdate,
  CaseCategoriesUpdate,
  CaseDecision,
  CaseListQuery,
  CaseOpen,
  CaseReassign,
  CaseTransition,
  GoalCreate,
  GoalUpdate,
  NoteCreate,
  TransferDecision,
  TransferRequest,
} from './schemas';

type Row = q.CaseRow;
type CaseTask = z.infer<typeof Task>;

/**
 * How the cases module starts a protocol ("hoja de ruta") when a case gets a vulnerability category: the
 * assistance service's `applyProtocol`, passed in by services.ts. Runs in the caller's transaction; returns how
 * many tasks it created (steps already planned for the case are skipped).
 */
export interface ProtocolPort {
  apply(
    actor: Actor,
    subject: {
      type: 'case';
      id: string;
      officeId: string;
      personId?: string | null;
      assigneeId?: string | null;
      startAt?: Date;
    },
    category: ArrivalCategory,
    trx?: Db,
  ): Promise<number>;
}
type Db = Kysely<Database>;

const record = (row: Row) => ({ officeId: row.office_id, caseworkerId: row.caseworker_id });

function stateOf(row: Row): CaseState {
  return {
    status: row.status as CaseStatus,
    statusBefore: row.status_before as CaseState['statusBefore'],
    planStatus: row.plan_status as PlanStatus,
  };
}

function rulesOf(row: Row) {
  return {
    requiresPlanApproval: row.requires_plan_approval,
    requiresClosureApproval: row.requires_closure_approval,
  };
}

function subjectName(row: Row): string {
  if (row.person_id)
    return displayName({
      givenName1: row.given_name_1 ?? '',
      givenName2: row.given_name_2,
      surname1: row.surname_1 ?? '',
      surname2: row.surname_2,
    });
  return row.household_head_name ?? '';
}

export function presentCaseSummary(row: Row, language: Language) {
  const total = Number(row.actions_counted);
  const done = Number(row.actions_done);
  return {
    id: row.id,
    subject: row.person_id
      ? { type: 'person' as const, id: row.person_id, name: subjectName(row) }
      : { type: 'household' as const, id: row.household_id as string, name: subjectName(row) },
    programme: {
      key: row.programme_key,
      name: language === 'en' ? row.programme_name_en : row.programme_name_es,
      requiresPlanApproval: row.requires_plan_approval,
      requiresClosureApproval: row.requires_closure_approval,
    },
    office: { id: row.office_id, name: row.office_name },
    caseworker: { id: row.caseworker_id, name: row.caseworker_name },
    status: row.status as CaseStatus,
    planStatus: row.plan_status as PlanStatus,
    progress: { done, total, percent: total ? Math.floor((done / total) * 100) : 0 },
    openedAt: row.opened_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    categories: (row.categories ?? []) as ArrivalCategory[],
    version: row.version,
  };
}

/** A refused step of the state machine: 409 naming why, in the caller's language. */
function refused(refusal: string) {
  return new AppError('caseState', { refusal }, { refusal });
}

export function createCaseService({
  db,
  audit,
  registry,
  characterization,
  identity,
  programmes,
  clock = () => new Date(),
  protocols,
  caseTasks,
}: {
  db: Db;
  audit: AuditService;
  registry: RegistryService;
  characterization: CharacterizationService;
  identity: IdentityService;
  programmes: ProgrammeService;
  clock?: () => Date;
  /** Starts a category's protocol on a case (the assistance service's `applyProtocol`); absent, none start. */
  protocols?: ProtocolPort;
  /** The tasks of a case (the tasks service's `tasksOfSubject`), for the case page's "hoja de ruta". */
  caseTasks?: (caseId: string) => Promise<CaseTask[]>;
}) {
  /**
   * Starts the protocols of categories newly given to a case, in the caller's transaction: tasks of the case's
   * office for its caseworker, due from now. Steps already planned for the case are skipped (see ProtocolPort).
   */
  async function startProtocols(
    trx: Db,
    actor: Actor,
    c: { id: string; officeId: string; personId: string | null; caseworkerId: string },
    categories: readonly ArrivalCategory[],
  ) {
    let created = 0;
    for (const category of categories)
      created +=
        (await protocols?.apply(
          actor,
          {
            type: 'case',
            id: c.id,
            officeId: c.officeId,
            personId: c.personId,
            assigneeId: c.caseworkerId,
            startAt: clock(),
          },
          category,
          trx,
        )) ?? 0;
    return created;
  }

  /** The case if the caller may read it: 403 for roles that never keep case files, 404 outside their offices. */
  async function load(actor: Actor, id: string): Promise<Row> {
    if (!policy.worksWithCases(actor)) throw new AppError('forbidden');
    const row = await q.findCase(db, id);
    if (!row || !policy.read(actor, record(row))) throw new AppError('notFound');
    return row;
  }

  async function loadForWork(actor: Actor, id: string, version: number, language: Language) {
    const row = await load(actor, id);
    if (!policy.work(actor, record(row))) throw new AppError('forbidden');
    if (row.version !== version) throw await conflict(actor, id, language);
    return row;
  }

  async function conflict(actor: Actor, id: string, language: Language) {
    return new AppError('conflict', {}, { current: await detail(actor, id, language) });
  }

  function step(row: Row, command: CaseCommand, goals = 1): CaseState {
    const result = applyCaseCommand(stateOf(row), command, rulesOf(row), { goals });
    if (!result.ok) throw refused(result.refusal);
    return result.state;
  }

  const stateColumns = (state: CaseState) => ({
    status: state.status,
    status_before: state.statusBefore,
    plan_status: state.planStatus,
  });

  /**
   * Writes a change of the case at the version read, its history entry and its audit entry in one transaction;
   * 409 with the current case when someone changed it first. `also` runs in the same transaction.
   */
  async function commit(
    actor: Actor,
    row: Row,
    version: number,
    language: Language,
    change: {
      columns?: Parameters<typeof q.updateCaseAtVersion>[3];
      event: string;
      reason?: string | null;
      details?: Record<string, unknown>;
      also?: (trx: Db) => Promise<unknown>;
    },
  ) {
    const updated = await db.transaction().execute(async (trx) => {
      const done = await q.updateCaseAtVersion(trx, row.id, version, change.columns ?? {});
      if (!done) return false;
      await change.also?.(trx);
      await q.insertEvent(trx, {
        id: uuidv7(),
        at: clock(),
        case_id: row.id,
        kind: change.event,
        actor_id: actor.userId,
        reason: change.reason ?? null,
        details: change.details ? JSON.stringify(change.details) : null,
      });
      await audit.record(trx, actor, {
        action: `case.${change.event}`,
        recordType: 'case',
        recordId: row.id,
        officeId: row.office_id,
        changes:
          change.details || change.reason ? { after: { ...change.details, reason: change.reason } } : null,
      });
      return true;
    });
    if (!updated) throw await conflict(actor, row.id, language);
    return detail(actor, row.id, language);
  }

  async function subjectNeeds(actor: Actor, row: Row) {
    const list = row.person_id
      ? await characterization.listPersonNeeds(actor, row.person_id)
      : await characterization.listHouseholdMemberNeeds(actor, row.household_id as string);
    return list.items;
  }

  /** The needs shown beside the plan; none when the subject is out of the caller's reach (a household whose
   * registered office is not the case's after a transfer). */
  async function visibleNeeds(actor: Actor, row: Row) {
    try {
      return await subjectNeeds(actor, row);
    } catch (error) {
      if (error instanceof AppError && error.code === 'notFound') return [];
      throw error;
    }
  }

  async function checkNeeds(actor: Actor, row: Row, needIds: string[]) {
    if (!needIds.length) return;
    const known = new Set((await subjectNeeds(actor, row)).map((n) => n.id));
    const problems = needIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ path: `needIds.${index}`, messageKey: 'cases.unknownNeed' }],
    );
    if (problems.length) throw new InvalidFieldsError(problems);
  }

  async function checkStaff(officeId: string, userId: string, path: string) {
    const staff = await identity.officeStaff([officeId]);
    const member = staff.find((s) => s.id === userId);
    if (!member || !['caseworker', 'office_coordinator'].includes(member.role))
      throw new InvalidFieldsError([{ path, messageKey: 'cases.notOfficeStaff' }]);
  }

  async function checkResponsible(
    row: Row,
    responsible: {
      kind: string;
      userId?: string | null | undefined;
      organizationId?: string | null | undefined;
    },
  ) {
    if (responsible.kind === 'caseworker') {
      const userId = responsible.userId ?? row.caseworker_id;
      await checkStaff(row.office_id, userId, 'responsible.userId');
      return {
        responsible_kind: 'caseworker',
        responsible_user_id: userId,
        responsible_organization_id: null,
      };
    }
    if (responsible.kind === 'partner') {
      const organizationId = responsible.organizationId as string;
      if (!(await q.findOrganizationExists(db, organizationId)))
        throw new InvalidFieldsError([
          { path: 'responsible.organizationId', messageKey: 'cases.unknownOrganization' },
        ]);
      return {
        responsible_kind: 'partner',
        responsible_user_id: null,
        responsible_organization_id: organizationId,
      };
    }
    return { responsible_kind: 'person', responsible_user_id: null, responsible_organization_id: null };
  }

  async function detail(actor: Actor, id: string, language: Language) {
    const row = await load(actor, id);
    const [goals, actions, needs, planApproval, closureApproval, transfer, tasksOfCase] = await Promise.all([
      q.listGoals(db, id),
      q.listActions(db, id),
      visibleNeeds(actor, row),
      q.findPendingApproval(db, id, 'plan'),
      q.findPendingApproval(db, id, 'closure'),
      q.findPendingTransfer(db, id),
      caseTasks ? caseTasks(id) : Promise.resolve([]),
    ]);
    const goalNeeds = await q.listGoalNeeds(
      db,
      goals.map((g) => g.id),
    );
    const needRef = (n: (typeof needs)[number]) => ({
      id: n.id,
      dimension: n.dimension,
      description: n.description,
      severity: n.severity,
      status: n.status,
    });
    const needsById = new Map(needs.map((n) => [n.id, needRef(n)]));
    const today = colombianDate(clock());
    const presentedActions = actions.map((a) => ({
      id: a.id,
      goalId: a.goal_id,
      description: a.description,
      responsible: {
        kind: a.responsible_kind as 'caseworker' | 'partner' | 'person',
        userId: a.responsible_user_id,
        organizationId: a.responsible_organization_id,
        name: a.responsible_user_name ?? a.responsible_organization_name ?? null,
      },
      dueOn: a.due_on,
      status: a.status as ActionStatus,
      overdue: isOverdue({ status: a.status as ActionStatus, dueOn: a.due_on }, today),
      completedAt: a.completed_at?.toISOString() ?? null,
    }));
    const state = stateOf(row);
    const rules = rulesOf(row);
    const work = policy.work(actor, record(row));
    const decide = policy.decide(actor, record(row));
    const can = (command: CaseCommand, goalCount = goals.length) =>
      applyCaseCommand(state, command, rules, { goals: goalCount }).ok;
    const approval = (a: typeof planApproval) => {
      if (!a) return null;
      const details = (a.request_details ?? {}) as Record<string, string | null>;
      return {
        id: a.id,
        subject: a.subject as 'plan' | 'closure',
        requestedBy: a.requested_by_name,
        requestedAt: a.requested_at.toISOString(),
        closureReason: (details.closureReason ?? null) as ClosureReason | null,
        closureOutcome: (details.closureOutcome ?? null) as ClosureOutcome | null,
        note: details.note ?? null,
      };
    };
    const reassign = policy.reassign(actor, record(row));
    const staff = reassign ? await identity.officeStaff([row.office_id]) : [];
    return {
      ...presentCaseSummary(row, language),
      holdReason: row.status === 'on_hold' ? row.hold_reason : null,
      closure:
        row.closure_reason || row.closure_outcome
          ? {
              reason: row.closure_reason as ClosureReason | null,
              outcome: row.closure_outcome as ClosureOutcome | null,
              note: row.closure_note,
            }
          : null,
      plan: {
        goals: goals.map((g) => {
          const goalActions = presentedActions.filter((a) => a.goalId === g.id);
          return {
            id: g.id,
            dimension: g.dimension as (typeof NEED_DIMENSIONS)[number],
            description: g.description,
            status: g.status as 'open' | 'achieved' | 'not_achieved' | 'cancelled',
            needs: goalNeeds
              .filter((gn) => gn.goal_id === g.id)
              .flatMap((gn) => {
                const need = needsById.get(gn.need_id);
                return need ? [need] : [];
              }),
            actions: goalActions,
            progress: planProgress(goalActions),
          };
        }),
      },
      needs: needs.map(needRef),
      pendingApprovals: [approval(planApproval), approval(closureApproval)].filter(
        (a): a is NonNullable<typeof a> => a !== null,
      ),
      pendingTransfer: transfer
        ? {
            id: transfer.id,
            toOffice: { id: transfer.to_office_id, name: transfer.to_office_name },
            reason: transfer.reason,
            requestedBy: transfer.requested_by_name,
            requestedAt: transfer.requested_at.toISOString(),
          }
        : null,
      assignableStaff: staff
        .filter((s) => s.role === 'caseworker' || s.role === 'office_coordinator')
        .map((s) => ({ id: s.id, name: s.displayName })),
      abilities: {
        work,
        changePlan: work && can('changePlan'),
        submitPlan: work && can('submitPlan'),
        decidePlan: decide && state.planStatus === 'submitted' && can('approvePlan'),
        decideClosure: decide && can('approveClosure'),
        hold: work && can('hold'),
        resume: work && can('resume'),
        requestClosure: work && can('requestClosure'),
        reopen: work && can('reopen'),
        reassign: reassign && row.status !== 'closed',
        transfer: work && row.status !== 'closed' && !transfer,
        writeNotes: work,
        setCategories: work && row.status !== 'closed' && row.status !== 'pending_closure',
      },
      protocolTasks: tasksOfCase.filter((t) => t.protocol !== null),
    };
  }

  function noteReader(actor: Actor, row: Row) {
    return {
      userId: actor.userId,
      isCoordinator: policy.isCoordinator(actor, record(row)),
      isAssignedCaseworker: actor.userId === row.caseworker_id,
    };
  }

  return {
    getCase: detail,

    /** The caller's cases, or their offices' cases; filtered by status and programme; newest first. */
    async listCases(actor: Actor, query: z.infer<typeof CaseListQuery>, language: Language) {
      if (!policy.worksWithCases(actor)) throw new AppError('forbidden');
      if (query.officeId && !actor.officeIds.includes(query.officeId)) throw new AppError('forbidden');
      const rows = await q.listCases(db, {
        officeIds: query.officeId ? [query.officeId] : actor.officeIds,
        caseworkerId: query.scope === 'mine' ? actor.userId : undefined,
        statuses:
          query.status === 'working'
            ? ['open', 'active', 'on_hold', 'pending_closure']
            : query.status
              ? [query.status]
              : undefined,
        programmeKey: query.programme,
        afterId: query.cursor,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((row) => presentCaseSummary(row, language)),
        nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /** A person's cases at the caller's offices. */
    async listPersonCases(actor: Actor, personId: string, language: Language) {
      if (!policy.worksWithCases(actor)) throw new AppError('forbidden');
      const access = await registry.personAccess(actor, personId);
      const rows = await q.listCases(db, { officeIds: actor.officeIds, personIds: [personId], limit: 200 });
      return {
        items: rows.slice(0, 200).map((row) => presentCaseSummary(row, language)),
        abilities: { open: access.officeIds.some((id) => policy.open(actor, id)) },
      };
    },

    /** A household's cases and its current members' cases at the caller's offices, with their progress. */
    async listHouseholdCases(actor: Actor, householdId: string, language: Language) {
      if (!policy.worksWithCases(actor)) throw new AppError('forbidden');
      const household = await registry.getHousehold(actor, householdId);
      const rows = await q.listCases(db, {
        officeIds: actor.officeIds,
        householdId,
        personIds: household.members.map((m) => m.personId),
        limit: 200,
      });
      return {
        items: rows.slice(0, 200).map((row) => presentCaseSummary(row, language)),
        abilities: { open: policy.open(actor, household.registeredOfficeId) },
      };
    },

    /**
     * Opens a case for a person or a household in a programme, at one of the caller's offices that serves them,
     * owned by a caseworker of that office (the caller by default). One case per subject and programme at a time.
     */
    async openCase(actor: Actor, input: z.infer<typeof CaseOpen>, language: Language) {
      if (!policy.worksWithCases(actor)) throw new AppError('forbidden');
      const access = input.personId
        ? await registry.personAccess(actor, input.personId)
        : await registry.householdAccess(actor, input.householdId as string);
      const officeId = input.officeId ?? actor.officeIds.find((id) => access.officeIds.includes(id));
      if (!officeId || !access.officeIds.includes(officeId))
        throw new InvalidFieldsError([{ path: 'officeId', messageKey: 'cases.officeNotServing' }]);
      if (!policy.open(actor, officeId)) throw new AppError('forbidden');
      const programme = await programmes.findProgramme(input.programmeKey, language);
      if (!programme?.active)
        throw new InvalidFieldsError([{ path: 'programmeKey', messageKey: 'cases.unknownProgramme' }]);
      const caseworkerId = input.caseworkerId ?? actor.userId;
      if (input.caseworkerId) await checkStaff(officeId, caseworkerId, 'caseworkerId');
      const existing = await q.findOpenCaseOfSubject(
        db,
        { personId: input.personId ?? undefined, householdId: input.householdId ?? undefined },
        input.programmeKey,
      );
      if (existing) throw new AppError('caseExists', {}, { existingCaseId: existing.id });
      const categories = changeCategories([], input.categories ?? []).next;
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertCase(trx, {
          id,
          person_id: input.personId ?? null,
          household_id: input.householdId ?? null,
          programme_key: input.programmeKey,
          office_id: officeId,
          caseworker_id: caseworkerId,
          opened_by: actor.userId,
          opened_at: clock(),
          categories,
        });
        await q.insertEvent(trx, {
          id: uuidv7(),
          at: clock(),
          case_id: id,
          kind: 'opened',
          actor_id: actor.userId,
          reason: null,
          details: JSON.stringify({ programme: input.programmeKey, caseworkerId, categories }),
        });
        await startProtocols(
          trx,
          actor,
          { id, officeId, personId: input.personId ?? null, caseworkerId },
          categories,
        );
        await audit.record(trx, actor, {
          action: 'case.opened',
          recordType: 'case',
          recordId: id,
          officeId,
          changes: {
            after: {
              personId: input.personId ?? null,
              householdId: input.householdId ?? null,
              programme: input.programmeKey,
              caseworkerId,
              categories,
            },
          },
        });
      });
      return detail(actor, id, language);
    },

    /**
     * Sets the case's vulnerability categories (the arrivals' vocabulary) at the version read. Each category
     * added starts its protocol in the same transaction: its steps become tasks of the case's office for the
     * case's caseworker, due from now — once per case and step, however often the category comes and goes.
     * A category removed leaves its tasks as they are (done ones stay done, open ones stay open for the team to
     * finish or cancel). Recorded in the history (`categories_changed`) and the audit log.
     */
    async setCategories(
      actor: Actor,
      id: string,
      input: z.infer<typeof CaseCategoriesUpdate>,
      language: Language,
    ) {
      const row = await loadForWork(actor, id, input.version, language);
      if (row.status === 'closed') throw refused('caseClosed');
      if (row.status === 'pending_closure') throw refused('closurePending');
      const { next, added, removed } = changeCategories(
        (row.categories ?? []) as ArrivalCategory[],
        input.categories,
      );
      if (!added.length && !removed.length) return detail(actor, id, language);
      return commit(actor, row, input.version, language, {
        columns: { categories: next },
        event: 'categories_changed',
        details: { added, removed },
        also: (trx) =>
          startProtocols(
            trx,
            actor,
            {
              id,
              officeId: row.office_id,
              personId: row.person_id,
              caseworkerId: row.caseworker_id,
            },
            added,
          ),
      });
    },

    /** Hold, resume, request closure (closed at once unless the programme requires approval), reopen. */
    async transition(actor: Actor, id: string, input: z.infer<typeof CaseTransition>, language: Language) {
      const row = await loadForWork(actor, id, input.version, language);
      const next = step(row, input.action);
      if (input.action === 'requestClosure') {
        const closureColumns = {
          closure_reason: input.closureReason ?? null,
          closure_outcome: input.closureOutcome ?? null,
          closure_note: input.reason,
        };
        const details = { closureReason: input.closureReason, closureOutcome: input.closureOutcome };
        if (next.status === 'closed')
          return commit(actor, row, input.version, language, {
            columns: { ...stateColumns(next), ...closureColumns, closed_at: clock() },
            event: 'closed',
            reason: input.reason,
            details,
            also: async (trx) => {
              await q.withdrawPendingApprovals(trx, row.id, actor.userId);
            },
          });
        return commit(actor, row, input.version, language, {
          columns: { ...stateColumns(next), ...closureColumns },
          event: 'closure_requested',
          reason: input.reason,
          details,
          also: (trx) =>
            q.insertApproval(trx, {
              id: uuidv7(),
              case_id: row.id,
              office_id: row.office_id,
              subject: 'closure',
              requested_by: actor.userId,
              request_details: JSON.stringify({ ...details, note: input.reason }),
            }),
        });
      }
      const columns =
        input.action === 'hold'
          ? { ...stateColumns(next), hold_reason: input.reason }
          : input.action === 'reopen'
            ? {
                ...stateColumns(next),
                closed_at: null,
                closure_reason: null,
                closure_outcome: null,
                closure_note: null,
              }
            : { ...stateColumns(next), hold_reason: null };
      const event = { hold: 'put_on_hold', resume: 'resumed', reopen: 'reopened' }[input.action];
      return commit(actor, row, input.version, language, { columns, event, reason: input.reason });
    },

    /** Submits the plan: for the coordinator's approval when the programme requires it, approved at once otherwise. */
    async submitPlan(actor: Actor, id: string, version: number, language: Language) {
      const row = await loadForWork(actor, id, version, language);
      const next = step(row, 'submitPlan', await q.countGoals(db, id));
      if (next.planStatus === 'approved')
        return commit(actor, row, version, language, {
          columns: stateColumns(next),
          event: 'plan_approved',
          details: { automatic: true },
        });
      return commit(actor, row, version, language, {
        columns: stateColumns(next),
        event: 'plan_submitted',
        also: (trx) =>
          q.insertApproval(trx, {
            id: uuidv7(),
            case_id: row.id,
            office_id: row.office_id,
            subject: 'plan',
            requested_by: actor.userId,
          }),
      });
    },

    /** A coordinator approves or rejects (with its reason) the submitted plan or the requested closure. */
    async decide(actor: Actor, id: string, input: z.infer<typeof CaseDecision>, language: Language) {
      const row = await load(actor, id);
      if (!policy.decide(actor, record(row))) throw new AppError('forbidden');
      if (row.version !== input.version) throw await conflict(actor, id, language);
      const command: CaseCommand =
        input.subject === 'plan'
          ? input.decision === 'approve'
            ? 'approvePlan'
            : 'rejectPlan'
          : input.decision === 'approve'
            ? 'approveClosure'
            : 'rejectClosure';
      const next = step(row, command);
      const pending = await q.findPendingApproval(db, id, input.subject);
      const closing = input.subject === 'closure';
      const columns = {
        ...stateColumns(next),
        ...(closing && input.decision === 'approve' ? { closed_at: clock() } : {}),
        ...(closing && input.decision === 'reject'
          ? { closure_reason: null, closure_outcome: null, closure_note: null }
          : {}),
      };
      return commit(actor, row, input.version, language, {
        columns,
        event: `${input.subject}_${input.decision === 'approve' ? 'approved' : 'rejected'}`,
        reason: input.reason,
        also: async (trx) => {
          if (pending)
            await q.decideApproval(trx, pending.id, {
              status: input.decision === 'approve' ? 'approved' : 'rejected',
              decidedBy: actor.userId,
              reason: input.reason,
            });
          if (next.status === 'closed') await q.withdrawPendingApprovals(trx, row.id, actor.userId);
        },
      });
    },

    /** A coordinator gives the case to another caseworker (or coordinator) of its office. */
    async reassign(actor: Actor, id: string, input: z.infer<typeof CaseReassign>, language: Language) {
      const row = await load(actor, id);
      if (!policy.reassign(actor, record(row))) throw new AppError('forbidden');
      if (row.version !== input.version) throw await conflict(actor, id, language);
      if (row.status === 'closed') throw refused('caseClosed');
      await checkStaff(row.office_id, input.caseworkerId, 'caseworkerId');
      return commit(actor, row, input.version, language, {
        columns: { caseworker_id: input.caseworkerId },
        event: 'reassigned',
        reason: input.reason,
        details: { from: row.caseworker_id, fromName: row.caseworker_name, to: input.caseworkerId },
      });
    },

    /** The case team asks another office to take the case; its coordinators accept or refuse. */
    async requestTransfer(
      actor: Actor,
      id: string,
      input: z.infer<typeof TransferRequest>,
      language: Language,
    ) {
      const row = await loadForWork(actor, id, input.version, language);
      if (row.status === 'closed') throw refused('caseClosed');
      const toOfficeName = await q.findOfficeName(db, input.toOfficeId);
      if (input.toOfficeId === row.office_id || !toOfficeName)
        throw new InvalidFieldsError([{ path: 'toOfficeId', messageKey: 'cases.otherOfficeRequired' }]);
      if (await q.findPendingTransfer(db, id)) throw refused('transferPending');
      return commit(actor, row, input.version, language, {
        event: 'transfer_requested',
        reason: input.reason,
        details: { fromOfficeId: row.office_id, toOfficeId: input.toOfficeId, toOfficeName },
        also: (trx) =>
          q.insertTransfer(trx, {
            id: uuidv7(),
            case_id: id,
            from_office_id: row.office_id,
            to_office_id: input.toOfficeId,
            reason: input.reason,
            requested_by: actor.userId,
          }),
      });
    },

    /**
     * The receiving office's coordinator accepts a transfer (the case moves to their office, to them or a
     * caseworker they name, and the office serves the person from then on) or refuses it with a reason.
     */
    async decideTransfer(actor: Actor, id: string, input: z.infer<typeof TransferDecision>) {
      if (!policy.worksWithCases(actor)) throw new AppError('forbidden');
      const row = await q.findCase(db, id);
      const transfer = row ? await q.findPendingTransfer(db, id) : undefined;
      if (!row || !transfer || !policy.decideTransfer(actor, transfer.to_office_id))
        throw new AppError('notFound');
      if (row.version !== input.version) throw new AppError('conflict', {}, { current: null });
      const accept = input.decision === 'accept';
      const caseworkerId = input.caseworkerId ?? actor.userId;
      if (accept && input.caseworkerId) await checkStaff(transfer.to_office_id, caseworkerId, 'caseworkerId');
      const done = await db.transaction().execute(async (trx) => {
        const updated = await q.updateCaseAtVersion(
          trx,
          id,
          input.version,
          accept ? { office_id: transfer.to_office_id, caseworker_id: caseworkerId } : {},
        );
        if (!updated) return false;
        await q.decideTransfer(trx, transfer.id, {
          status: accept ? 'accepted' : 'refused',
          decidedBy: actor.userId,
          reason: input.reason,
        });
        if (accept && row.person_id)
          await registry.servePersonAtOffice(trx, row.person_id, transfer.to_office_id);
        if (accept) await q.movePendingApprovals(trx, id, transfer.to_office_id);
        const details = {
          fromOfficeId: row.office_id,
          toOfficeId: transfer.to_office_id,
          toOfficeName: transfer.to_office_name,
          ...(accept ? { caseworkerId } : {}),
        };
        await q.insertEvent(trx, {
          id: uuidv7(),
          at: clock(),
          case_id: id,
          kind: accept ? 'transfer_accepted' : 'transfer_refused',
          actor_id: actor.userId,
          reason: input.reason,
          details: JSON.stringify(details),
        });
        await audit.record(trx, actor, {
          action: accept ? 'case.transfer_accepted' : 'case.transfer_refused',
          recordType: 'case',
          recordId: id,
          officeId: transfer.to_office_id,
          changes: { after: { ...details, reason: input.reason } },
        });
        return true;
      });
      if (!done) throw new AppError('conflict', {}, { current: null });
      return {
        decision: input.decision,
        caseId: id,
        officeId: accept ? transfer.to_office_id : row.office_id,
      };
    },

    async addGoal(actor: Actor, id: string, input: z.infer<typeof GoalCreate>, language: Language) {
      const row = await loadForWork(actor, id, input.version, language);
      const next = step(row, 'changePlan');
      await checkNeeds(actor, row, input.needIds);
      const goalId = uuidv7();
      return commit(actor, row, input.version, language, {
        columns: stateColumns(next),
        event: 'goal_added',
        details: {
          goalId,
          dimension: input.dimension,
          description: input.description,
          needIds: input.needIds,
        },
        also: (trx) =>
          q.insertGoal(
            trx,
            {
              id: goalId,
              case_id: id,
              dimension: input.dimension,
              description: input.description,
              created_by: actor.userId,
            },
            [...new Set(input.needIds)],
          ),
      });
    },

    /** Changes a goal: its status alone (achieved, not achieved…) while the case is working; its text or needs
     * change the plan. */
    async updateGoal(
      actor: Actor,
      id: string,
      goalId: string,
      input: z.infer<typeof GoalUpdate>,
      language: Language,
    ) {
      const row = await loadForWork(actor, id, input.version, language);
      const goal = await q.findGoal(db, id, goalId);
      if (!goal) throw new AppError('notFound');
      // Marking a goal achieved (its status alone) follows the plan; changing what it is changes the plan.
      const changesPlan = input.description !== undefined || input.needIds !== undefined;
      let columns = {};
      if (changesPlan) columns = stateColumns(step(row, 'changePlan'));
      else if (!canUpdateActions(stateOf(row)))
        throw refused(row.status === 'closed' ? 'caseClosed' : 'closurePending');
      if (input.needIds) await checkNeeds(actor, row, input.needIds);
      const changes = {
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      };
      return commit(actor, row, input.version, language, {
        columns,
        event: changesPlan ? 'goal_changed' : 'goal_status_changed',
        details: {
          goalId,
          description: input.description ?? goal.description,
          ...changes,
          ...(input.needIds ? { needIds: input.needIds } : {}),
        },
        also: async (trx) => {
          if (Object.keys(changes).length) await q.updateGoal(trx, goalId, changes);
          if (input.needIds) await q.replaceGoalNeeds(trx, goalId, [...new Set(input.needIds)]);
        },
      });
    },

    async addAction(actor: Actor, id: string, input: z.infer<typeof ActionCreate>, language: Language) {
      const row = await loadForWork(actor, id, input.version, language);
      const next = step(row, 'changePlan');
      if (!(await q.findGoal(db, id, input.goalId)))
        throw new InvalidFieldsError([{ path: 'goalId', messageKey: 'cases.unknownGoal' }]);
      const responsible = await checkResponsible(row, input.responsible);
      const actionId = uuidv7();
      return commit(actor, row, input.version, language, {
        columns: stateColumns(next),
        event: 'action_added',
        details: {
          actionId,
          goalId: input.goalId,
          description: input.description,
          dueOn: input.dueOn ?? null,
        },
        also: (trx) =>
          q.insertAction(trx, {
            id: actionId,
            case_id: id,
            goal_id: input.goalId,
            description: input.description,
            due_on: input.dueOn ?? null,
            created_by: actor.userId,
            ...responsible,
          }),
      });
    },

    /**
     * Changes an action. Its status alone (in progress, done) may change whenever the case is working; changing
     * what the action is, who does it or when changes the plan (and sends an approved plan back for approval
     * where the programme requires it).
     */
    async updateAction(
      actor: Actor,
      id: string,
      actionId: string,
      input: z.infer<typeof ActionUpdate>,
      language: Language,
    ) {
      const row = await loadForWork(actor, id, input.version, language);
      const action = await q.findAction(db, id, actionId);
      if (!action) throw new AppError('notFound');
      const changesPlan =
        input.description !== undefined || input.responsible !== undefined || input.dueOn !== undefined;
      let columns = {};
      if (changesPlan) columns = stateColumns(step(row, 'changePlan'));
      else if (!canUpdateActions(stateOf(row)))
        throw refused(row.status === 'closed' ? 'caseClosed' : 'closurePending');
      const responsible = input.responsible ? await checkResponsible(row, input.responsible) : {};
      const changes = {
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        ...responsible,
        ...(input.status !== undefined && input.status !== action.status
          ? {
              status: input.status,
              completed_at: input.status === 'done' ? clock() : null,
              completed_by: input.status === 'done' ? actor.userId : null,
            }
          : {}),
      };
      return commit(actor, row, input.version, language, {
        columns,
        event: input.status && !changesPlan ? 'action_status_changed' : 'action_changed',
        details: {
          actionId,
          description: input.description ?? action.description,
          ...(input.status ? { from: action.status, to: input.status } : {}),
          ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        },
        also: async (trx) => {
          if (Object.keys(changes).length) await q.updateAction(trx, actionId, changes);
        },
      });
    },

    /** The case's history, newest first: who did what, when, and why. */
    async history(actor: Actor, id: string) {
      await load(actor, id);
      const rows = await q.listEvents(db, id);
      return {
        items: rows.map((e) => ({
          id: e.id,
          kind: e.kind,
          actor: e.actor_name,
          at: e.at.toISOString(),
          reason: e.reason,
          details: (e.details as Record<string, unknown> | null) ?? null,
        })),
      };
    },

    /**
     * The notes the caller may read (filtered in the query): normal notes for everyone who reads the case,
     * restricted ones for the case team, sensitive ones for coordinators, and always the caller's own. Reading
     * restricted or sensitive notes is audited.
     */
    async listNotes(actor: Actor, id: string) {
      const row = await load(actor, id);
      const reader = noteReader(actor, row);
      const levels = visibleLevels(reader);
      const rows = await q.listVisibleNotes(db, id, levels, actor.userId);
      const items = rows
        .map((n) => ({
          id: n.id,
          confidentiality: n.confidentiality as NoteConfidentiality,
          body: n.body,
          author: n.author_name,
          authorId: n.author_id,
          createdAt: n.created_at.toISOString(),
        }))
        .filter((n) => canReadNote(reader, n));
      const confidential = items.filter((n) => n.confidentiality !== 'normal');
      if (confidential.length)
        await audit.record(db, actor, {
          action: 'case.confidential_notes_read',
          recordType: 'case',
          recordId: id,
          officeId: row.office_id,
          changes: { after: { noteIds: confidential.map((n) => n.id) } },
        });
      return { items, visibleLevels: levels };
    },

    /** Adds a note (notes are never edited); the case team writes them. Audited with its level, not its text. */
    async addNote(actor: Actor, id: string, input: z.infer<typeof NoteCreate>) {
      const row = await load(actor, id);
      if (!policy.work(actor, record(row))) throw new AppError('forbidden');
      const noteId = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertNote(trx, {
          id: noteId,
          case_id: id,
          author_id: actor.userId,
          confidentiality: input.confidentiality,
          body: input.body,
          created_at: clock(),
        });
        await q.insertEvent(trx, {
          id: uuidv7(),
          at: clock(),
          case_id: id,
          kind: 'note_added',
          actor_id: actor.userId,
          reason: null,
          details: JSON.stringify({ noteId, confidentiality: input.confidentiality }),
        });
        await audit.record(trx, actor, {
          action: 'case.note_added',
          recordType: 'case',
          recordId: id,
          officeId: row.office_id,
          changes: { after: { noteId, confidentiality: input.confidentiality } },
        });
      });
      const notes = await q.listVisibleNotes(db, id, [input.confidentiality], actor.userId);
      const note = notes.find((n) => n.id === noteId);
      if (!note) throw new AppError('internal');
      return {
        id: note.id,
        confidentiality: note.confidentiality as NoteConfidentiality,
        body: note.body,
        author: note.author_name,
        authorId: note.author_id,
        createdAt: note.created_at.toISOString(),
      };
    },

    /** A coordinator's pending work: plans and closures to approve, and transfers to their offices. */
    async pendingApprovals(actor: Actor, language: Language) {
      if (!policy.listApprovals(actor)) throw new AppError('forbidden');
      const coordinated = actor.officeIds;
      const [approvals, transfers] = await Promise.all([
        q.listPendingApprovals(db, coordinated),
        q.listIncomingTransfers(db, coordinated),
      ]);
      return {
        approvals: approvals.map((row) => {
          const details = (row.approval_details ?? {}) as Record<string, string | null>;
          return {
            ...presentCaseSummary(row, language),
            approval: {
              id: row.approval_id,
              subject: row.approval_subject as 'plan' | 'closure',
              requestedBy: row.approval_requested_by_name,
              requestedAt: row.approval_requested_at.toISOString(),
              closureReason: (details.closureReason ?? null) as ClosureReason | null,
              closureOutcome: (details.closureOutcome ?? null) as ClosureOutcome | null,
              note: details.note ?? null,
            },
          };
        }),
        transfers: transfers.map((row) => ({
          ...presentCaseSummary(row, language),
          transfer: {
            id: row.transfer_id,
            toOffice: { id: row.transfer_to_office_id, name: row.transfer_to_office_name },
            reason: row.transfer_reason,
            requestedBy: row.transfer_requested_by_name,
            requestedAt: row.transfer_requested_at.toISOString(),
          },
        })),
      };
    },

    /**
     * Opens a case for a traveller received at an arrival post, at a case office (see CASE_OFFICE_KINDS) the post's
     * staff choose, in a programme. The case belongs to the receiving office: owned by its first coordinator (else
     * its first caseworker) until a coordinator assigns it; the office starts serving the person. The post's staff
     * may open it but not read it. `also` runs in the same transaction (the arrival records the hand-off there).
     */
    async openCaseFromArrival(
      actor: Actor,
      input: {
        arrivalId: string;
        postOfficeId: string;
        postName: string;
        personId: string;
        officeId: string;
        programmeKey: string;
        /**
         * The arrival's categories: the case inherits them as labels without starting their protocols at the
         * office — the post already ran them as the arrival's tasks, and applying them to the case (a different
         * subject for the once-per-step rule) would plan the same steps twice. A category added later starts.
         */
        categories?: readonly ArrivalCategory[];
      },
      language: Language,
      also: (trx: Db, caseId: string) => Promise<void>,
    ) {
      if (!policy.openFromArrival(actor, input.postOfficeId)) throw new AppError('forbidden');
      const office = await q.findOfficeWithKind(db, input.officeId);
      if (!office || !(CASE_OFFICE_KINDS as readonly string[]).includes(office.kind))
        throw new InvalidFieldsError([{ path: 'officeId', messageKey: 'arrivals.handoff.office' }]);
      const programme = await programmes.findProgramme(input.programmeKey, language);
      if (!programme?.active)
        throw new InvalidFieldsError([{ path: 'programmeKey', messageKey: 'cases.unknownProgramme' }]);
      const staff = (await identity.officeStaff([office.id])).sort((a, b) => a.id.localeCompare(b.id));
      const owner =
        staff.find((s) => s.role === 'office_coordinator') ?? staff.find((s) => s.role === 'caseworker');
      if (!owner)
        throw new InvalidFieldsError([
          { path: 'officeId', messageKey: 'arrivals.handoff.officeWithoutStaff' },
        ]);
      if (await q.findOpenCaseOfSubject(db, { personId: input.personId }, input.programmeKey))
        throw new InvalidFieldsError([{ path: 'programmeKey', messageKey: 'arrivals.handoff.caseExists' }]);
      const id = uuidv7();
      const details = {
        programme: input.programmeKey,
        caseworkerId: owner.id,
        arrivalId: input.arrivalId,
        fromOfficeId: input.postOfficeId,
        fromOfficeName: input.postName,
        categories: changeCategories([], input.categories ?? []).next,
      };
      await db.transaction().execute(async (trx) => {
        await q.insertCase(trx, {
          id,
          person_id: input.personId,
          household_id: null,
          programme_key: input.programmeKey,
          office_id: office.id,
          caseworker_id: owner.id,
          opened_by: actor.userId,
          opened_at: clock(),
          categories: details.categories,
        });
        await registry.servePersonAtOffice(trx, input.personId, office.id);
        await q.insertEvent(trx, {
          id: uuidv7(),
          at: clock(),
          case_id: id,
          kind: 'opened',
          actor_id: actor.userId,
          reason: null,
          details: JSON.stringify(details),
        });
        await audit.record(trx, actor, {
          action: 'case.opened',
          recordType: 'case',
          recordId: id,
          officeId: office.id,
          changes: { after: { personId: input.personId, ...details } },
        });
        await also(trx, id);
      });
      return {
        caseId: id,
        office: { id: office.id, name: office.name },
        programme: { key: input.programmeKey, name: programme.name },
        caseworkerId: owner.id,
      };
    },

    /**
     * An office's case workload for its coordinators (and the network administrator): working cases (open,
     * active, on hold, waiting for closure approval) per holder, how many wait for assignment (opened from an
     * arrival post, never reassigned), and working cases without activity since `since` (see `lastActivity` in
     * queries.ts: no history entry — any change, plan change or note — and no task of the case completed).
     */
    async officeWorkload(actor: Actor, officeId: string, since: Date, language: Language) {
      if (!policy.workload(actor, officeId)) throw new AppError('forbidden');
      const [counts, inactive] = await Promise.all([
        q.countWorkingCasesByCaseworker(db, officeId),
        q.listInactiveCases(db, officeId, since, 100),
      ]);
      return {
        openCases: counts.map((c) => ({ caseworkerId: c.caseworker_id, openCases: Number(c.open) })),
        waitingForAssignment: counts.reduce((sum, c) => sum + Number(c.waiting), 0),
        inactiveCases: inactive.map((row) => ({
          id: row.id,
          subject: subjectName(row),
          caseworkerId: row.caseworker_id,
          programme: language === 'en' ? row.programme_name_en : row.programme_name_es,
          lastActivityAt: new Date(row.activity_at),
        })),
      };
    },

    /** The offices a traveller may be handed off to from an arrival post. */
    receivingOffices() {
      return q.listOfficesOfKinds(db, CASE_OFFICE_KINDS);
    },

    /**
     * For the referrals module, inside its transaction (it has checked who may refer): adds the plan action a
     * referral answers, under a goal of the case, with the partner organization responsible. Returns its id,
     * or null when the goal is not the case's. The plan's approval state is left as it is: a referral carries
     * out the plan rather than changing what it aims at.
     */
    async addReferralAction(
      trx: Db,
      actor: Actor,
      input: { caseId: string; goalId: string; description: string; organizationId: string },
    ): Promise<string | null> {
      if (!(await q.findGoal(trx, input.caseId, input.goalId))) return null;
      const actionId = uuidv7();
      await q.insertAction(trx, {
        id: actionId,
        case_id: input.caseId,
        goal_id: input.goalId,
        description: input.description,
        due_on: null,
        created_by: actor.userId,
        responsible_kind: 'partner',
        responsible_user_id: null,
        responsible_organization_id: input.organizationId,
      });
      await q.insertEvent(trx, {
        id: uuidv7(),
        at: clock(),
        case_id: input.caseId,
        kind: 'action_added',
        actor_id: actor.userId,
        reason: null,
        details: JSON.stringify({
          actionId,
          goalId: input.goalId,
          description: input.description,
          dueOn: null,
        }),
      });
      await q.touchCase(trx, input.caseId);
      return actionId;
    },

    /**
     * For the referrals module, inside its transaction: a referral's step flows back to the case. The linked
     * action (unless cancelled) takes the status given (in progress when accepted or started, done when
     * completed, back to pending when declined, not attended or withdrawn), and the case's history gets a
     * `referral_<step>` entry with the reason or outcome, so the case team sees it without opening the referral.
     */
    async recordReferralStep(
      trx: Db,
      actorId: string | null,
      input: {
        caseId: string;
        actionId: string | null;
        kind: string;
        actionStatus?: ActionStatus;
        reason?: string | null;
        details: Record<string, unknown>;
      },
    ): Promise<void> {
      const action = input.actionId ? await q.findAction(trx, input.caseId, input.actionId) : undefined;
      if (
        action &&
        input.actionStatus &&
        action.status !== 'cancelled' &&
        action.status !== input.actionStatus
      )
        await q.updateAction(trx, action.id, {
          status: input.actionStatus,
          completed_at: input.actionStatus === 'done' ? clock() : null,
          completed_by: input.actionStatus === 'done' ? actorId : null,
        });
      await q.insertEvent(trx, {
        id: uuidv7(),
        at: clock(),
        case_id: input.caseId,
        kind: input.kind,
        actor_id: actorId,
        reason: input.reason ?? null,
        details: JSON.stringify({
          ...input.details,
          actionId: input.actionId,
          ...(action ? { description: action.description } : {}),
        }),
      });
      await q.touchCase(trx, input.caseId);
    },

    /** The case's office and person if the caller may read the case (403/404 as `getCase`). */
    async readableCase(actor: Actor, id: string) {
      const row = await load(actor, id);
      return { id: row.id, officeId: row.office_id, personId: row.person_id };
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
