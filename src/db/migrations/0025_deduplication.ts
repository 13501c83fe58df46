import type { Kysely } from 'kysely';

// Placeholder: filled in by the entity-resolution work (issue 9) before it lands.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
