import { type Kysely, sql } from 'kysely';

/**
 * The registry: persons, their identity documents, the offices that serve them, households with membership
 * history, and consent per purpose (Ley 1581). Search uses a trigram index over a folded name computed in
 * TypeScript, so PGlite and PostgreSQL behave the same.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('person')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('given_name_1', 'text', (col) => col.notNull())
    .addColumn('given_name_2', 'text')
    .addColumn('surname_1', 'text', (col) => col.notNull())
    .addColumn('surname_2', 'text')
    .addColumn('preferred_name', 'text')
    .addColumn('search_name', 'text', (col) => col.notNull())
    .addColumn('sex_at_birth', 'text', (col) =>
      col.check(sql`sex_at_birth in ('female', 'male', 'intersex', 'not_stated')`),
    )
    .addColumn('gender_identity', 'text', (col) =>
      col.check(
        sql`gender_identity in ('woman', 'man', 'trans_woman', 'trans_man', 'non_binary', 'other', 'not_stated')`,
      ),
    )
    .addColumn('birth_date', 'date')
    .addColumn('birth_date_estimated', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('nationalities', sql`char(2)[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('previous_residence_country', 'char(2)')
    .addColumn('population_group', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`population_group in ('returnee', 'venezuelan_migrant', 'refugee_or_asylum_seeker', 'host_community', 'other')`,
        ),
    )
    .addColumn('ethnic_group', 'text', (col) =>
      col.check(
        sql`ethnic_group in ('none', 'indigenous', 'afro_colombian', 'raizal', 'palenquero', 'rom', 'other', 'not_stated')`,
      ),
    )
    // Washington Group short set: 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all.
    .addColumn('wg_seeing', 'smallint', (col) => col.check(sql`wg_seeing between 1 and 4`))
    .addColumn('wg_hearing', 'smallint', (col) => col.check(sql`wg_hearing between 1 and 4`))
    .addColumn('wg_walking', 'smallint', (col) => col.check(sql`wg_walking between 1 and 4`))
    .addColumn('wg_cognition', 'smallint', (col) => col.check(sql`wg_cognition between 1 and 4`))
    .addColumn('wg_self_care', 'smallint', (col) => col.check(sql`wg_self_care between 1 and 4`))
    .addColumn('wg_communication', 'smallint', (col) => col.check(sql`wg_communication between 1 and 4`))
    .addColumn('languages', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('phone_e164', 'text')
    .addColumn('email', 'text')
    .addColumn('address_line', 'text')
    .addColumn('neighbourhood', 'text')
    .addColumn('municipality_code', 'char(5)', (col) => col.references('municipality.code'))
    .addColumn('return_type', 'text', (col) =>
      col.check(sql`return_type in ('solidario', 'humanitario', 'laboral', 'productivo', 'none')`),
    )
    .addColumn('rur_registered', 'boolean')
    .addColumn('arrival_date', 'date')
    .addColumn('arrival_mode', 'text', (col) => col.check(sql`arrival_mode in ('air', 'land')`))
    .addColumn('arrival_post', 'text')
    .addColumn('returned_from_country', 'char(2)')
    .addColumn('years_abroad', 'smallint', (col) => col.check(sql`years_abroad between 0 and 100`))
    .addColumn('return_voluntary', 'boolean')
    .addColumn('registered_office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index person_search_name_trgm on person using gin (search_name gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('person_phone_idx').on('person').column('phone_e164').execute();
  await db.schema.createIndex('person_birth_date_idx').on('person').column('birth_date').execute();

  await db.schema
    .createTable('person_office')
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('since', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('person_office_pkey', ['person_id', 'office_id'])
    .execute();
  await db.schema
    .createIndex('person_office_office_idx')
    .on('person_office')
    .columns(['office_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('identity_document')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('document_type', 'text', (col) =>
      col
        .notNull()
        .check(sql`document_type in ('CC', 'TI', 'RC', 'CE', 'PEP', 'PPT', 'PA', 'SC2', 'FOREIGN_ID')`),
    )
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('number_normalized', 'text', (col) => col.notNull())
    .addColumn('issuing_country', 'char(2)')
    .addColumn('issued_on', 'date')
    .addColumn('expires_on', 'date')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('identity_document_type_number_key')
    .unique()
    .on('identity_document')
    .columns(['document_type', 'number_normalized'])
    .execute();
  await db.schema
    .createIndex('identity_document_number_idx')
    .on('identity_document')
    .column('number_normalized')
    .execute();
  await db.schema
    .createIndex('identity_document_person_idx')
    .on('identity_document')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('household')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('address_line', 'text')
    .addColumn('neighbourhood', 'text')
    .addColumn('municipality_code', 'char(5)', (col) => col.references('municipality.code'))
    .addColumn('registered_office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('household_membership')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('household_id', 'uuid', (col) => col.notNull().references('household.id'))
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('relationship', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`relationship in ('head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'other_relative', 'non_relative')`,
        ),
    )
    .addColumn('joined_on', 'date', (col) => col.notNull().defaultTo(sql`current_date`))
    .addColumn('left_on', 'date')
    .execute();
  // One current household per person, one current head per household; history rows have left_on set.
  await sql`create unique index household_membership_current_person on household_membership (person_id) where left_on is null`.execute(
    db,
  );
  await sql`create unique index household_membership_current_head on household_membership (household_id) where left_on is null and relationship = 'head'`.execute(
    db,
  );
  await db.schema
    .createIndex('household_membership_household_idx')
    .on('household_membership')
    .column('household_id')
    .execute();

  await db.schema
    .createTable('consent')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (col) =>
      col
        .notNull()
        .check(sql`purpose in ('assistance', 'sharing_with_partners', 'contact', 'anonymized_statistics')`),
    )
    .addColumn('given_by', 'text', (col) => col.notNull().check(sql`given_by in ('self', 'guardian')`))
    .addColumn('guardian_name', 'text')
    .addColumn('method', 'text', (col) =>
      col.notNull().check(sql`method in ('written', 'verbal', 'digital')`),
    )
    .addColumn('granted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('recorded_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (col) => col.references('app_user.id'))
    .addCheckConstraint('consent_guardian_named', sql`given_by = 'self' or guardian_name is not null`)
    .execute();
  await sql`create unique index consent_current_purpose on consent (person_id, purpose) where revoked_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'consent',
    'household_membership',
    'household',
    'identity_document',
    'person_office',
    'person',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
