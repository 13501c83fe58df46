import { type Kysely, sql } from 'kysely';

/**
 * Deduplication runs and their review queue (issue 9; src/modules/entity-resolution/dedup-*.ts).
 *
 * A run compares the persons of its scope (the whole registry, the persons of some offices, or one import's
 * persons against the registry), trains the model, scores the candidate pairs and writes the pairs worth a look
 * in chunks, each chunk in one transaction with the run's progress, so a crash resumes after the last chunk.
 * Nothing is merged: each pair waits in the queue for a coordinator's decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dedup_run')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope in ('registry', 'import')`))
    // Registry scope: null = the whole registry (administrators), otherwise the coordinator's offices.
    .addColumn('office_ids', sql`uuid[]`)
    .addColumn('import_job_id', 'uuid', (col) => col.references('import_job.id'))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'running', 'cancelling', 'cancelled', 'failed', 'completed')`),
    )
    .addColumn('stage', 'text', (col) =>
      col
        .notNull()
        .defaultTo('queued')
        .check(sql`stage in ('queued', 'loading', 'blocking', 'training', 'scoring', 'writing', 'done')`),
    )
    .addColumn('progress_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (col) => col.notNull().defaultTo(0))
    // Persons compared, candidate pairs, pairs written to the queue (by class), unions the veto refused.
    .addColumn('person_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('candidate_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('same_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('review_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('refused_count', 'integer', (col) => col.notNull().defaultTo(0))
    // Persons registered up to this instant are compared, so a resumed run sees the same records.
    .addColumn('snapshot_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // The trained model (pipeline's trainedModelToJson), kept so a resumed run scores with the same one.
    .addColumn('model', 'jsonb')
    .addColumn('model_id', 'uuid')
    .addColumn('blocking_stats', 'jsonb')
    .addColumn('error_code', 'text')
    // Starts of the run (the first and each resume after a restart): a run the server keeps dying in is failed
    // after a few instead of crash-looping at every boot.
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('started_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('started_by_role', 'text', (col) => col.notNull())
    .addColumn('started_context', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index dedup_run_recent_idx on dedup_run (created_at desc, id desc)`.execute(db);
  // One run at a time, network-wide (a run loads the whole registry into a worker): two starts racing on
  // PostgreSQL both pass the service's check, and this index refuses the second (the service answers 409).
  await sql`create unique index dedup_run_one_active_idx on dedup_run ((true))
    where status in ('queued', 'running', 'cancelling')`.execute(db);

  await db.schema
    .createTable('dedup_pair')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('run_id', 'uuid', (col) => col.notNull().references('dedup_run.id').onDelete('cascade'))
    .addColumn('person_a_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('person_b_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('probability', 'double precision', (col) => col.notNull())
    .addColumn('weight', 'double precision', (col) => col.notNull())
    .addColumn('decision_class', 'text', (col) =>
      col.notNull().check(sql`decision_class in ('same', 'review')`),
    )
    // One comparison level per field, in the order of comparisons.ts's FIELDS.
    .addColumn('levels', sql`smallint[]`, (col) => col.notNull())
    .addColumn('veto', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending', 'same', 'different', 'unsure')`),
    )
    .addColumn('decided_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addCheckConstraint('dedup_pair_ordered', sql`person_a_id < person_b_id`)
    .execute();
  await sql`create unique index dedup_pair_run_persons_idx on dedup_pair (run_id, person_a_id, person_b_id)`.execute(
    db,
  );
  // The queue's order ("same" before "review", then highest probability), whole or filtered by status, read by
  // keyset in index order.
  await sql`create index dedup_pair_queue_idx on dedup_pair (run_id, decision_class desc, probability desc, id desc)`.execute(
    db,
  );
  await sql`create index dedup_pair_queue_status_idx on dedup_pair
    (run_id, status, decision_class desc, probability desc, id desc)`.execute(db);
  // A new run's pairs take the decisions of earlier runs on the same two persons.
  await sql`create index dedup_pair_earlier_decision_idx on dedup_pair (person_a_id, person_b_id)
    where status <> 'pending'`.execute(db);
  // Decided pairs feed the threshold suggestion.
  await sql`create index dedup_pair_decided_idx on dedup_pair (status, probability) where status <> 'pending'`.execute(
    db,
  );
  await sql`create index dedup_pair_person_b_idx on dedup_pair (person_b_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dedup_pair').execute();
  await db.schema.dropTable('dedup_run').execute();
}
