import { createHash } from 'node:crypto';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, IdentityDocumentTable, PersonTable } from '../../db/schema';
import { scoreMatch } from '../../domain/registry/duplicates';
import {
  type ColumnMapping,
  checkMapping,
  headerSignature,
  IMPORT_FIELDS,
  type ImportField,
  suggestMapping,
} from '../../domain/registry/import/mapping';
import {
  canonicalDraft,
  type ImportDraft,
  type MunicipalityLookup,
  mapRow,
  type PopulationGroup,
  type RowContext,
  type RowError,
} from '../../domain/registry/import/rows';
import { type SheetTable, TableError } from '../../domain/registry/import/table';
import { displayName, foldName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { AuditEntry, AuditService, AuditSubject } from '../audit/service';
import { computeMatchKeys } from '../entity-resolution/keys-compute';
import { insertMatchKeys } from '../entity-resolution/keys-queries';
import type { Actor } from '../identity/actor';
import { detectFormat, IMPORT_MAX_BYTES, readSpreadsheet } from './import-files';
import { importPolicy } from './import-policy';
import * as q from './import-queries';
import { nameColumns } from './name-columns';
import type { RegistryService } from './service';

countries.registerLocale(es);
countries.registerLocale(en);

export type ImportMode = 'allOrNothing' | 'skipInvalid';
type JobRow = NonNullable<Awaited<ReturnType<typeof q.findJob>>>;

/** Score from which an imported row is counted as a likely duplicate (the registration form's warning level). */
const FLAG_SCORE = 0.7;
const PREVIEW_CANDIDATE_SCORE = 0.3;

/** A stop that leaves the job as it is, to resume at the next start (the server is closing). */
class Interrupted extends Error {}
/** The user cancelled the job while it ran. */
class Cancelled extends Error {}

interface Counts {
  processed: number;
  created: number;
  matched: number;
  skipped: number;
  rejected: number;
  flagged: number;
}

const zero = (): Counts => ({ processed: 0, created: 0, matched: 0, skipped: 0, rejected: 0, flagged: 0 });

interface Item {
  rowNumber: number;
  cells: string[];
  draft: ImportDraft | null;
  errors: RowError[];
}

const DEMONYMS: Record<string, string> = {
  colombiana: 'CO',
  colombiano: 'CO',
  venezolana: 'VE',
  venezolano: 'VE',
  ecuatoriana: 'EC',
  ecuatoriano: 'EC',
  peruana: 'PE',
  peruano: 'PE',
  haitiana: 'HT',
  haitiano: 'HT',
  cubana: 'CU',
  cubano: 'CU',
  'estados unidos': 'US',
};

export function countryCode(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && countries.isValid(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const folded = foldName(trimmed);
  return (
    DEMONYMS[folded] ??
    countries.getAlpha2Code(trimmed, 'es') ??
    countries.getAlpha2Code(trimmed, 'en') ??
    countries.getAlpha2Code(folded, 'es') ??
    null
  );
}

function fingerprintOf(officeId: string, draft: ImportDraft): string {
  return createHash('sha256')
    .update(`${officeId}\n${canonicalDraft(draft)}`)
    .digest('base64url');
}

function swappedDate(date: string): string | null {
  const [y, m, d] = date.split('-');
  if (!y || !m || !d || Number(d) > 12 || d === m) return null;
  return `${y}-${d}-${m}`;
}

interface NameParts {
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
}

/**
 * Whether scoreMatch could give two names any name score: the same gates it applies (full names at least 0.5
 * trigram-similar, or 0.8 with one second surname missing or the surnames swapped), computed with each name's
 * trigrams folded once per batch. Most persons born on the same day share nothing else; for them the full
 * scoring, which folds every name again, is skipped, and the result is the same.
 */
export function nameGate() {
  const cache = new Map<string, Set<string>>();
  const grams = (text: string) => {
    let set = cache.get(text);
    if (!set) {
      set = new Set<string>();
      for (const word of foldName(text).split(' ').filter(Boolean)) {
        const padded = `  ${word} `;
        for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
      }
      cache.set(text, set);
    }
    return set;
  };
  const similarity = (a: string, b: string) => {
    const left = grams(a);
    const right = grams(b);
    if (left.size === 0 || right.size === 0) return 0;
    let shared = 0;
    for (const gram of left) if (right.has(gram)) shared++;
    return shared / (left.size + right.size - shared);
  };
  const join = (...parts: Array<string | null>) => parts.filter(Boolean).join(' ');
  return (a: NameParts, b: NameParts) =>
    similarity(
      join(a.givenName1, a.givenName2, a.surname1, a.surname2),
      join(b.givenName1, b.givenName2, b.surname1, b.surname2),
    ) >= 0.5 ||
    (Boolean(a.surname2) !== Boolean(b.surname2) &&
      similarity(
        join(a.givenName1, a.givenName2, a.surname1),
        join(b.givenName1, b.givenName2, b.surname1),
      ) >= 0.8) ||
    (Boolean(a.surname2 && b.surname2) &&
      similarity(
        join(a.givenName1, a.givenName2, a.surname2, a.surname1),
        join(b.givenName1, b.givenName2, b.surname1, b.surname2),
      ) >= 0.8);
}

function today(): string {
  // Colombia is UTC−5 all year.
  return new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export interface ImportServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  registry: RegistryService;
  /** Rows per batch: per transaction in skipInvalid mode, per statement group in both. */
  batchSize?: number;
  /** Called after each batch (inside the batch's transaction in allOrNothing mode). */
  onBatch?: (jobId: string, processedRows: number) => void;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Spreadsheet imports of persons: upload, map columns (saved per office and header layout), preview with per-row
 * errors and duplicate candidates, then a background job in one of two modes:
 *
 * - allOrNothing: every row is validated first; any invalid row fails the job with nothing written. Otherwise all
 *   rows are written in ONE transaction, whose last statement marks the job succeeded: a crash leaves nothing, and
 *   the job, still `running`, starts over at the next start.
 * - skipInvalid: batches of rows, each committed in one transaction together with the job's progress counters and
 *   its rejected rows: a crash leaves whole batches, recorded, and the job resumes after the last one.
 *
 * Every valid row gets a fingerprint (office + normalized values); a row whose fingerprint is known, or whose
 * document is already registered, creates nothing, so importing a file twice creates no one twice.
 */
export function createImportService({
  db,
  audit,
  registry,
  batchSize = 1000,
  onBatch,
  log,
}: ImportServiceDeps) {
  const queue: string[] = [];
  let draining: Promise<void> | null = null;
  let stopping = false;
  const live = new Map<string, number>();
  const cancelRequested = new Set<string>();
  let municipalityLookup: MunicipalityLookup | null = null;

  async function municipalities(): Promise<MunicipalityLookup> {
    if (municipalityLookup) return municipalityLookup;
    const rows = await q.listMunicipalities(db);
    const codes = new Set(rows.map((r) => r.code));
    const byName = new Map<string, Array<{ code: string; department: string }>>();
    for (const row of rows) {
      const names = new Set([foldName(row.name), foldName(row.name.split(',')[0] ?? '')]);
      for (const name of names) {
        const list = byName.get(name) ?? [];
        list.push({ code: row.code, department: foldName(row.department_name) });
        byName.set(name, list);
      }
    }
    municipalityLookup = (text) => {
      const trimmed = text.trim();
      if (/^\d{5}$/.test(trimmed)) return codes.has(trimmed) ? { code: trimmed } : 'unknown';
      // "Cúcuta", "Cúcuta (Norte de Santander)", "Cúcuta - Norte de Santander", "Cúcuta, Norte de Santander"
      const [namePart, departmentPart] = trimmed.split(/\s*[(,–-]\s*/);
      const candidates = byName.get(foldName(trimmed)) ?? byName.get(foldName(namePart ?? '')) ?? [];
      const department = departmentPart ? foldName(departmentPart.replace(')', '')) : null;
      const filtered = department
        ? candidates.filter((c) => c.department.startsWith(department))
        : candidates;
      if (filtered.length === 1) return { code: (filtered[0] as { code: string }).code };
      return filtered.length > 1 ? 'ambiguous' : 'unknown';
    };
    return municipalityLookup;
  }

  async function rowContext(defaultPopulationGroup: string | null): Promise<RowContext> {
    return {
      municipality: await municipalities(),
      country: countryCode,
      defaultPopulationGroup: defaultPopulationGroup as PopulationGroup | null,
      today: today(),
    };
  }

  async function loadTable(job: JobRow): Promise<SheetTable> {
    const file = await q.findJobFile(db, job.id);
    if (!file?.file_content) throw new AppError('importState');
    return readSpreadsheet(file.file_content, job.format as 'csv' | 'xlsx');
  }

  /** A job of an office the caller imports into; anyone else gets 404 (or 403 without the role at all). */
  async function loadJob(actor: Actor, id: string) {
    if (!importPolicy.use(actor)) throw new AppError('forbidden');
    const job = await q.findJob(db, id);
    if (!job || !importPolicy.importInto(actor, job.office_id)) throw new AppError('notFound');
    return job;
  }

  function presentJob(job: JobRow) {
    const processed = Math.max(job.processed_rows, live.get(job.id) ?? 0);
    return {
      id: job.id,
      officeId: job.office_id,
      fileName: job.file_name,
      format: job.format as 'csv' | 'xlsx',
      status: job.status as 'draft' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled',
      mode: job.mode as ImportMode | null,
      columns: job.headers as string[],
      mapping: (job.mapping as ColumnMapping | null) ?? [],
      defaultPopulationGroup: job.default_population_group as PopulationGroup | null,
      totalRows: job.total_rows,
      processedRows: Math.min(processed, job.total_rows),
      createdRows: job.created_rows,
      matchedRows: job.matched_rows,
      skippedRows: job.skipped_rows,
      rejectedRows: job.rejected_rows,
      flaggedRows: job.flagged_rows,
      errorCode: job.error_code,
      createdBy: { id: job.created_by, displayName: job.created_by_name },
      createdAt: job.created_at.toISOString(),
      startedAt: job.started_at?.toISOString() ?? null,
      finishedAt: job.finished_at?.toISOString() ?? null,
    };
  }

  function mapItems(table: SheetTable, mapping: ColumnMapping, context: RowContext, from = 0, to?: number) {
    return table.rows.slice(from, to).map((cells, i): Item => {
      const { draft, errors } = mapRow(cells, mapping, context);
      // Row numbers as the spreadsheet shows them: the header is row 1.
      return { rowNumber: from + i + 2, cells, draft, errors };
    });
  }

  /**
   * One batch: rejected rows recorded; valid rows skipped when already imported, matched when their document is
   * registered, otherwise registered with their documents, office, row key and audit entry. The duplicate check is
   * one query per batch: a score reaches the warning level only with a shared document number or a birth date
   * that is the same or has day and month swapped, so candidates are the persons born on those dates.
   */
  async function processBatch(
    trx: Kysely<Database>,
    job: JobRow,
    who: AuditSubject,
    items: Item[],
    seen: { fingerprints: Set<string>; documents: Map<string, string> },
  ): Promise<Counts> {
    const counts = zero();
    counts.processed = items.length;
    const rejected = items.filter((item) => !item.draft);
    counts.rejected = rejected.length;
    await q.insertRejectedRows(
      trx,
      rejected.map((item) => ({
        job_id: job.id,
        row_number: item.rowNumber,
        cells: JSON.stringify(item.cells),
        errors: JSON.stringify(item.errors),
      })),
    );

    const valid = items
      .filter((item): item is Item & { draft: ImportDraft } => item.draft !== null)
      .map((item) => ({ ...item, fingerprint: fingerprintOf(job.office_id, item.draft) }));
    const known = await q.findRowKeys(
      trx,
      job.office_id,
      valid.map((item) => item.fingerprint),
    );
    const fresh = valid.filter((item) => {
      if (known.has(item.fingerprint) || seen.fingerprints.has(item.fingerprint)) {
        counts.skipped++;
        return false;
      }
      seen.fingerprints.add(item.fingerprint);
      return true;
    });

    const owners = await q.findDocumentOwners(
      trx,
      fresh.flatMap((item) => item.draft.documents),
    );
    const ownerOf = new Map(owners.map((o) => [`${o.document_type}:${o.number_normalized}`, o.person_id]));
    const numbersTaken = new Set(owners.map((o) => o.number_normalized));
    const dates = new Set<string>();
    for (const item of fresh) {
      if (!item.draft.birthDate) continue;
      dates.add(item.draft.birthDate);
      const swapped = swappedDate(item.draft.birthDate);
      if (swapped) dates.add(swapped);
    }
    const candidates = await q.findPersonsBornOn(trx, [...dates]);
    const bornOn = new Map<string, typeof candidates>();
    for (const candidate of candidates) {
      const list = bornOn.get(candidate.birth_date as string) ?? [];
      list.push(candidate);
      bornOn.set(candidate.birth_date as string, list);
    }

    const mayMatch = nameGate();
    const persons: Array<Insertable<PersonTable> & { name_keys: string[] }> = [];
    const documents: Array<Insertable<IdentityDocumentTable>> = [];
    const keys: Array<Insertable<Database['import_row_key']>> = [];
    const entries: AuditEntry[] = [];
    for (const item of fresh) {
      const { draft } = item;
      const existing = draft.documents
        .map(
          (d) => ownerOf.get(`${d.type}:${d.normalized}`) ?? seen.documents.get(`${d.type}:${d.normalized}`),
        )
        .find(Boolean);
      if (existing) {
        counts.matched++;
        keys.push({
          office_id: job.office_id,
          fingerprint: item.fingerprint,
          person_id: existing,
          job_id: job.id,
        });
        continue;
      }
      const sameDates = draft.birthDate
        ? [...(bornOn.get(draft.birthDate) ?? []), ...(bornOn.get(swappedDate(draft.birthDate) ?? '') ?? [])]
        : [];
      const flagged =
        draft.documents.some((d) => numbersTaken.has(d.normalized)) ||
        sameDates.some(
          (c) =>
            mayMatch(draft, {
              givenName1: c.given_name_1,
              givenName2: c.given_name_2,
              surname1: c.surname_1,
              surname2: c.surname_2,
            }) &&
            scoreMatch(
              { ...draft, documents: [] },
              {
                givenName1: c.given_name_1,
                givenName2: c.given_name_2,
                surname1: c.surname_1,
                surname2: c.surname_2,
                birthDate: c.birth_date,
                documents: [],
              },
            ).score >= FLAG_SCORE,
        );
      if (flagged) counts.flagged++;
      const id = uuidv7();
      // Later rows of this batch are compared with this one too, as they would be with a committed record.
      if (draft.birthDate) {
        const list = bornOn.get(draft.birthDate) ?? [];
        list.push({
          id,
          given_name_1: draft.givenName1,
          given_name_2: draft.givenName2,
          surname_1: draft.surname1,
          surname_2: draft.surname2,
          birth_date: draft.birthDate,
        });
        bornOn.set(draft.birthDate, list);
      }
      for (const document of draft.documents) numbersTaken.add(document.normalized);
      counts.created++;
      persons.push({
        id,
        given_name_1: draft.givenName1,
        given_name_2: draft.givenName2,
        surname_1: draft.surname1,
        surname_2: draft.surname2,
        ...nameColumns(draft),
        sex_at_birth: draft.sexAtBirth,
        birth_date: draft.birthDate,
        nationalities: draft.nationalities,
        population_group: draft.populationGroup,
        phone_e164: draft.phone,
        email: draft.email,
        address_line: draft.addressLine,
        neighbourhood: draft.neighbourhood,
        municipality_code: draft.municipalityCode,
        registered_office_id: job.office_id,
        created_by: job.created_by,
      });
      for (const document of draft.documents) {
        seen.documents.set(`${document.type}:${document.normalized}`, id);
        documents.push({
          id: uuidv7(),
          person_id: id,
          document_type: document.type,
          number: document.number,
          number_normalized: document.normalized,
        });
      }
      keys.push({ office_id: job.office_id, fingerprint: item.fingerprint, person_id: id, job_id: job.id });
      entries.push({
        action: 'person.registered',
        recordType: 'person',
        recordId: id,
        officeId: job.office_id,
        changes: {
          after: {
            displayName: displayName(draft),
            documents: draft.documents.map((d) => `${d.type} ${d.normalized}`),
            importJobId: job.id,
            row: item.rowNumber,
          },
        },
      });
    }
    await q.insertPersons(trx, persons, documents);
    const documentsOf = new Map<string, Array<{ type: string; number: string }>>();
    for (const d of documents) {
      const list = documentsOf.get(d.person_id) ?? [];
      list.push({ type: d.document_type, number: d.number });
      documentsOf.set(d.person_id, list);
    }
    await insertMatchKeys(
      trx,
      persons.map((person) => ({
        personId: person.id as string,
        keys: computeMatchKeys({
          givenName1: person.given_name_1,
          givenName2: person.given_name_2 ?? null,
          surname1: person.surname_1,
          surname2: person.surname_2 ?? null,
          birthDate: person.birth_date ?? null,
          sexAtBirth: person.sex_at_birth ?? null,
          municipalityCode: person.municipality_code ?? null,
          documents: documentsOf.get(person.id as string) ?? [],
        }),
      })),
    );
    await q.insertRowKeys(trx, keys);
    await audit.recordMany(trx, who, entries);
    return counts;
  }

  function subjectOf(job: JobRow): AuditSubject {
    const context = (job.started_context ?? {}) as Partial<AuditSubject['context']>;
    return {
      userId: job.created_by,
      role: job.started_by_role,
      context: {
        ip: context.ip ?? null,
        userAgent: context.userAgent ?? null,
        requestId: context.requestId ?? null,
      },
    };
  }

  async function finish(trx: Kysely<Database>, job: JobRow, status: 'succeeded' | 'failed', extra = {}) {
    const updated = await q.updateJobIn(trx, job.id, ['running'], {
      status,
      finished_at: new Date(),
      file_content: null,
      ...extra,
    });
    if (!updated) throw new Cancelled();
    const current = await q.findJob(trx, job.id);
    await audit.record(trx, subjectOf(job), {
      action: status === 'succeeded' ? 'import.succeeded' : 'import.failed',
      recordType: 'import_job',
      recordId: job.id,
      officeId: job.office_id,
      changes: {
        after: {
          fileName: job.file_name,
          mode: job.mode,
          totalRows: job.total_rows,
          createdRows: current?.created_rows,
          matchedRows: current?.matched_rows,
          skippedRows: current?.skipped_rows,
          rejectedRows: current?.rejected_rows,
        },
      },
    });
  }

  async function runAllOrNothing(job: JobRow, items: Item[]) {
    const invalid = items.filter((item) => !item.draft);
    if (invalid.length) {
      await db.transaction().execute(async (trx) => {
        await q.deleteRejectedRows(trx, job.id);
        await q.insertRejectedRows(
          trx,
          invalid.map((item) => ({
            job_id: job.id,
            row_number: item.rowNumber,
            cells: JSON.stringify(item.cells),
            errors: JSON.stringify(item.errors),
          })),
        );
        await finish(trx, job, 'failed', {
          error_code: 'invalidRows',
          processed_rows: items.length,
          rejected_rows: invalid.length,
        });
      });
      return;
    }
    await db.transaction().execute(async (trx) => {
      const total = zero();
      const seen = { fingerprints: new Set<string>(), documents: new Map<string, string>() };
      for (let from = 0; from < items.length; from += batchSize) {
        const counts = await processBatch(
          trx,
          job,
          subjectOf(job),
          items.slice(from, from + batchSize),
          seen,
        );
        for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += counts[key];
        live.set(job.id, total.processed);
        onBatch?.(job.id, total.processed);
        if (cancelRequested.has(job.id)) throw new Cancelled();
        if (stopping) throw new Interrupted();
        // Let requests that are waiting get a turn at the event loop between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await q.updateJobIn(trx, job.id, ['running'], {
        processed_rows: total.processed,
        created_rows: total.created,
        matched_rows: total.matched,
        skipped_rows: total.skipped,
        rejected_rows: 0,
        flagged_rows: total.flagged,
      });
      await finish(trx, job, 'succeeded');
    });
  }

  async function runSkipInvalid(job: JobRow, table: SheetTable, context: RowContext) {
    const mapping = job.mapping as ColumnMapping;
    const seen = { fingerprints: new Set<string>(), documents: new Map<string, string>() };
    for (let from = job.processed_rows; from < table.rows.length; from += batchSize) {
      const items = mapItems(table, mapping, context, from, from + batchSize);
      const processed = await db.transaction().execute(async (trx) => {
        const counts = await processBatch(trx, job, subjectOf(job), items, seen);
        if (!(await q.addBatchProgress(trx, job.id, counts))) throw new Cancelled();
        return from + counts.processed;
      });
      live.set(job.id, processed);
      onBatch?.(job.id, processed);
      if (cancelRequested.has(job.id)) throw new Cancelled();
      if (stopping) throw new Interrupted();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await db.transaction().execute((trx) => finish(trx, job, 'succeeded'));
  }

  async function runJob(id: string) {
    await q.updateJobIn(db, id, ['queued'], { status: 'running', started_at: new Date() });
    const job = await q.findJob(db, id);
    if (job?.status !== 'running') return;
    try {
      const table = await loadTable(job);
      const context = await rowContext(job.default_population_group);
      if (job.mode === 'allOrNothing') {
        await runAllOrNothing(job, mapItems(table, job.mapping as ColumnMapping, context));
      } else {
        await runSkipInvalid(job, table, context);
      }
    } catch (error) {
      if (error instanceof Interrupted) return;
      if (error instanceof Cancelled) {
        await q.updateJobIn(db, id, ['running', 'cancelled'], {
          status: 'cancelled',
          finished_at: new Date(),
          file_content: null,
        });
        return;
      }
      log?.(`import job ${id} failed`, error);
      await q.updateJobIn(db, id, ['running'], {
        status: 'failed',
        error_code: error instanceof TableError ? `file.${error.problem}` : 'internal',
        finished_at: new Date(),
        file_content: null,
      });
    } finally {
      live.delete(id);
      cancelRequested.delete(id);
    }
  }

  function schedule(id: string) {
    if (stopping || queue.includes(id)) return;
    queue.push(id);
    if (!draining) {
      draining = (async () => {
        // After the response that queued the job has gone out.
        await new Promise((resolve) => setImmediate(resolve));
        while (queue.length && !stopping) {
          const next = queue.shift() as string;
          try {
            await runJob(next);
          } catch (error) {
            log?.(`import job ${next} could not be recorded`, error);
          }
        }
        draining = null;
      })();
    }
  }

  return {
    /** Reads the file, keeps it with a new draft job, and suggests a mapping (the office's saved one first). */
    async upload(
      actor: Actor,
      input: { officeId: string; fileName: string; bytes: Uint8Array; contentType?: string | undefined },
    ) {
      if (!importPolicy.importInto(actor, input.officeId)) throw new AppError('forbidden');
      if (input.bytes.length > IMPORT_MAX_BYTES) throw new AppError('payloadTooLarge', { limit: '20 MB' });
      const format = detectFormat(input.bytes, input.contentType);
      let table: SheetTable;
      try {
        table = await readSpreadsheet(input.bytes, format);
      } catch (error) {
        if (error instanceof TableError)
          throw new InvalidFieldsError([{ path: 'file', messageKey: `import.file.${error.problem}` }]);
        throw error;
      }
      const signature = headerSignature(table.headers);
      const saved = await q.findSavedMapping(db, input.officeId, signature);
      const savedMapping = saved?.mapping as ColumnMapping | undefined;
      const usable = savedMapping && checkMapping(savedMapping, table.headers.length).length === 0;
      const mapping = usable ? savedMapping : suggestMapping(table.headers);
      const job = await q.insertJob(db, {
        id: uuidv7(),
        office_id: input.officeId,
        created_by: actor.userId,
        file_name: input.fileName.slice(0, 200),
        file_hash: createHash('sha256').update(input.bytes).digest('hex'),
        format,
        file_content: input.bytes,
        headers: JSON.stringify(table.headers),
        delimiter: table.delimiter,
        total_rows: table.rows.length,
        mapping: JSON.stringify(mapping),
        default_population_group: usable ? (saved?.default_population_group ?? null) : null,
      });
      const found = await q.findJob(db, job.id);
      return {
        job: presentJob(found as JobRow),
        mappingSource: usable ? ('saved' as const) : ('suggested' as const),
        samples: table.headers.map((_, column) =>
          table.rows
            .slice(0, 3)
            .map((row) => row[column] ?? '')
            .filter(Boolean),
        ),
      };
    },

    /** Sets the columns' fields (and the population group for files without one), saved for the next file. */
    async setMapping(
      actor: Actor,
      id: string,
      input: { mapping: ColumnMapping; defaultPopulationGroup?: PopulationGroup | null | undefined },
    ) {
      const job = await loadJob(actor, id);
      if (job.status !== 'draft') throw new AppError('importState');
      const headers = job.headers as string[];
      const problems = checkMapping(input.mapping, headers.length);
      if (problems.length)
        throw new InvalidFieldsError(
          problems.map((p) => ({ path: 'mapping', messageKey: `import.mapping.${p}` })),
        );
      await db.transaction().execute(async (trx) => {
        await q.updateJobIn(trx, id, ['draft'], {
          mapping: JSON.stringify(input.mapping),
          default_population_group: input.defaultPopulationGroup ?? null,
        });
        await q.saveMapping(trx, {
          office_id: job.office_id,
          header_signature: headerSignature(headers),
          mapping: JSON.stringify(input.mapping),
          default_population_group: input.defaultPopulationGroup ?? null,
          updated_by: actor.userId,
        });
      });
      return presentJob((await q.findJob(db, id)) as JobRow);
    },

    /**
     * The first rows as they would be imported: values read, errors per field, and the likely existing records of
     * each valid row with score and reasons (the registration form's check). Counts the invalid rows of the file.
     */
    async preview(actor: Actor, id: string, limit: number) {
      const job = await loadJob(actor, id);
      if (job.status !== 'draft') throw new AppError('importState');
      const table = await loadTable(job);
      const context = await rowContext(job.default_population_group);
      const mapping = job.mapping as ColumnMapping;
      const items = mapItems(table, mapping, context);
      const rows = [];
      for (const item of items.slice(0, limit)) {
        const candidates = item.draft
          ? (
              await registry.checkDuplicates(actor, {
                givenName1: item.draft.givenName1,
                givenName2: item.draft.givenName2,
                surname1: item.draft.surname1,
                surname2: item.draft.surname2,
                birthDate: item.draft.birthDate,
                documents: item.draft.documents.map((d) => ({ type: d.type, number: d.number })),
              })
            ).filter((c) => c.score >= PREVIEW_CANDIDATE_SCORE)
          : [];
        rows.push({
          rowNumber: item.rowNumber,
          cells: item.cells,
          person: item.draft
            ? {
                displayName: displayName(item.draft),
                birthDate: item.draft.birthDate,
                documents: item.draft.documents.map((d) => `${d.type} ${d.number}`),
                populationGroup: item.draft.populationGroup,
              }
            : null,
          errors: item.errors,
          candidates,
        });
      }
      return {
        job: presentJob(job),
        totalRows: items.length,
        invalidRows: items.filter((item) => !item.draft).length,
        rows,
      };
    },

    /** Queues the job; it runs in this process after the response. */
    async start(actor: Actor, id: string, input: { mode: ImportMode }) {
      const job = await loadJob(actor, id);
      if (job.status !== 'draft') throw new AppError('importState');
      const problems = checkMapping((job.mapping as ColumnMapping) ?? [], (job.headers as string[]).length);
      if (problems.length)
        throw new InvalidFieldsError(
          problems.map((p) => ({ path: 'mapping', messageKey: `import.mapping.${p}` })),
        );
      await db.transaction().execute(async (trx) => {
        await q.updateJobIn(trx, id, ['draft'], {
          status: 'queued',
          mode: input.mode,
          started_by_role: actor.role,
          started_context: JSON.stringify(actor.context),
        });
        await audit.record(trx, actor, {
          action: 'import.started',
          recordType: 'import_job',
          recordId: id,
          officeId: job.office_id,
          changes: { after: { fileName: job.file_name, mode: input.mode, totalRows: job.total_rows } },
        });
      });
      schedule(id);
      return presentJob((await q.findJob(db, id)) as JobRow);
    },

    async get(actor: Actor, id: string) {
      return presentJob(await loadJob(actor, id));
    },

    async cancel(actor: Actor, id: string) {
      const job = await loadJob(actor, id);
      if (!['draft', 'queued', 'running'].includes(job.status)) throw new AppError('importState');
      cancelRequested.add(id);
      await q.updateJobIn(db, id, ['draft', 'queued', 'running'], {
        status: 'cancelled',
        finished_at: new Date(),
        ...(job.status === 'running' ? {} : { file_content: null }),
      });
      return presentJob((await q.findJob(db, id)) as JobRow);
    },

    /** The rejected rows with their cells and errors, for the error file. */
    async rejectedRows(actor: Actor, id: string) {
      const job = await loadJob(actor, id);
      const rows = await q.listRejectedRows(db, id);
      return {
        job: presentJob(job),
        headers: job.headers as string[],
        delimiter: job.delimiter,
        rows: rows.map((row) => ({
          rowNumber: row.row_number,
          cells: row.cells as string[],
          errors: row.errors as RowError[],
        })),
      };
    },

    async list(actor: Actor, filter: { officeId?: string | undefined; limit: number }) {
      if (!importPolicy.use(actor)) throw new AppError('forbidden');
      const officeIds = filter.officeId
        ? actor.officeIds.filter((officeId) => officeId === filter.officeId)
        : actor.officeIds;
      if (officeIds.length === 0) return [];
      return (await q.listJobs(db, officeIds, filter.limit)).map(presentJob);
    },

    /** At start: jobs a restart interrupted resume (skipInvalid after their last batch, allOrNothing anew). */
    async resumeInterrupted() {
      stopping = false;
      for (const { id } of await q.findUnfinishedJobIds(db)) {
        await q.updateJobIn(db, id, ['running'], { status: 'queued' });
        schedule(id);
      }
    },

    /** Resolves when no job is queued or running in this process. */
    async idle() {
      while (draining) await draining;
    },

    /** Stops after the current batch, leaving the job to resume at the next start. */
    async stop() {
      stopping = true;
      while (draining) await draining;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
export { IMPORT_FIELDS, type ImportField };
