import { type Kysely, sql } from 'kysely';

// Frozen here: the vocabularies as they shipped; a later change needs a migration of its own.
const COURSE_KINDS = ['vocational', 'entrepreneurship', 'complementary'];
const MODALITIES = ['in_person', 'virtual', 'blended'];
const COURSE_STATUSES = ['planned', 'open', 'in_progress', 'finished', 'cancelled'];
const ENROLMENT_STATUSES = ['enrolled', 'in_progress', 'completed', 'dropped'];
/** CIIU Rev. 4 A.C. (DANE) sections, A to U. */
const SECTORS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
const UNIT_STAGES = ['idea', 'business_plan', 'start_up', 'operating', 'consolidated', 'closed'];
const SUPPORT_KINDS = ['training', 'inputs', 'seed_capital', 'technical_assistance'];
const FINANCING_LINES = ['bancoldex', 'rotating_fund', 'microcredit', 'other'];
const FINANCING_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'disbursed',
  'withdrawn',
];
const quoted = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Entrepreneurship: trainings and courses (SENA's and others') with their enrolments, the productive units people
 * run from the idea to an operating business with the support they receive and their follow-up visits, and the
 * financing applications (Bancóldex lines, the Foreign Ministry's rotating fund, microcredit) with amounts in COP.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprise_course (
      id uuid primary key,
      organization_id uuid not null references organization (id),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in (${quoted(COURSE_KINDS)})),
      modality text not null check (modality in (${quoted(MODALITIES)})),
      hours integer not null check (hours > 0 and hours <= 5000),
      municipality_code char(5) references municipality (code),
      starts_on date not null,
      ends_on date,
      capacity integer check (capacity > 0),
      status text not null default 'planned' check (status in (${quoted(COURSE_STATUSES)})),
      directory_service_id uuid references directory_service (id),
      created_by uuid not null references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint enterprise_course_dates check (ends_on is null or ends_on >= starts_on),
      constraint enterprise_course_place check (modality = 'virtual' or municipality_code is not null)
    )`.execute(db);
  await sql`create index enterprise_course_organization_idx on enterprise_course (organization_id, starts_on desc)`.execute(
    db,
  );

  await sql`
    create table enterprise_enrolment (
      id uuid primary key,
      course_id uuid not null references enterprise_course (id),
      person_id uuid not null references person (id),
      office_id uuid not null references office (id),
      status text not null default 'enrolled' check (status in (${quoted(ENROLMENT_STATUSES)})),
      enrolled_on date not null,
      completed_on date,
      dropped_on date,
      certificate_reference text,
      enrolled_by uuid not null references app_user (id),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (course_id, person_id),
      constraint enterprise_enrolment_completed check ((status = 'completed') = (completed_on is not null)),
      constraint enterprise_enrolment_dropped check ((status = 'dropped') = (dropped_on is not null)),
      constraint enterprise_enrolment_dates check (
        (completed_on is null or completed_on >= enrolled_on) and (dropped_on is null or dropped_on >= enrolled_on))
    )`.execute(db);
  await sql`create index enterprise_enrolment_person_idx on enterprise_enrolment (person_id)`.execute(db);

  await sql`
    create table productive_unit (
      id uuid primary key,
      person_id uuid not null references person (id),
      office_id uuid not null references office (id),
      name text not null check (length(name) between 1 and 200),
      sector char(1) not null check (sector in (${quoted(SECTORS)})),
      description text,
      municipality_code char(5) references municipality (code),
      stage text not null default 'idea' check (stage in (${quoted(UNIT_STAGES)})),
      started_on date,
      closed_on date,
      created_by uuid not null references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint productive_unit_closed check ((stage = 'closed') = (closed_on is not null)),
      constraint productive_unit_dates check (closed_on is null or started_on is null or closed_on >= started_on)
    )`.execute(db);
  await sql`create index productive_unit_office_idx on productive_unit (office_id, stage)`.execute(db);
  await sql`create index productive_unit_person_idx on productive_unit (person_id)`.execute(db);

  await sql`
    create table productive_unit_support (
      id uuid primary key,
      unit_id uuid not null references productive_unit (id),
      kind text not null check (kind in (${quoted(SUPPORT_KINDS)})),
      provider_organization_id uuid references organization (id),
      amount_cop bigint check (amount_cop >= 0),
      provided_on date not null,
      notes text,
      recorded_by uuid not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index productive_unit_support_unit_idx on productive_unit_support (unit_id, provided_on)`.execute(
    db,
  );

  await sql`
    create table productive_unit_follow_up (
      id uuid primary key,
      unit_id uuid not null references productive_unit (id),
      visited_on date not null,
      stage_at_visit text not null check (stage_at_visit in (${quoted(UNIT_STAGES)})),
      monthly_sales_cop bigint check (monthly_sales_cop >= 0),
      jobs_created integer check (jobs_created >= 0),
      notes text,
      recorded_by uuid not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index productive_unit_follow_up_unit_idx on productive_unit_follow_up (unit_id, visited_on)`.execute(
    db,
  );

  // An approval above the amount requested happens (a line's minimum ticket) but must say why: approval_note.
  await sql`
    create table financing_application (
      id uuid primary key,
      unit_id uuid not null references productive_unit (id),
      line text not null check (line in (${quoted(FINANCING_LINES)})),
      intermediary_organization_id uuid not null references organization (id),
      amount_requested_cop bigint not null check (amount_requested_cop > 0),
      amount_approved_cop bigint check (amount_approved_cop >= 0),
      approval_note text,
      status text not null default 'draft' check (status in (${quoted(FINANCING_STATUSES)})),
      submitted_on date,
      decided_on date,
      disbursed_on date,
      notes text,
      created_by uuid not null references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint financing_application_approved_amount check (
        amount_approved_cop is null or amount_approved_cop <= amount_requested_cop or approval_note is not null),
      constraint financing_application_approved_has_amount check (
        status not in ('approved', 'disbursed') or amount_approved_cop is not null),
      constraint financing_application_dates check (
        (decided_on is null or submitted_on is null or decided_on >= submitted_on)
        and (disbursed_on is null or decided_on is null or disbursed_on >= decided_on))
    )`.execute(db);
  await sql`create index financing_application_unit_idx on financing_application (unit_id)`.execute(db);
  await sql`create index financing_application_intermediary_idx on financing_application (intermediary_organization_id, status)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'financing_application',
    'productive_unit_follow_up',
    'productive_unit_support',
    'productive_unit',
    'enterprise_enrolment',
    'enterprise_course',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
