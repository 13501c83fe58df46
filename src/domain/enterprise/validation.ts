/**
 * Field rules of entrepreneurship records that a schema cannot express alone, as lists of the fields that break
 * them (with a message key), so services answer 400 naming each field. The database checks the same rules.
 */
export interface FieldProblem {
  path: string;
  messageKey: string;
}

/** `YYYY-MM-DD` strings compare as dates. */
function before(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a < b);
}

/** A course's end on or after its start; a place unless it is virtual. */
export function checkCourse(course: {
  startsOn: string;
  endsOn?: string | null;
  modality: string;
  municipalityCode?: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (before(course.endsOn, course.startsOn))
    problems.push({ path: 'endsOn', messageKey: 'enterprise.validation.endsBeforeStart' });
  if (course.modality !== 'virtual' && !course.municipalityCode)
    problems.push({ path: 'municipalityCode', messageKey: 'enterprise.validation.placeRequired' });
  return problems;
}

/**
 * A financing application's amounts and dates: the amount approved at most the amount requested unless a note
 * documents why; an approved or disbursed application has an amount approved; submitted ≤ decided ≤ disbursed.
 */
export function checkFinancing(application: {
  status: string;
  amountRequested: number;
  amountApproved: number | null;
  approvalNote: string | null;
  submittedOn: string | null;
  decidedOn: string | null;
  disbursedOn: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { amountApproved, amountRequested } = application;
  if (amountApproved !== null && amountApproved > amountRequested && !application.approvalNote?.trim())
    problems.push({ path: 'amountApproved', messageKey: 'enterprise.validation.approvedAboveRequested' });
  if ((application.status === 'approved' || application.status === 'disbursed') && amountApproved === null)
    problems.push({ path: 'amountApproved', messageKey: 'enterprise.validation.approvedAmountRequired' });
  if (before(application.decidedOn, application.submittedOn))
    problems.push({ path: 'decidedOn', messageKey: 'enterprise.validation.decidedBeforeSubmitted' });
  if (before(application.disbursedOn, application.decidedOn))
    problems.push({ path: 'disbursedOn', messageKey: 'enterprise.validation.disbursedBeforeDecided' });
  return problems;
}

/** Formats pesos as Colombians write them: "$ 5.000.000" (no decimals). */
export function formatCop(amount: number): string {
  const digits = Math.round(Math.abs(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}$ ${digits}`;
}
