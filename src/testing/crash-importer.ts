/**
 * Child process for the import crash test: opens an embedded database and runs the import jobs waiting in it,
 * printing the rows processed after each batch, until it is killed.
 */
import { openDatabase } from '../db/database';
import { createAuditService } from '../modules/audit/service';
import { createImportService } from '../modules/registry/import-service';
import { createRegistryService } from '../modules/registry/service';

const [dataDir, batchSize] = process.argv.slice(2);
if (!dataDir || !batchSize) throw new Error('usage: crash-importer <data-dir> <batch-size>');
const database = await openDatabase({ dataDir });
const audit = createAuditService({ db: database.db });
const imports = createImportService({
  db: database.db,
  audit,
  registry: createRegistryService({ db: database.db, audit }),
  batchSize: Number(batchSize),
  onBatch: (_id, processed) => process.stdout.write(`${processed}\n`),
});
process.stdout.write('ready\n');
await imports.resumeInterrupted();
await imports.idle();
process.stdout.write('done\n');
await database.close();
