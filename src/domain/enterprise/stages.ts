import type { CourseStatus, EnrolmentStatus, FinancingStatus, UnitStage } from './vocabulary';

/**
 * The life of a productive unit: idea → business plan → start-up → operating → consolidated, one step at a time.
 * A caseworker may correct a step back (a plan that has to be reworked, a business that lost its footing) and may
 * close a unit from any stage; a closed unit stays closed (a new venture is a new unit).
 */
const UNIT_ORDER: readonly UnitStage[] = ['idea', 'business_plan', 'start_up', 'operating', 'consolidated'];

export function nextUnitStages(from: UnitStage): UnitStage[] {
  if (from === 'closed') return [];
  const index = UNIT_ORDER.indexOf(from);
  const next: UnitStage[] = [];
  const forward = UNIT_ORDER[index + 1];
  const back = UNIT_ORDER[index - 1];
  if (forward) next.push(forward);
  if (back) next.push(back);
  next.push('closed');
  return next;
}

export function canMoveUnit(from: UnitStage, to: UnitStage): boolean {
  return nextUnitStages(from).includes(to);
}

/** What counts as an operating business in reports: a unit that sells (operating) or has consolidated. */
export function isOperatingBusiness(stage: UnitStage): boolean {
  return stage === 'operating' || stage === 'consolidated';
}

/**
 * Financing applications: draft → submitted → in review → approved | rejected, and approved → disbursed. The
 * applicant (through the office) may withdraw one at any point before a decision or a disbursement. The decision
 * steps (in review, approved, rejected, disbursed) belong to the financial intermediary; office staff record them
 * too, when the intermediary answers on paper.
 */
export type FinancingSide = 'office' | 'intermediary';

const FINANCING_TRANSITIONS: Record<
  FinancingStatus,
  Partial<Record<FinancingStatus, readonly FinancingSide[]>>
> = {
  draft: { submitted: ['office'], withdrawn: ['office'] },
  submitted: {
    in_review: ['office', 'intermediary'],
    rejected: ['office', 'intermediary'],
    withdrawn: ['office'],
  },
  in_review: {
    approved: ['office', 'intermediary'],
    rejected: ['office', 'intermediary'],
    withdrawn: ['office'],
  },
  approved: { disbursed: ['office', 'intermediary'], withdrawn: ['office'] },
  rejected: {},
  disbursed: {},
  withdrawn: {},
};

export function nextFinancingStatuses(from: FinancingStatus, side: FinancingSide): FinancingStatus[] {
  return (Object.entries(FINANCING_TRANSITIONS[from]) as Array<[FinancingStatus, readonly FinancingSide[]]>)
    .filter(([, sides]) => sides.includes(side))
    .map(([to]) => to);
}

export function canMoveFinancing(from: FinancingStatus, to: FinancingStatus, side: FinancingSide): boolean {
  return nextFinancingStatuses(from, side).includes(to);
}

export function isFinancingClosed(status: FinancingStatus): boolean {
  return Object.keys(FINANCING_TRANSITIONS[status]).length === 0;
}

/** Enrolments: enrolled → in progress → completed, or dropped before completing. */
const ENROLMENT_TRANSITIONS: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  enrolled: ['in_progress', 'completed', 'dropped'],
  in_progress: ['completed', 'dropped'],
  completed: [],
  dropped: [],
};

export function canMoveEnrolment(from: EnrolmentStatus, to: EnrolmentStatus): boolean {
  return ENROLMENT_TRANSITIONS[from].includes(to);
}

export function nextEnrolmentStatuses(from: EnrolmentStatus): EnrolmentStatus[] {
  return [...ENROLMENT_TRANSITIONS[from]];
}

/** Courses: planned → open (enrolling) → in progress → finished, or cancelled before they finish. */
const COURSE_TRANSITIONS: Record<CourseStatus, readonly CourseStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['in_progress', 'cancelled'],
  in_progress: ['finished', 'cancelled'],
  finished: [],
  cancelled: [],
};

export function canMoveCourse(from: CourseStatus, to: CourseStatus): boolean {
  return from === to || COURSE_TRANSITIONS[from].includes(to);
}

/** People may be enrolled while a course is planned, open or under way. */
export function courseTakesEnrolments(status: CourseStatus): boolean {
  return status === 'planned' || status === 'open' || status === 'in_progress';
}
