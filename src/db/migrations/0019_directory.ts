import { type Kysely, sql } from 'kysely';

// Frozen here: the service taxonomy and statuses as they shipped; a later change needs a migration of its own.
const CATEGORIES = [
  'health_affiliation',
  'sisben_registration',
  'sexual_reproductive_health',
  'mental_health',
  'school_enrolment',
  'child_care',
  'migratory_regularization',
  'legal_advice',
  'degree_recognition',
  'housing_subsidy',
  'temporary_shelter',
  'food_aid',
  'job_placement',
  'vocational_training',
  'entrepreneurship_training',
  'microcredit',
  'cultural_exchange',
  'psychosocial_support',
  'other',
];
const POPULATION_GROUPS = [
  'returnee',
  'venezuelan_migrant',
  'refugee_or_asylum_seeker',
  'host_community',
  'other',
];
const quoted = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The directory of the network's offer (Open Referral HSDS 3.0 shaped): what partner organizations provide, to
 * whom (eligibility), where and when (locations, schedules), how much (monthly capacity), how fast (the service-level
 * days to accept and to complete a referral), and whom to call. Organizations are the network's own; imported HSDS
 * organizations that are not yet in the network come in with kind `other`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organization drop constraint organization_kind_check`.execute(db);
  await sql`alter table organization add constraint organization_kind_check check (kind in ('public_entity', 'ngo',
    'international_organization', 'employer', 'financial_institution', 'training_institution', 'other'))`.execute(
    db,
  );
  await sql`alter table organization
    add column description text,
    add column email text,
    add column website text`.execute(db);

  await sql`
    create table directory_location (
      id uuid primary key,
      organization_id uuid not null references organization (id),
      name text not null,
      alternate_name text,
      description text,
      transportation text,
      address_1 text,
      address_2 text,
      city text,
      state_province text,
      postal_code text,
      country char(2) not null default 'CO',
      municipality_code char(5) references municipality (code),
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index directory_location_organization_idx on directory_location (organization_id)`.execute(
    db,
  );
  await sql`create index directory_location_municipality_idx on directory_location (municipality_code)`.execute(
    db,
  );

  await sql`
    create table directory_service (
      id uuid primary key,
      organization_id uuid not null references organization (id),
      name text not null,
      alternate_name text,
      description text,
      category text not null check (category in (${quoted(CATEGORIES)})),
      status text not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
      url text,
      email text,
      application_process text,
      fees_description text,
      eligibility_description text,
      minimum_age integer check (minimum_age >= 0),
      maximum_age integer check (maximum_age >= 0),
      population_groups text[] not null default '{}'
        constraint directory_service_population_groups_known check (population_groups <@ array[${quoted(POPULATION_GROUPS)}]::text[]),
      sexes text[] not null default '{}'
        constraint directory_service_sexes_known check (sexes <@ array['female', 'male', 'intersex']::text[]),
      required_documents text[] not null default '{}',
      municipality_codes text[] not null default '{}',
      languages text[] not null default '{es}',
      capacity_per_month integer check (capacity_per_month > 0),
      acceptance_days integer not null default 5 check (acceptance_days > 0),
      completion_days integer check (completion_days > 0),
      version integer not null default 1,
      created_by uuid references app_user (id),
      updated_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint directory_service_age_range check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age)
    )`.execute(db);
  await sql`create index directory_service_organization_idx on directory_service (organization_id)`.execute(
    db,
  );
  await sql`create index directory_service_category_idx on directory_service (category) where status = 'active'`.execute(
    db,
  );

  await sql`
    create table directory_service_at_location (
      id uuid primary key,
      service_id uuid not null references directory_service (id) on delete cascade,
      location_id uuid not null references directory_location (id),
      description text,
      unique (service_id, location_id)
    )`.execute(db);
  await sql`create index directory_service_at_location_location_idx on directory_service_at_location (location_id)`.execute(
    db,
  );

  // A weekly opening window (HSDS schedule with freq WEEKLY): the days it applies, the hours, and a note.
  await sql`
    create table directory_schedule (
      id uuid primary key,
      service_id uuid references directory_service (id) on delete cascade,
      location_id uuid references directory_location (id) on delete cascade,
      service_at_location_id uuid references directory_service_at_location (id) on delete cascade,
      byday text check (byday ~ '^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$'),
      opens_at time,
      closes_at time,
      valid_from date,
      valid_to date,
      description text,
      constraint directory_schedule_one_owner check (num_nonnulls(service_id, location_id, service_at_location_id) = 1)
    )`.execute(db);
  await sql`create index directory_schedule_service_idx on directory_schedule (service_id)`.execute(db);
  await sql`create index directory_schedule_location_idx on directory_schedule (location_id)`.execute(db);
  await sql`create index directory_schedule_sal_idx on directory_schedule (service_at_location_id)`.execute(
    db,
  );

  await sql`
    create table directory_contact (
      id uuid primary key,
      organization_id uuid references organization (id),
      service_id uuid references directory_service (id) on delete cascade,
      location_id uuid references directory_location (id) on delete cascade,
      name text,
      title text,
      department text,
      email text,
      phone text,
      constraint directory_contact_one_owner check (num_nonnulls(organization_id, service_id, location_id) = 1)
    )`.execute(db);
  await sql`create index directory_contact_service_idx on directory_contact (service_id)`.execute(db);
  await sql`create index directory_contact_organization_idx on directory_contact (organization_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'directory_contact',
    'directory_schedule',
    'directory_service_at_location',
    'directory_service',
    'directory_location',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`alter table organization drop column description, drop column email, drop column website`.execute(
    db,
  );
  await sql`alter table organization drop constraint organization_kind_check`.execute(db);
  await sql`alter table organization add constraint organization_kind_check check (kind in ('public_entity', 'ngo',
    'international_organization', 'employer', 'financial_institution', 'training_institution'))`.execute(db);
}
