import { type Kysely, sql } from 'kysely';

/**
 * Indexes for how referrals are read: a partner's inbox newest first across statuses (and the administrator's,
 * across partners), and a service's acceptances this month for its capacity check.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index referral_partner_recent_idx on referral (organization_id, sent_at desc, id desc)`.execute(
    db,
  );
  await sql`create index referral_recent_idx on referral (sent_at desc, id desc)`.execute(db);
  await sql`create index referral_service_accepted_idx on referral (service_id, accepted_at)
    where accepted_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index referral_service_accepted_idx`.execute(db);
  await sql`drop index referral_recent_idx`.execute(db);
  await sql`drop index referral_partner_recent_idx`.execute(db);
}
