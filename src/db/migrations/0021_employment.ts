import { type Kysely, sql } from 'kysely';

// Frozen here: the vocabularies as they shipped; a later change needs a migration of its own.
const EDUCATION_LEVELS = [
  'none',
  'preschool',
  'primary',
  'secondary',
  'media',
  'technical',
  'technological',
  'university',
  'specialization',
  'masters',
  'doctorate',
];
const CONTRACT_TYPES = ['indefinite', 'fixed_term', 'work_or_labour', 'apprenticeship', 'temporary'];
const AVAILABILITY = ['immediate', 'part_time', 'weekends', 'later', 'not_available'];
const quoted = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Job insertion: allied employers and the verification of their work conditions (no candidate reaches an employer
 * that is not verified and in date), their vacancies (CIUO-08), the job seekers' profiles used for matching, the
 * pipeline of applications with placements followed up at 3 and 6 months, and each person's registration with the
 * public employment service.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per verification visit; the employer's standing is its latest verification.
  await sql`
    create table employer_verification (
      id uuid primary key,
      organization_id uuid not null references organization (id),
      legal_registration boolean not null,
      formal_contracts boolean not null,
      social_security boolean not null,
      minimum_wage_or_more boolean not null,
      safe_conditions boolean not null,
      non_discrimination boolean not null,
      verified_by uuid not null references app_user (id),
      verified_at timestamptz not null,
      valid_until date not null,
      notes text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index employer_verification_latest_idx on employer_verification (organization_id, verified_at desc)`.execute(
    db,
  );

  await sql`
    create table employer_profile (
      organization_id uuid primary key references organization (id),
      tax_id text,
      economic_activity text,
      municipality_code char(5) references municipality (code),
      address text,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table vacancy (
      id uuid primary key,
      organization_id uuid not null references organization (id),
      title text not null,
      ciuo_code text not null references occupation (code),
      description text,
      required_skills text[] not null default '{}',
      education_level text check (education_level in (${quoted(EDUCATION_LEVELS)})),
      experience_months integer not null default 0 check (experience_months >= 0),
      municipality_code char(5) not null references municipality (code),
      contract_type text not null check (contract_type in (${quoted(CONTRACT_TYPES)})),
      monthly_wage integer not null check (monthly_wage > 0),
      positions integer not null default 1 check (positions > 0),
      opens_on date not null,
      closes_on date,
      status text not null default 'open' check (status in ('draft', 'open', 'closed', 'filled', 'cancelled')),
      posted_by uuid not null references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint vacancy_dates check (closes_on is null or closes_on >= opens_on)
    )`.execute(db);
  await sql`create index vacancy_open_ciuo_idx on vacancy (ciuo_code) where status = 'open'`.execute(db);
  await sql`create index vacancy_organization_idx on vacancy (organization_id, status)`.execute(db);
  await sql`create index vacancy_municipality_idx on vacancy (municipality_code) where status = 'open'`.execute(
    db,
  );

  // What matching reads of a job seeker, kept in one narrow row so 100,000 of them score fast.
  await sql`
    create table job_seeker_profile (
      person_id uuid primary key references person (id),
      ciuo_codes text[] not null default '{}',
      skills text[] not null default '{}',
      education_level text check (education_level in (${quoted(EDUCATION_LEVELS)})),
      experience_months integer not null default 0 check (experience_months >= 0),
      municipality_code char(5) references municipality (code),
      availability text check (availability in (${quoted(AVAILABILITY)})),
      seeking boolean not null default true,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index job_seeker_profile_ciuo_idx on job_seeker_profile using gin (ciuo_codes) where seeking`.execute(
    db,
  );
  await sql`create index job_seeker_profile_municipality_idx on job_seeker_profile (municipality_code) where seeking`.execute(
    db,
  );

  await sql`
    create table job_application (
      id uuid primary key,
      vacancy_id uuid not null references vacancy (id),
      person_id uuid not null references person (id),
      office_id uuid not null references office (id),
      status text not null default 'applied' check (status in ('applied', 'interview', 'hired', 'not_hired',
        'withdrawn')),
      match_score real,
      match_explanation jsonb,
      consent_id uuid references consent (id),
      applied_by uuid not null references app_user (id),
      applied_at timestamptz not null,
      interview_at timestamptz,
      decided_at timestamptz,
      decision_reason text,
      hired_on date,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (vacancy_id, person_id)
    )`.execute(db);
  await sql`create index job_application_person_idx on job_application (person_id)`.execute(db);
  await sql`create index job_application_vacancy_idx on job_application (vacancy_id, status)`.execute(db);

  await sql`
    create table placement_follow_up (
      id uuid primary key,
      application_id uuid not null references job_application (id),
      milestone text not null check (milestone in ('3_months', '6_months')),
      due_on date not null,
      done_at timestamptz,
      still_employed boolean,
      notes text,
      recorded_by uuid references app_user (id),
      unique (application_id, milestone)
    )`.execute(db);
  await sql`create index placement_follow_up_due_idx on placement_follow_up (due_on) where done_at is null`.execute(
    db,
  );

  await sql`
    create table employment_service_registration (
      id uuid primary key,
      person_id uuid not null references person (id),
      registered_on date not null,
      status text not null check (status in ('registered', 'profile_updated', 'referred_to_vacancies', 'inactive')),
      registration_number text,
      provider text,
      recorded_by uuid not null references app_user (id),
      recorded_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create unique index employment_service_registration_person_key on employment_service_registration (person_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'employment_service_registration',
    'placement_follow_up',
    'job_application',
    'job_seeker_profile',
    'vacancy',
    'employer_profile',
    'employer_verification',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
