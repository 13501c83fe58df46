import { type Kysely, sql } from 'kysely';
import { foldName } from '../../domain/registry/names';
import { loadCiuo08 } from '../../reference/ciuo-08';

/**
 * Characterization of a person, kept as immutable versions (answers in validated jsonb documents, the sensitive
 * vulnerabilities in a column of their own so roles that may not see them are never sent them), one autosaved
 * draft per person and author, CIUO-08 occupations as a reference table, and needs by dimension.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('occupation')
    .addColumn('code', 'varchar(4)', (col) => col.primaryKey())
    .addColumn('level', 'smallint', (col) => col.notNull().check(sql`level between 1 and 4`))
    .addColumn('parent_code', 'varchar(4)', (col) => col.references('occupation.code'))
    .addColumn('title_es', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text', (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .execute();
  const typed = db as unknown as Kysely<{
    occupation: {
      code: string;
      level: number;
      parent_code: string | null;
      title_es: string;
      title_en: string;
      search_text: string;
    };
  }>;
  const occupations = loadCiuo08().sort((a, b) => a.level - b.level);
  for (let start = 0; start < occupations.length; start += 200) {
    await typed
      .insertInto('occupation')
      .values(
        occupations.slice(start, start + 200).map((o) => ({
          code: o.code,
          level: o.level,
          parent_code: o.parentCode,
          title_es: o.titleEs,
          title_en: o.titleEn,
          search_text: foldName(`${o.titleEs} ${o.titleEn}`),
        })),
      )
      .execute();
  }

  await db.schema
    .createTable('characterization')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id'))
    .addColumn('number', 'integer', (col) => col.notNull().check(sql`number >= 1`))
    .addColumn('answers', 'jsonb', (col) => col.notNull())
    .addColumn('sensitive', 'jsonb')
    .addColumn('office_id', 'uuid', (col) => col.references('office.id'))
    .addColumn('completed_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('completed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('characterization_person_number', ['person_id', 'number'])
    .execute();

  await db.schema
    .createTable('characterization_occupation')
    .addColumn('characterization_id', 'uuid', (col) =>
      col.notNull().references('characterization.id').onDelete('cascade'),
    )
    .addColumn('position', 'smallint', (col) => col.notNull())
    .addColumn('ciuo_code', 'varchar(4)', (col) => col.notNull().references('occupation.code'))
    .addColumn('years_experience', sql`numeric(4,1)`)
    .addPrimaryKeyConstraint('characterization_occupation_pkey', ['characterization_id', 'position'])
    .execute();
  await db.schema
    .createIndex('characterization_occupation_code_idx')
    .on('characterization_occupation')
    .column('ciuo_code')
    .execute();

  await db.schema
    .createTable('characterization_draft')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id'))
    .addColumn('author_id', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('answers', 'jsonb', (col) => col.notNull())
    .addColumn('sensitive', 'jsonb')
    .addColumn('occupations', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('based_on_number', 'integer')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('characterization_draft_person_author', ['person_id', 'author_id'])
    .execute();

  await db.schema
    .createTable('need')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('person_id', 'uuid', (col) => col.references('person.id'))
    .addColumn('household_id', 'uuid', (col) => col.references('household.id'))
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('dimension', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`dimension in ('social','cultural','housing_urban','productive','health','education','legal_documentation','humanitarian_aid')`,
        ),
    )
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) =>
      col.notNull().check(sql`severity in ('low','medium','high','critical')`),
    )
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('identified')
        .check(sql`status in ('identified','in_progress','met','not_met','cancelled')`),
    )
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addCheckConstraint('need_one_subject', sql`(person_id is null) <> (household_id is null)`)
    .execute();
  await sql`create index need_person_idx on need (person_id) where person_id is not null`.execute(db);
  await sql`create index need_household_idx on need (household_id) where household_id is not null`.execute(
    db,
  );
  await sql`create index need_open_by_office_idx on need (office_id, id)
    where status in ('identified', 'in_progress')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('need').execute();
  await db.schema.dropTable('characterization_draft').execute();
  await db.schema.dropTable('characterization_occupation').execute();
  await db.schema.dropTable('characterization').execute();
  await db.schema.dropTable('occupation').execute();
}
