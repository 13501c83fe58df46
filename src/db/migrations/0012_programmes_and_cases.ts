import { type Kysely, sql } from 'kysely';

/**
 * Programmes (reference data: what a case enrols a person or household in, and whether its plans and closures
 * need a coordinator's approval) and cases with their action plan (goals tied to needs, actions), approval
 * requests, transfers between offices, notes with confidentiality levels and an append-only history.
 *
 * `case` is a reserved word in SQL: Kysely quotes it; raw SQL must write "case".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table programme (
      key text primary key check (key ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name_es text not null,
      name_en text not null,
      description_es text,
      description_en text,
      organization_id uuid references organization (id),
      requires_plan_approval boolean not null default false,
      requires_closure_approval boolean not null default false,
      instrument_key text,
      population_groups text[] not null default '{}',
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table "case" (
      id uuid primary key,
      person_id uuid references person (id),
      household_id uuid references household (id),
      programme_key text not null references programme (key),
      office_id uuid not null references office (id),
      caseworker_id uuid not null references app_user (id),
      status text not null default 'open'
        check (status in ('open', 'active', 'on_hold', 'pending_closure', 'closed')),
      status_before text check (status_before in ('open', 'active')),
      plan_status text not null default 'draft'
        check (plan_status in ('draft', 'submitted', 'approved', 'rejected')),
      hold_reason text,
      closure_reason text check (closure_reason in ('goals_achieved', 'person_withdrew', 'moved_away',
        'lost_contact', 'referred_elsewhere', 'deceased', 'other')),
      closure_outcome text check (closure_outcome in ('achieved', 'partially_achieved', 'not_achieved')),
      closure_note text,
      closed_at timestamptz,
      opened_by uuid references app_user (id),
      opened_at timestamptz not null default now(),
      last_activity_at timestamptz not null default now(),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      constraint case_one_subject check ((person_id is null) <> (household_id is null)),
      constraint case_closed_has_reason check (status <> 'closed' or (closure_reason is not null and closure_outcome is not null))
    )`.execute(db);
  await sql`create index case_office_status_idx on "case" (office_id, status, id)`.execute(db);
  await sql`create index case_caseworker_status_idx on "case" (caseworker_id, status, id)`.execute(db);
  await sql`create index case_person_idx on "case" (person_id) where person_id is not null`.execute(db);
  await sql`create index case_household_idx on "case" (household_id) where household_id is not null`.execute(
    db,
  );

  await sql`
    create table case_goal (
      id uuid primary key,
      case_id uuid not null references "case" (id),
      dimension text not null check (dimension in ('social', 'cultural', 'housing_urban', 'productive', 'health',
        'education', 'legal_documentation', 'humanitarian_aid')),
      description text not null,
      status text not null default 'open' check (status in ('open', 'achieved', 'not_achieved', 'cancelled')),
      position integer not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_goal_case_idx on case_goal (case_id, position)`.execute(db);

  await sql`
    create table case_goal_need (
      goal_id uuid not null references case_goal (id) on delete cascade,
      need_id uuid not null references need (id),
      primary key (goal_id, need_id)
    )`.execute(db);
  await sql`create index case_goal_need_need_idx on case_goal_need (need_id)`.execute(db);

  await sql`
    create table case_action (
      id uuid primary key,
      case_id uuid not null references "case" (id),
      goal_id uuid not null references case_goal (id),
      description text not null,
      responsible_kind text not null check (responsible_kind in ('caseworker', 'partner', 'person')),
      responsible_user_id uuid references app_user (id),
      responsible_organization_id uuid references organization (id),
      due_on date,
      status text not null default 'pending' check (status in ('pending', 'in_progress', 'done', 'cancelled')),
      completed_at timestamptz,
      completed_by uuid references app_user (id),
      position integer not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint case_action_partner check (responsible_kind <> 'partner' or responsible_organization_id is not null)
    )`.execute(db);
  await sql`create index case_action_case_idx on case_action (case_id, position)`.execute(db);
  await sql`create index case_action_open_due_idx on case_action (due_on) where status in ('pending', 'in_progress')`.execute(
    db,
  );

  await sql`
    create table case_approval (
      id uuid primary key,
      case_id uuid not null references "case" (id),
      office_id uuid not null references office (id),
      subject text not null check (subject in ('plan', 'closure')),
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
      requested_by uuid not null references app_user (id),
      requested_at timestamptz not null default now(),
      request_details jsonb,
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      decision_reason text
    )`.execute(db);
  await sql`create unique index case_approval_one_pending on case_approval (case_id, subject) where status = 'pending'`.execute(
    db,
  );
  await sql`create index case_approval_pending_office_idx on case_approval (office_id, requested_at) where status = 'pending'`.execute(
    db,
  );

  await sql`
    create table case_transfer (
      id uuid primary key,
      case_id uuid not null references "case" (id),
      from_office_id uuid not null references office (id),
      to_office_id uuid not null references office (id),
      status text not null default 'pending' check (status in ('pending', 'accepted', 'refused', 'withdrawn')),
      reason text not null,
      requested_by uuid not null references app_user (id),
      requested_at timestamptz not null default now(),
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      decision_reason text,
      constraint case_transfer_other_office check (from_office_id <> to_office_id)
    )`.execute(db);
  await sql`create unique index case_transfer_one_pending on case_transfer (case_id) where status = 'pending'`.execute(
    db,
  );
  await sql`create index case_transfer_pending_to_idx on case_transfer (to_office_id, requested_at) where status = 'pending'`.execute(
    db,
  );

  await sql`
    create table case_note (
      id uuid primary key,
      case_id uuid not null references "case" (id),
      author_id uuid not null references app_user (id),
      confidentiality text not null default 'normal' check (confidentiality in ('normal', 'restricted', 'sensitive')),
      body text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_note_case_idx on case_note (case_id, created_at)`.execute(db);

  await sql`
    create table case_event (
      id uuid primary key,
      case_id uuid not null references "case" (id),
      kind text not null,
      actor_id uuid references app_user (id),
      at timestamptz not null default now(),
      reason text,
      details jsonb
    )`.execute(db);
  await sql`create index case_event_case_idx on case_event (case_id, at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'case_event',
    'case_note',
    'case_transfer',
    'case_approval',
    'case_action',
    'case_goal_need',
    'case_goal',
    '"case"',
    'programme',
  ]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
