import { type Kysely, sql } from 'kysely';

/**
 * Closed-loop referrals from a case's action plan to a directory service, and the outbox that carries their
 * notifications. A referral keeps what was shared with the partner and why the person was eligible at the time it
 * was sent, so both can be shown later exactly as they were. Notifications are written in the same transaction as
 * the change they announce and sent afterwards, so a slow or failing mail server never blocks or loses one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table referral (
      id uuid primary key,
      person_id uuid not null references person (id),
      case_id uuid not null references "case" (id),
      case_action_id uuid references case_action (id),
      service_id uuid not null references directory_service (id),
      organization_id uuid not null references organization (id),
      office_id uuid not null references office (id),
      status text not null default 'sent' check (status in ('sent', 'accepted', 'declined', 'in_progress',
        'completed', 'not_attended', 'withdrawn')),
      reason text,
      shared_data jsonb not null,
      eligibility jsonb not null,
      consent_id uuid references consent (id),
      decline_reason text,
      outcome text check (outcome in ('achieved', 'partially_achieved', 'not_achieved')),
      outcome_notes text,
      sent_by uuid not null references app_user (id),
      sent_at timestamptz not null,
      accept_due_at timestamptz not null,
      complete_due_at timestamptz,
      accepted_at timestamptz,
      accepted_by uuid references app_user (id),
      started_at timestamptz,
      closed_at timestamptz,
      closed_by uuid references app_user (id),
      idempotency_key text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint referral_declined_has_reason check (status <> 'declined' or decline_reason is not null),
      constraint referral_completed_has_outcome check (status <> 'completed' or outcome is not null)
    )`.execute(db);
  await sql`create unique index referral_idempotency_key on referral (sent_by, idempotency_key)
    where idempotency_key is not null`.execute(db);
  await sql`create index referral_partner_inbox_idx on referral (organization_id, status, sent_at)`.execute(
    db,
  );
  await sql`create index referral_office_idx on referral (office_id, sent_at)`.execute(db);
  await sql`create index referral_case_idx on referral (case_id)`.execute(db);
  await sql`create index referral_service_idx on referral (service_id, sent_at)`.execute(db);
  await sql`create index referral_person_idx on referral (person_id)`.execute(db);

  await sql`
    create table referral_event (
      id uuid primary key,
      referral_id uuid not null references referral (id),
      kind text not null check (kind in ('sent', 'accepted', 'declined', 'started', 'completed', 'not_attended',
        'withdrawn', 'comment')),
      actor_id uuid references app_user (id),
      at timestamptz not null,
      details jsonb
    )`.execute(db);
  await sql`create index referral_event_referral_idx on referral_event (referral_id, at)`.execute(db);

  await sql`
    create table outbox_message (
      id uuid primary key,
      topic text not null,
      recipient text not null,
      locale text not null default 'es',
      subject text not null,
      body text not null,
      payload jsonb,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      available_at timestamptz not null default now(),
      sent_at timestamptz,
      last_error text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index outbox_message_pending_idx on outbox_message (available_at) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_message').execute();
  await db.schema.dropTable('referral_event').execute();
  await db.schema.dropTable('referral').execute();
}
