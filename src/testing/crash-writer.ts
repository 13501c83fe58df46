/**
 * Child process for the crash-safety test: opens an embedded database, then commits organizations one by one,
 * printing each committed id, until it is killed.
 */
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { insertOrganization } from '../modules/identity/queries';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-writer <data-dir>');
const database = await openDatabase({ dataDir });
await migrateToLatest(database.db);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const id = uuidv7();
  await database.db.transaction().execute(async (trx) => {
    await insertOrganization(trx, { id, name: `Crash probe ${i}`, short_name: `probe-${id}`, kind: 'ngo' });
  });
  process.stdout.write(`${id}\n`);
}
