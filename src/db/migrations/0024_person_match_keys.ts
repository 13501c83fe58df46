import { type Kysely, sql } from 'kysely';
import { refreshStaleMatchKeys } from '../../modules/entity-resolution/keys-queries';
import type { Database } from '../schema';

/**
 * Entity resolution's stored keys (issue 9; src/modules/entity-resolution/keys-*.ts) and the match model.
 *
 * `person_match_keys`: one row per current person with what the comparisons read (`prepared`) and the keys,
 * computed in TypeScript so both engines store the same values. The blocking keys of the batch's rules (about 50
 * per person) are stored as 32-bit hashes (`person_match_blocking.key_hashes`, see keys-compute.ts's `keyHash`), in a
 * narrow table of their own behind a GIN index: the
 * online match finds every person sharing a key with a draft in one index scan. Measured (docs/entity-
 * resolution.md): the keys as text made the GIN index about 5 KB per person, 14 GB at 3 million; one row per key
 * with a B-tree would be ~150 million rows. Merged-away persons have no keys.
 *
 * `match_model`: the trained Fellegi–Sunter models (src/domain/entity-resolution/pipeline.ts), one active.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table person_match_keys (
      person_id uuid primary key references person (id) on delete cascade,
      keys_version smallint not null,
      given_names text[] not null,
      surnames text[] not null,
      phonetic text[] not null,
      document_digits text[] not null,
      prepared jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  // The blocking keys apart, in a narrow table: the lookup visits a row per key it finds, and rows of ~150 bytes
  // stay in memory where the ~2 KB rows of person_match_keys would not.
  await sql`
    create table person_match_blocking (
      person_id uuid primary key references person (id) on delete cascade,
      key_hashes integer[] not null
    )`.execute(db);
  await sql`create index person_match_blocking_keys on person_match_blocking using gin (key_hashes)`.execute(
    db,
  );
  await sql`
    create table match_model (
      id uuid primary key,
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      source text not null check (source in ('run', 'thresholds')),
      run_id uuid,
      parameters jsonb not null,
      same_threshold double precision not null check (same_threshold > 0 and same_threshold <= 1),
      review_threshold double precision not null check (review_threshold > 0 and review_threshold <= same_threshold),
      active boolean not null default false
    )`.execute(db);
  await sql`create unique index match_model_one_active on match_model (active) where active`.execute(db);

  await refreshStaleMatchKeys(db as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table match_model`.execute(db);
  await sql`drop table person_match_blocking`.execute(db);
  await sql`drop table person_match_keys`.execute(db);
}
