import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { colombianDate } from '../../domain/calendar';
import {
  canMoveCourse,
  canMoveEnrolment,
  canMoveFinancing,
  canMoveUnit,
  courseTakesEnrolments,
  type FinancingSide,
  isOperatingBusiness,
  nextEnrolmentStatuses,
  nextFinancingStatuses,
  nextUnitStages,
} from '../../domain/enterprise/stages';
import { checkCourse, checkFinancing, type FieldProblem } from '../../domain/enterprise/validation';
import {
  CIIU_SECTIONS,
  type CiiuSection,
  type CourseKind,
  type CourseModality,
  type CourseStatus,
  type EnrolmentStatus,
  FINANCING_LINES,
  type FinancingLine,
  type FinancingStatus,
  type SupportKind,
  UNIT_STAGES,
  type UnitStage,
} from '../../domain/enterprise/vocabulary';
import { displayName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import type { RegistryService } from '../registry/service';
import { enterprisePolicy as policy } from './policy';
import * as q from './queries';
import type {
  CourseCreate,
  CourseListQuery,
  CourseUpdate,
  EnrolmentCreate,
  EnrolmentUpdate,
  FinancingCreate,
  FinancingListQuery,
  FinancingUpdate,
  FollowUpCreate,
  SupportCreate,
  UnitCreate,
  UnitListQuery,
  UnitUpdate,
} from './schemas';

type Db = Kysely<Database>;

export interface EnterpriseServiceDeps {
  db: Db;
  audit: AuditService;
  registry: Pick<RegistryService, 'personAccess'>;
  clock?: () => Date;
}

interface NameParts {
  given_name_1: string;
  given_name_2: string | null;
  surname_1: string;
  surname_2: string | null;
}

const nameOf = (row: NameParts) =>
  displayName({
    givenName1: row.given_name_1,
    givenName2: row.given_name_2,
    surname1: row.surname_1,
    surname2: row.surname_2,
  });

const place = (code: string | null, name: string | null) => (code ? { code, name: name ?? code } : null);

function fail(problems: FieldProblem[]) {
  if (problems.length) throw new InvalidFieldsError(problems);
}

function presentCourse(row: q.CourseRow, actor: Actor) {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    name: row.name,
    kind: row.kind as CourseKind,
    modality: row.modality as CourseModality,
    hours: row.hours,
    municipality: place(row.municipality_code, row.municipality_name),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    capacity: row.capacity,
    status: row.status as CourseStatus,
    directoryServiceId: row.directory_service_id,
    enrolled: Number(row.enrolled ?? 0),
    completed: Number(row.completed ?? 0),
    version: row.version,
    canEdit: policy.manageCourse(actor, { organizationId: row.organization_id }),
  };
}

/** Which side of an enrolment the caller is on, or none (then it is out of their scope). */
function enrolmentSide(actor: Actor, row: q.EnrolmentRow): 'office' | 'course' | null {
  if (policy.person(actor, { officeIds: row.person_office_ids ?? [] })) return 'office';
  if (policy.courseSide(actor, { organizationId: row.organization_id }) && row.sharing_consent)
    return 'course';
  return null;
}

/** The course's organization marks progress and completion; dropping and corrections are the office's. */
function enrolmentMoves(side: 'office' | 'course', status: EnrolmentStatus): EnrolmentStatus[] {
  const next = nextEnrolmentStatuses(status);
  return side === 'office' ? next : next.filter((s) => s === 'in_progress' || s === 'completed');
}

function presentEnrolment(row: q.EnrolmentRow, side: 'office' | 'course') {
  return {
    id: row.id,
    courseId: row.course_id,
    courseName: row.course_name,
    organizationName: row.organization_name,
    personId: row.person_id,
    personName: nameOf(row),
    // The organization's side learns nothing of which office serves the person.
    officeId: side === 'office' ? row.office_id : null,
    status: row.status as EnrolmentStatus,
    enrolledOn: row.enrolled_on,
    completedOn: row.completed_on,
    droppedOn: row.dropped_on,
    certificateReference: row.certificate_reference,
    version: row.version,
    nextStatuses: enrolmentMoves(side, row.status as EnrolmentStatus),
  };
}

function presentUnitSummary(row: q.UnitRow) {
  return {
    id: row.id,
    personId: row.person_id,
    ownerName: nameOf(row),
    officeId: row.office_id,
    name: row.name,
    sector: row.sector as CiiuSection,
    stage: row.stage as UnitStage,
    operating: isOperatingBusiness(row.stage as UnitStage),
    municipality: place(row.municipality_code, row.municipality_name),
    startedOn: row.started_on,
    updatedAt: row.updated_at.toISOString(),
  };
}

function presentFinancing(row: q.FinancingRow, side: FinancingSide) {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    ownerName: side === 'office' || row.sharing_consent ? nameOf(row) : null,
    line: row.line as FinancingLine,
    intermediaryOrganizationId: row.intermediary_organization_id,
    intermediaryName: row.intermediary_name,
    amountRequested: Number(row.amount_requested_cop),
    amountApproved: row.amount_approved_cop === null ? null : Number(row.amount_approved_cop),
    approvalNote: row.approval_note,
    status: row.status as FinancingStatus,
    submittedOn: row.submitted_on,
    decidedOn: row.decided_on,
    disbursedOn: row.disbursed_on,
    notes: side === 'office' ? row.notes : null,
    version: row.version,
    nextStatuses: nextFinancingStatuses(row.status as FinancingStatus, side),
  };
}

function encodeCursor(row: { updated_at: Date; id: string }) {
  return Buffer.from(`${row.updated_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const updatedAt = new Date(at ?? '');
  if (!id || Number.isNaN(updatedAt.getTime()))
    throw new InvalidFieldsError([{ path: 'cursor', messageKey: 'enterprise.validation.cursor' }]);
  return { updatedAt, id };
}

export function createEnterpriseService({
  db,
  audit,
  registry,
  clock = () => new Date(),
}: EnterpriseServiceDeps) {
  const today = () => colombianDate(clock());

  async function checkPlace(code: string | null | undefined, path = 'municipalityCode') {
    if (code && !(await q.municipalityExists(db, code)))
      throw new InvalidFieldsError([{ path, messageKey: 'enterprise.validation.municipality' }]);
  }

  async function checkOrganization(id: string, path: string) {
    const organization = await q.findOrganization(db, id);
    if (!organization)
      throw new InvalidFieldsError([{ path, messageKey: 'enterprise.validation.organization' }]);
    return organization;
  }

  async function loadCourse(actor: Actor, id: string) {
    if (!policy.readCourses(actor)) throw new AppError('forbidden');
    const row = await q.findCourse(db, id);
    if (!row || !policy.readCourse(actor, { organizationId: row.organization_id }))
      throw new AppError('notFound');
    return row;
  }

  /** A productive unit the caller works on: staff of the owner's offices (others 403 before, 404 after loading). */
  async function loadUnit(actor: Actor, id: string) {
    if (!policy.staff(actor)) throw new AppError('forbidden');
    const row = await q.findUnit(db, id);
    if (!row) throw new AppError('notFound');
    const { officeIds } = await registry.personAccess(actor, row.person_id);
    if (!policy.person(actor, { officeIds })) throw new AppError('notFound');
    return row;
  }

  async function unitDetail(id: string) {
    const row = (await q.findUnit(db, id)) as q.UnitRow;
    const [supports, followUps, financing] = await Promise.all([
      q.listSupports(db, id),
      q.listFollowUps(db, id),
      q.listUnitFinancing(db, id),
    ]);
    return {
      ...presentUnitSummary(row),
      description: row.description,
      closedOn: row.closed_on,
      version: row.version,
      nextStages: nextUnitStages(row.stage as UnitStage),
      supports: supports.map((s) => ({
        id: s.id,
        kind: s.kind as SupportKind,
        providerOrganizationId: s.provider_organization_id,
        providerName: s.provider_name,
        amount: s.amount_cop === null ? null : Number(s.amount_cop),
        providedOn: s.provided_on,
        notes: s.notes,
        recordedBy: s.recorded_by_name,
      })),
      followUps: followUps.map((f) => ({
        id: f.id,
        visitedOn: f.visited_on,
        stageAtVisit: f.stage_at_visit as UnitStage,
        monthlySales: f.monthly_sales_cop === null ? null : Number(f.monthly_sales_cop),
        jobsCreated: f.jobs_created,
        notes: f.notes,
        recordedBy: f.recorded_by_name,
      })),
      financing: financing.map((f) => presentFinancing(f, 'office')),
    };
  }

  async function conflictWithUnit(id: string): Promise<never> {
    throw new AppError('conflict', {}, { current: await unitDetail(id) });
  }

  return {
    // Courses

    async listCourses(actor: Actor, query: z.infer<typeof CourseListQuery>) {
      if (!policy.readCourses(actor)) throw new AppError('forbidden');
      const organizationId =
        actor.role === 'partner_focal_point' ? actor.organizationId : query.organizationId;
      const rows = await q.listCourses(db, { ...query, organizationId });
      return { items: rows.map((row) => presentCourse(row, actor)) };
    },

    /**
     * A course with the enrolments the caller may see: office staff their offices' people; the course's
     * organization those who consented to share with partners (audited, as a read of personal data).
     */
    async getCourse(actor: Actor, id: string) {
      const row = await loadCourse(actor, id);
      const enrolments = await q.listCourseEnrolments(db, id);
      const visible = enrolments.flatMap((e) => {
        const side = enrolmentSide(actor, e);
        return side ? [presentEnrolment(e, side)] : [];
      });
      if (actor.role === 'partner_focal_point' && visible.length) {
        await audit.record(db, actor, {
          action: 'enterprise.course_enrolments.read',
          recordType: 'enterprise_course',
          recordId: id,
        });
      }
      return {
        ...presentCourse(row, actor),
        enrolments: visible,
        hiddenEnrolments: enrolments.length - visible.length,
      };
    },

    async createCourse(actor: Actor, input: z.infer<typeof CourseCreate>) {
      if (!policy.manageCourse(actor, { organizationId: input.organizationId }))
        throw new AppError('forbidden');
      await checkOrganization(input.organizationId, 'organizationId');
      fail(checkCourse(input));
      await checkPlace(input.municipalityCode);
      if (input.directoryServiceId) {
        const service = await q.findDirectoryService(db, input.directoryServiceId);
        if (service?.organization_id !== input.organizationId)
          fail([{ path: 'directoryServiceId', messageKey: 'enterprise.validation.directoryService' }]);
      }
      const now = clock();
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertCourse(trx, {
          id,
          organization_id: input.organizationId,
          name: input.name,
          kind: input.kind,
          modality: input.modality,
          hours: input.hours,
          municipality_code: input.municipalityCode ?? null,
          starts_on: input.startsOn,
          ends_on: input.endsOn ?? null,
          capacity: input.capacity ?? null,
          status: input.status,
          directory_service_id: input.directoryServiceId ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await audit.record(trx, actor, {
          action: 'enterprise.course.created',
          recordType: 'enterprise_course',
          recordId: id,
          changes: { after: { ...input } },
        });
      });
      return presentCourse((await q.findCourse(db, id)) as q.CourseRow, actor);
    },

    async updateCourse(actor: Actor, id: string, input: z.infer<typeof CourseUpdate>) {
      const row = await loadCourse(actor, id);
      if (!policy.manageCourse(actor, { organizationId: row.organization_id }))
        throw new AppError('forbidden');
      const { version, ...changes } = input;
      if (changes.status && !canMoveCourse(row.status as CourseStatus, changes.status))
        fail([{ path: 'status', messageKey: 'enterprise.validation.transition' }]);
      const merged = {
        startsOn: changes.startsOn ?? row.starts_on,
        endsOn: changes.endsOn === undefined ? row.ends_on : changes.endsOn,
        modality: changes.modality ?? row.modality,
        municipalityCode:
          changes.municipalityCode === undefined ? row.municipality_code : changes.municipalityCode,
      };
      fail(checkCourse(merged));
      await checkPlace(changes.municipalityCode);
      if (changes.directoryServiceId) {
        const service = await q.findDirectoryService(db, changes.directoryServiceId);
        if (service?.organization_id !== row.organization_id)
          fail([{ path: 'directoryServiceId', messageKey: 'enterprise.validation.directoryService' }]);
      }
      await db.transaction().execute(async (trx) => {
        const updated = await q.updateCourse(trx, id, version, {
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.kind !== undefined && { kind: changes.kind }),
          ...(changes.modality !== undefined && { modality: changes.modality }),
          ...(changes.hours !== undefined && { hours: changes.hours }),
          ...(changes.municipalityCode !== undefined && { municipality_code: changes.municipalityCode }),
          ...(changes.startsOn !== undefined && { starts_on: changes.startsOn }),
          ...(changes.endsOn !== undefined && { ends_on: changes.endsOn }),
          ...(changes.capacity !== undefined && { capacity: changes.capacity }),
          ...(changes.status !== undefined && { status: changes.status }),
          ...(changes.directoryServiceId !== undefined && {
            directory_service_id: changes.directoryServiceId,
          }),
          updated_at: clock(),
        });
        if (!updated) {
          const current = await q.findCourse(trx, id);
          throw new AppError('conflict', {}, { current: current ? presentCourse(current, actor) : null });
        }
        await audit.record(trx, actor, {
          action: 'enterprise.course.updated',
          recordType: 'enterprise_course',
          recordId: id,
          changes: { after: { ...changes } },
        });
      });
      return presentCourse((await q.findCourse(db, id)) as q.CourseRow, actor);
    },

    // Enrolments

    /** Enrols a person served by the office in a course that takes enrolments; 400 naming the field otherwise. */
    async enrol(actor: Actor, courseId: string, input: z.infer<typeof EnrolmentCreate>) {
      if (!policy.staff(actor)) throw new AppError('forbidden');
      const course = await loadCourse(actor, courseId);
      const { officeIds } = await registry.personAccess(actor, input.personId);
      if (!policy.person(actor, { officeIds })) throw new AppError('notFound');
      if (!policy.enrolAt(actor, input.officeId) || !officeIds.includes(input.officeId))
        fail([{ path: 'officeId', messageKey: 'enterprise.validation.office' }]);
      if (!courseTakesEnrolments(course.status as CourseStatus))
        fail([{ path: 'courseId', messageKey: 'enterprise.validation.courseClosed' }]);
      if (course.capacity !== null && Number(course.enrolled ?? 0) >= course.capacity)
        fail([{ path: 'courseId', messageKey: 'enterprise.validation.courseFull' }]);
      const enrolledOn = input.enrolledOn ?? today();
      if (enrolledOn > today()) fail([{ path: 'enrolledOn', messageKey: 'enterprise.validation.future' }]);
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        const inserted = await q.insertEnrolment(trx, {
          id,
          course_id: courseId,
          person_id: input.personId,
          office_id: input.officeId,
          enrolled_on: enrolledOn,
          enrolled_by: actor.userId,
          updated_at: clock(),
        });
        if (!inserted) fail([{ path: 'personId', messageKey: 'enterprise.validation.alreadyEnrolled' }]);
        await audit.record(trx, actor, {
          action: 'enterprise.enrolment.created',
          recordType: 'enterprise_enrolment',
          recordId: id,
          officeId: input.officeId,
          changes: { after: { courseId, personId: input.personId, enrolledOn } },
        });
      });
      return presentEnrolment((await q.findEnrolment(db, id)) as q.EnrolmentRow, 'office');
    },

    /**
     * Moves an enrolment (in progress, completed, dropped) or records its certificate. The office's staff do
     * everything; the course organization's focal point marks progress and completion of people who consented.
     */
    async updateEnrolment(actor: Actor, id: string, input: z.infer<typeof EnrolmentUpdate>) {
      if (!policy.mayTouchPersonRecords(actor)) throw new AppError('forbidden');
      const row = await q.findEnrolment(db, id);
      const side = row ? enrolmentSide(actor, row) : null;
      if (!row || !side) throw new AppError('notFound');
      const status = row.status as EnrolmentStatus;
      const on = input.on ?? today();
      if (input.status && input.status !== status) {
        if (!canMoveEnrolment(status, input.status) || !enrolmentMoves(side, status).includes(input.status))
          fail([{ path: 'status', messageKey: 'enterprise.validation.transition' }]);
        if (on < row.enrolled_on) fail([{ path: 'on', messageKey: 'enterprise.validation.beforeEnrolment' }]);
        if (on > today()) fail([{ path: 'on', messageKey: 'enterprise.validation.future' }]);
      }
      const moving = input.status && input.status !== status ? input.status : undefined;
      await db.transaction().execute(async (trx) => {
        const updated = await q.updateEnrolment(trx, id, input.version, {
          ...(moving && { status: moving }),
          ...(moving === 'completed' && { completed_on: on }),
          ...(moving === 'dropped' && { dropped_on: on }),
          ...(input.certificateReference !== undefined && {
            certificate_reference: input.certificateReference,
          }),
          updated_at: clock(),
        });
        if (!updated) {
          const current = await q.findEnrolment(trx, id);
          throw new AppError('conflict', {}, { current: current ? presentEnrolment(current, side) : null });
        }
        await audit.record(trx, actor, {
          action: 'enterprise.enrolment.updated',
          recordType: 'enterprise_enrolment',
          recordId: id,
          officeId: row.office_id,
          changes: {
            before: { status, certificateReference: row.certificate_reference },
            after: { status: moving ?? status, certificateReference: input.certificateReference },
          },
        });
      });
      return presentEnrolment((await q.findEnrolment(db, id)) as q.EnrolmentRow, side);
    },

    // Productive units

    async listUnits(actor: Actor, query: z.infer<typeof UnitListQuery>) {
      if (!policy.staff(actor)) throw new AppError('forbidden');
      const rows = await q.listUnits(db, actor.officeIds, {
        stage: query.stage,
        sector: query.sector,
        municipality: query.municipality,
        personId: query.personId,
        after: decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(presentUnitSummary),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      };
    },

    async getUnit(actor: Actor, id: string) {
      await loadUnit(actor, id);
      return unitDetail(id);
    },

    async createUnit(actor: Actor, input: z.infer<typeof UnitCreate>) {
      if (!policy.staff(actor)) throw new AppError('forbidden');
      const { officeIds } = await registry.personAccess(actor, input.personId);
      if (!policy.person(actor, { officeIds })) throw new AppError('notFound');
      if (!policy.enrolAt(actor, input.officeId) || !officeIds.includes(input.officeId))
        fail([{ path: 'officeId', messageKey: 'enterprise.validation.office' }]);
      await checkPlace(input.municipalityCode);
      if (input.startedOn && input.startedOn > today())
        fail([{ path: 'startedOn', messageKey: 'enterprise.validation.future' }]);
      const id = uuidv7();
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await q.insertUnit(trx, {
          id,
          person_id: input.personId,
          office_id: input.officeId,
          name: input.name,
          sector: input.sector,
          description: input.description,
          municipality_code: input.municipalityCode ?? null,
          stage: input.stage,
          started_on: input.startedOn ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await audit.record(trx, actor, {
          action: 'enterprise.unit.created',
          recordType: 'productive_unit',
          recordId: id,
          officeId: input.officeId,
          changes: { after: { ...input } },
        });
      });
      return unitDetail(id);
    },

    /** Changes a unit's data or moves its stage one step (forward, back, or closed); 409 with it when stale. */
    async updateUnit(actor: Actor, id: string, input: z.infer<typeof UnitUpdate>) {
      const row = await loadUnit(actor, id);
      const { version, closedOn, ...changes } = input;
      const from = row.stage as UnitStage;
      const moving = changes.stage && changes.stage !== from ? changes.stage : undefined;
      if (moving && !canMoveUnit(from, moving))
        fail([{ path: 'stage', messageKey: 'enterprise.validation.transition' }]);
      if (closedOn && moving !== 'closed')
        fail([{ path: 'closedOn', messageKey: 'enterprise.validation.closedOnly' }]);
      await checkPlace(changes.municipalityCode);
      const startedOn = changes.startedOn === undefined ? row.started_on : changes.startedOn;
      if (startedOn && startedOn > today())
        fail([{ path: 'startedOn', messageKey: 'enterprise.validation.future' }]);
      const closingOn = moving === 'closed' ? (closedOn ?? today()) : undefined;
      if (closingOn && startedOn && closingOn < startedOn)
        fail([{ path: 'closedOn', messageKey: 'enterprise.validation.closedBeforeStart' }]);
      const stale = await db.transaction().execute(async (trx) => {
        const updated = await q.updateUnit(trx, id, version, {
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.sector !== undefined && { sector: changes.sector }),
          ...(changes.description !== undefined && { description: changes.description }),
          ...(changes.municipalityCode !== undefined && { municipality_code: changes.municipalityCode }),
          ...(changes.startedOn !== undefined && { started_on: changes.startedOn }),
          ...(moving && { stage: moving }),
          ...(closingOn && { closed_on: closingOn }),
          updated_at: clock(),
        });
        if (!updated) return true;
        await audit.record(trx, actor, {
          action: 'enterprise.unit.updated',
          recordType: 'productive_unit',
          recordId: id,
          officeId: row.office_id,
          changes: {
            before: { stage: from, name: row.name, sector: row.sector },
            after: { ...changes, ...(closingOn && { closedOn: closingOn }) },
          },
        });
        return false;
      });
      // Outside the transaction: embedded PGlite has one connection.
      if (stale) await conflictWithUnit(id);
      return unitDetail(id);
    },

    async addSupport(actor: Actor, unitId: string, input: z.infer<typeof SupportCreate>) {
      const row = await loadUnit(actor, unitId);
      if (input.providerOrganizationId)
        await checkOrganization(input.providerOrganizationId, 'providerOrganizationId');
      if (input.providedOn > today())
        fail([{ path: 'providedOn', messageKey: 'enterprise.validation.future' }]);
      if (input.kind === 'seed_capital' && !input.amount)
        fail([{ path: 'amount', messageKey: 'enterprise.validation.amountRequired' }]);
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertSupport(trx, {
          id,
          unit_id: unitId,
          kind: input.kind,
          provider_organization_id: input.providerOrganizationId ?? null,
          amount_cop: input.amount ?? null,
          provided_on: input.providedOn,
          notes: input.notes,
          recorded_by: actor.userId,
          created_at: clock(),
        });
        await q.touchUnit(trx, unitId, clock());
        await audit.record(trx, actor, {
          action: 'enterprise.support.recorded',
          recordType: 'productive_unit',
          recordId: unitId,
          officeId: row.office_id,
          changes: { after: { supportId: id, ...input } },
        });
      });
      return unitDetail(unitId);
    },

    /** A follow-up visit, at the unit's current stage. */
    async addFollowUp(actor: Actor, unitId: string, input: z.infer<typeof FollowUpCreate>) {
      const row = await loadUnit(actor, unitId);
      if (input.visitedOn > today())
        fail([{ path: 'visitedOn', messageKey: 'enterprise.validation.future' }]);
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertFollowUp(trx, {
          id,
          unit_id: unitId,
          visited_on: input.visitedOn,
          stage_at_visit: row.stage,
          monthly_sales_cop: input.monthlySales ?? null,
          jobs_created: input.jobsCreated ?? null,
          notes: input.notes,
          recorded_by: actor.userId,
          created_at: clock(),
        });
        await q.touchUnit(trx, unitId, clock());
        await audit.record(trx, actor, {
          action: 'enterprise.follow_up.recorded',
          recordType: 'productive_unit',
          recordId: unitId,
          officeId: row.office_id,
          changes: { after: { followUpId: id, ...input } },
        });
      });
      return unitDetail(unitId);
    },

    // Financing applications

    async createFinancing(actor: Actor, unitId: string, input: z.infer<typeof FinancingCreate>) {
      const row = await loadUnit(actor, unitId);
      if (row.stage === 'closed') fail([{ path: 'unitId', messageKey: 'enterprise.validation.unitClosed' }]);
      await checkOrganization(input.intermediaryOrganizationId, 'intermediaryOrganizationId');
      const submittedOn = input.status === 'submitted' ? (input.submittedOn ?? today()) : null;
      if (input.status === 'draft' && input.submittedOn)
        fail([{ path: 'submittedOn', messageKey: 'enterprise.validation.draftNotSubmitted' }]);
      if (submittedOn && submittedOn > today())
        fail([{ path: 'submittedOn', messageKey: 'enterprise.validation.future' }]);
      const id = uuidv7();
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await q.insertFinancing(trx, {
          id,
          unit_id: unitId,
          line: input.line,
          intermediary_organization_id: input.intermediaryOrganizationId,
          amount_requested_cop: input.amountRequested,
          status: input.status,
          submitted_on: submittedOn,
          notes: input.notes,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await q.touchUnit(trx, unitId, now);
        await audit.record(trx, actor, {
          action: 'enterprise.financing.created',
          recordType: 'financing_application',
          recordId: id,
          officeId: row.office_id,
          changes: { after: { unitId, ...input } },
        });
      });
      return presentFinancing((await q.findFinancing(db, id)) as q.FinancingRow, 'office');
    },

    /**
     * A financing application's next step (with the day it happened) or its amounts. Office staff do everything;
     * the intermediary it is addressed to records its review, decision (with the amount approved) and
     * disbursement. An approval above the amount requested needs a note saying why.
     */
    async updateFinancing(actor: Actor, id: string, input: z.infer<typeof FinancingUpdate>) {
      if (!policy.mayTouchPersonRecords(actor)) throw new AppError('forbidden');
      const row = await q.findFinancing(db, id);
      if (!row) throw new AppError('notFound');
      let side: FinancingSide | null = null;
      if (policy.staff(actor)) {
        const officeIds = await registry
          .personAccess(actor, row.person_id)
          .then((access) => access.officeIds)
          .catch(() => [] as string[]);
        if (policy.person(actor, { officeIds })) side = 'office';
      } else if (
        policy.intermediarySide(actor, { intermediaryOrganizationId: row.intermediary_organization_id }) &&
        row.status !== 'draft'
      ) {
        side = 'intermediary';
      }
      if (!side) throw new AppError('notFound');
      if (side === 'intermediary') {
        const officeOnly = (['amountRequested', 'notes'] as const).filter(
          (field) => input[field] !== undefined,
        );
        fail(officeOnly.map((path) => ({ path, messageKey: 'enterprise.validation.officeOnly' })));
      }
      const from = row.status as FinancingStatus;
      const moving = input.status && input.status !== from ? input.status : undefined;
      if (moving && !canMoveFinancing(from, moving, side))
        fail([{ path: 'status', messageKey: 'enterprise.validation.transition' }]);
      const on = input.on ?? today();
      if (moving && on > today()) fail([{ path: 'on', messageKey: 'enterprise.validation.future' }]);
      const dates = {
        submitted_on: moving === 'submitted' ? on : row.submitted_on,
        decided_on: moving === 'approved' || moving === 'rejected' ? on : row.decided_on,
        disbursed_on: moving === 'disbursed' ? on : row.disbursed_on,
      };
      const next = {
        status: moving ?? from,
        amountRequested: input.amountRequested ?? Number(row.amount_requested_cop),
        amountApproved:
          input.amountApproved === undefined
            ? row.amount_approved_cop === null
              ? null
              : Number(row.amount_approved_cop)
            : input.amountApproved,
        approvalNote: input.approvalNote === undefined ? row.approval_note : input.approvalNote,
        submittedOn: dates.submitted_on,
        decidedOn: dates.decided_on,
        disbursedOn: dates.disbursed_on,
      };
      // A date out of order is the day given for this step.
      fail(
        checkFinancing(next).map((problem) =>
          problem.path.endsWith('On') ? { ...problem, path: 'on' } : problem,
        ),
      );
      await db.transaction().execute(async (trx) => {
        const updated = await q.updateFinancing(trx, id, input.version, {
          status: next.status,
          amount_requested_cop: next.amountRequested,
          amount_approved_cop: next.amountApproved,
          approval_note: next.approvalNote,
          ...dates,
          ...(input.notes !== undefined && { notes: input.notes }),
          updated_at: clock(),
        });
        if (!updated) {
          const current = await q.findFinancing(trx, id);
          throw new AppError('conflict', {}, { current: current ? presentFinancing(current, side) : null });
        }
        await q.touchUnit(trx, row.unit_id, clock());
        await audit.record(trx, actor, {
          action: 'enterprise.financing.updated',
          recordType: 'financing_application',
          recordId: id,
          changes: {
            before: {
              status: from,
              amountRequested: Number(row.amount_requested_cop),
              amountApproved: row.amount_approved_cop,
            },
            after: {
              status: next.status,
              amountRequested: next.amountRequested,
              amountApproved: next.amountApproved,
            },
          },
        });
      });
      return presentFinancing((await q.findFinancing(db, id)) as q.FinancingRow, side);
    },

    /** Office staff: their offices' applications; an intermediary's focal point: those addressed to it. */
    async listFinancing(actor: Actor, query: z.infer<typeof FinancingListQuery>) {
      if (!policy.listFinancing(actor)) throw new AppError('forbidden');
      const side: FinancingSide = policy.staff(actor) ? 'office' : 'intermediary';
      const rows = await q.listFinancing(
        db,
        side === 'office' ? { officeIds: actor.officeIds } : { intermediaryId: actor.organizationId },
        query,
      );
      if (side === 'intermediary' && rows.length)
        await audit.record(db, actor, {
          action: 'enterprise.financing_inbox.read',
          recordType: 'financing_application',
        });
      return { items: rows.map((row) => presentFinancing(row, side)) };
    },

    /** A person's enrolments and productive units, for the person page. */
    async personEnterprise(actor: Actor, personId: string) {
      if (!policy.staff(actor)) throw new AppError('forbidden');
      const { officeIds } = await registry.personAccess(actor, personId);
      if (!policy.person(actor, { officeIds })) throw new AppError('notFound');
      const [enrolments, units] = await Promise.all([
        q.listPersonEnrolments(db, personId),
        q.listUnits(db, officeIds, { personId, limit: 200 }),
      ]);
      return {
        enrolments: enrolments.map((e) => presentEnrolment(e, 'office')),
        units: units.map(presentUnitSummary),
      };
    },

    /**
     * Aggregates for reports: units by stage and by sector (open units), and financing by line. Analysts and the
     * administrator see the network; coordinators their offices' units.
     */
    async summary(actor: Actor) {
      if (!policy.summary(actor)) throw new AppError('forbidden');
      const scope = actor.role === 'office_coordinator' ? actor.officeIds : null;
      const [stages, sectors, lines] = await Promise.all([
        q.unitsByStage(db, scope),
        q.unitsBySector(db, scope),
        q.financingByLine(db, scope),
      ]);
      const stageCount = new Map(stages.map((s) => [s.stage, Number(s.units)]));
      const lineRow = new Map(lines.map((l) => [l.line, l]));
      return {
        unitsByStage: UNIT_STAGES.map((stage) => ({ stage, units: stageCount.get(stage) ?? 0 })),
        unitsBySector: sectors
          .filter((s) => (CIIU_SECTIONS as readonly string[]).includes(s.sector))
          .map((s) => ({ sector: s.sector as CiiuSection, units: Number(s.units) })),
        operatingUnits: (stageCount.get('operating') ?? 0) + (stageCount.get('consolidated') ?? 0),
        financingByLine: FINANCING_LINES.map((line) => {
          const row = lineRow.get(line);
          return {
            line,
            applications: Number(row?.applications ?? 0),
            requested: Number(row?.requested ?? 0),
            approved: Number(row?.approved ?? 0),
            disbursed: Number(row?.disbursed ?? 0),
          };
        }),
      };
    },
  };
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
