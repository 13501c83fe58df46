import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { toHsdsTables } from '../../domain/directory/hsds-export';
import {
  IMPORTED_TABLES,
  mapPackage,
  type PackageIssue,
  type ParsedPackage,
  validateTable,
} from '../../domain/directory/hsds-import';
import { createNester } from '../../domain/directory/hsds-json';
import { hsdsTable } from '../../domain/directory/hsds-tables';
import {
  POPULATION_GROUP_NAMES,
  RUTA_TAXONOMIES,
  type RutaTaxonomy,
  rutaTerms,
  SEX_NAMES,
  taxonomyId,
  termId,
} from '../../domain/directory/hsds-vocabulary';
import { AppError } from '../../server/http/problem';
import { type Language, translatorFor } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import { readPackage, writePackage } from './hsds-package';
import * as q from './hsds-queries';

/** Exchanging the directory as HSDS: any signed-in user may export it; administrators and coordinators import. */
export const hsdsPolicy = {
  export: (_actor: Actor) => true,
  import: (actor: Actor) => actor.role === 'network_admin' || actor.role === 'office_coordinator',
  // An organization's kind decides what it may do (an employer receives candidates): only administrators change it.
  changeOrganizationKind: (actor: Actor) => actor.role === 'network_admin',
};

/** At most this many problems are listed in one answer (the count says how many there were). */
const MAX_LISTED_ISSUES = 200;

export const IMPORT_COUNTED_TABLES = [
  'organization',
  'service',
  'location',
  'service_at_location',
  'schedule',
  'contact',
] as const;

export type ImportCounts = Record<
  (typeof IMPORT_COUNTED_TABLES)[number],
  { created: number; updated: number }
>;

export interface PageQuery {
  page: number;
  perPage: number;
}

export interface ServiceQuery extends PageQuery {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

function page<T>(contents: T[], total: number, query: PageQuery) {
  const totalPages = Math.max(1, Math.ceil(total / query.perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: query.page,
    size: contents.length,
    first_page: query.page === 1,
    last_page: query.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** What a taxonomy term id stands for among the terms Ruta publishes, as a service filter. */
function filterForTerm(id: string): q.HsdsServiceFilter {
  const term = rutaTerms().find((t) => termId(t.taxonomy, t.code) === id);
  // A term of no taxonomy Ruta publishes (or a DIVIPOLA term, which marks locations) selects no service.
  if (!term) return { nothing: true };
  if (term.taxonomy === 'category') return { categories: [term.code] };
  if (term.taxonomy === 'eligibility') {
    const [kind, value] = term.code.split(':');
    if (kind === 'population_group' && value && value in POPULATION_GROUP_NAMES)
      return { populationGroup: value };
    if (kind === 'sex' && value && value in SEX_NAMES) return { sex: value };
  }
  // Service levels and organization kinds describe every service or none usefully: no narrowing.
  return term.taxonomy === 'serviceLevel' ? {} : { nothing: true };
}

function filterForTaxonomy(id: string): q.HsdsServiceFilter {
  const known = (Object.keys(RUTA_TAXONOMIES) as RutaTaxonomy[]).find((key) => taxonomyId(key) === id);
  // Every service carries a category term; other taxonomies are not used to select services here.
  return known === 'category' ? {} : { nothing: true };
}

export function createHsdsService({
  db,
  audit,
  clock = () => new Date(),
}: {
  db: Kysely<Database>;
  audit: AuditService;
  clock?: () => Date;
}) {
  function packageError(issues: PackageIssue[], language: Language): AppError {
    const t = translatorFor(language);
    const files = [...new Set(issues.map((issue) => issue.file))];
    return new AppError(
      'hsdsPackage',
      { count: issues.length, files: files.join(', ') },
      {
        errors: issues.slice(0, MAX_LISTED_ISSUES).map((issue) => ({
          file: issue.file,
          row: issue.row,
          field: issue.field,
          path: [issue.file, issue.row, issue.field].filter((part) => part !== null).join(':'),
          message: t(issue.key, issue.params ?? {}),
        })),
      },
    );
  }

  async function tablesFor(scope?: q.SnapshotScope) {
    return toHsdsTables(await q.loadSnapshot(db, scope));
  }

  /**
   * What the public API shows: the package's rows without the names and job titles of contact persons (staff of
   * the partners), as the public finder does; their department, email and phone stay.
   */
  async function publicTablesFor(scope: q.SnapshotScope) {
    const tables = await tablesFor(scope);
    return {
      ...tables,
      contact: tables.contact.map(({ name: _name, title: _title, ...contact }) => contact),
    };
  }

  /** The package without a caller (the command line's export, run by whoever holds the database). */
  async function buildPackage(): Promise<{ bytes: Uint8Array; fileName: string }> {
    const now = clock();
    const bytes = writePackage(await tablesFor(), now);
    return { bytes, fileName: `ruta-hsds-${now.toISOString().slice(0, 10)}.zip` };
  }

  return {
    async exportPackage(actor: Actor): Promise<{ bytes: Uint8Array; fileName: string }> {
      if (!hsdsPolicy.export(actor)) throw new AppError('forbidden');
      return buildPackage();
    },

    buildPackage,

    /**
     * Imports an HSDS data package (ZIP) into the directory: every CSV checked against HSDS's field rules and
     * Ruta's, references resolved against the package and the directory, then everything upserted by id in one
     * transaction, or nothing when anything is wrong (422 naming file, row and field).
     */
    async importPackage(actor: Actor, bytes: Uint8Array, language: Language) {
      if (!hsdsPolicy.import(actor)) throw new AppError('forbidden');
      if (bytes.length === 0) {
        throw packageError([{ file: 'ZIP', row: null, field: null, key: 'hsds.import.empty' }], language);
      }
      const read = readPackage(bytes);
      const issues = [...read.issues];
      const parsed: ParsedPackage = {};
      for (const name of IMPORTED_TABLES) {
        const table = read.parsed[name];
        if (!table) continue;
        issues.push(...validateTable(hsdsTable(name), table));
        parsed[name] = table;
      }
      if (issues.length > 0) throw packageError(issues, language);

      // Ids the package points at but does not carry must already be in Ruta.
      const referenced = (column: string) =>
        Object.values(parsed).flatMap((table) =>
          (table?.rows ?? []).map((row) => (row[column] ?? '').toLowerCase()).filter((id) => id !== ''),
        );
      const [organizations, services, locations, links] = await Promise.all([
        q.existingIds(db, 'organization', [
          ...new Set([...referenced('organization_id'), ...referenced('id')]),
        ]),
        q.existingIds(db, 'directory_service', [
          ...new Set([...referenced('service_id'), ...referenced('id')]),
        ]),
        q.existingIds(db, 'directory_location', [
          ...new Set([...referenced('location_id'), ...referenced('id')]),
        ]),
        q.existingIds(db, 'directory_service_at_location', [
          ...new Set([...referenced('service_at_location_id'), ...referenced('id')]),
        ]),
      ]);
      const linkServices = await q.servicesOfLinks(db, [...links]);
      const existing = {
        organization: organizations,
        service: services,
        location: locations,
        service_at_location: links,
      };
      const mapped = mapPackage(parsed, {
        municipalities: await q.allMunicipalities(db),
        exists: (table, id) => existing[table].has(id),
        serviceOfLink: (id) => linkServices.get(id) ?? null,
      });
      if (mapped.errors.length > 0) throw packageError(mapped.errors, language);
      const { rows } = mapped;

      const counts = await db.transaction().execute(async (trx) => {
        const [schedules, contacts] = await Promise.all([
          q.existingIdsOf(
            trx,
            'directory_schedule',
            rows.schedules.map((s) => s.id),
          ),
          q.existingIdsOf(
            trx,
            'directory_contact',
            rows.contacts.map((c) => c.id),
          ),
        ]);
        const tally = <T extends { id: string }>(list: T[], known: Set<string>) => {
          const updated = list.filter((row) => known.has(row.id)).length;
          return { created: list.length - updated, updated };
        };
        const result: ImportCounts = {
          organization: tally(rows.organizations, organizations),
          service: tally(rows.services, services),
          location: tally(rows.locations, locations),
          service_at_location: tally(rows.servicesAtLocations, links),
          schedule: tally(rows.schedules, schedules),
          contact: tally(rows.contacts, contacts),
        };

        // Short names stay unique (case aside): the package's alternate name, else the name, else the name and id.
        const shortNames = await q.organizationShortNames(trx);
        const organizationRows = rows.organizations.map((organization) => {
          const free = (candidate: string) => {
            const holder = shortNames.get(candidate.toLowerCase());
            return holder === undefined || holder === organization.id;
          };
          const candidates = [
            organization.alternate_name,
            organization.name,
            `${organization.name} (${organization.id.slice(0, 8)})`,
          ].filter((c): c is string => Boolean(c));
          const shortName = candidates.find(free) ?? `${organization.name} (${organization.id})`;
          for (const [name, id] of shortNames) if (id === organization.id) shortNames.delete(name);
          shortNames.set(shortName.toLowerCase(), organization.id);
          const { alternate_name: _alternate, ...rest } = organization;
          return { ...rest, short_name: shortName };
        });

        await q.upsertOrganizations(trx, organizationRows, {
          changeKind: hsdsPolicy.changeOrganizationKind(actor),
        });
        await q.upsertServices(trx, rows.services, actor.userId);
        await q.upsertLocations(trx, rows.locations);
        await q.upsertServicesAtLocations(trx, rows.servicesAtLocations);
        await q.upsertSchedules(trx, rows.schedules);
        await q.upsertContacts(trx, rows.contacts);
        await audit.record(trx, actor, {
          action: 'directory.hsds_import',
          recordType: 'directory',
          changes: { after: { counts: result, bytes: bytes.length } },
        });
        return result;
      });

      const t = translatorFor(language);
      const notes = [
        ...read.extraColumns.map((extra) => ({
          file: extra.file,
          row: 1,
          field: null,
          message: t('hsds.import.extraColumns', { columns: extra.columns.join(', ') }),
        })),
        ...read.ignoredFiles.map((file) => ({
          file,
          row: null,
          field: null,
          message: t('hsds.import.ignoredFile'),
        })),
        ...mapped.warnings.map((warning) => ({
          file: warning.file,
          row: warning.row,
          field: warning.field,
          message: t(warning.key, warning.params ?? {}),
        })),
      ];
      return { counts, warnings: notes.slice(0, MAX_LISTED_ISSUES), warningCount: notes.length };
    },

    // The public HSDS API: directory data only, no personal data.

    info(openapiUrl: string) {
      return { version: '3.0', openapi_url: openapiUrl };
    },

    async listServices(query: ServiceQuery) {
      const filter: q.HsdsServiceFilter = {
        search: query.search,
        organizationId: query.organizationId,
        modifiedAfter: query.modifiedAfter,
        ...(query.taxonomyTermId ? filterForTerm(query.taxonomyTermId) : {}),
        ...(query.taxonomyId ? filterForTaxonomy(query.taxonomyId) : {}),
      };
      const { ids, total } = await q.pageOfServiceIds(
        db,
        filter,
        query.perPage,
        (query.page - 1) * query.perPage,
      );
      const tables = await publicTablesFor({ serviceIds: ids });
      const nester = createNester(tables);
      const contents = ids.flatMap((id) => {
        const row = tables.service.find((s) => s.id === id);
        return row ? [nester.serviceListItem(row)] : [];
      });
      return page(contents, total, query);
    },

    async getService(id: string) {
      const service = createNester(await publicTablesFor({ serviceIds: [id] })).service(id);
      if (!service) throw new AppError('notFound', { path: `/api/hsds/services/${id}` });
      return service;
    },

    async listOrganizations(query: PageQuery & { search?: string }) {
      const { ids, total } = await q.pageOfOrganizationIds(
        db,
        query.search,
        query.perPage,
        (query.page - 1) * query.perPage,
      );
      const tables = await publicTablesFor({ organizationIds: ids, serviceIds: [] });
      const nester = createNester(tables);
      const contents = ids.flatMap((id) => {
        const row = tables.organization.find((o) => o.id === id);
        return row ? [nester.organizationListItem(row)] : [];
      });
      return page(contents, total, query);
    },

    async getOrganization(id: string, fullService: boolean) {
      const organization = createNester(await publicTablesFor({ organizationIds: [id] })).organization(
        id,
        fullService,
      );
      if (!organization) throw new AppError('notFound', { path: `/api/hsds/organizations/${id}` });
      return organization;
    },

    async listServiceAtLocations(query: ServiceQuery) {
      const filter: q.HsdsServiceFilter = {
        search: query.search,
        organizationId: query.organizationId,
        modifiedAfter: query.modifiedAfter,
        ...(query.taxonomyTermId ? filterForTerm(query.taxonomyTermId) : {}),
        ...(query.taxonomyId ? filterForTaxonomy(query.taxonomyId) : {}),
      };
      const { ids, total } = await q.pageOfLinkIds(
        db,
        filter,
        query.perPage,
        (query.page - 1) * query.perPage,
      );
      const serviceIds = ids.length ? [...new Set((await q.servicesOfLinks(db, ids)).values())] : [];
      const tables = await publicTablesFor({ serviceIds });
      const nester = createNester(tables);
      const contents = ids.flatMap((id) => {
        const row = tables.service_at_location.find((l) => l.id === id);
        return row ? [nester.serviceAtLocationListItem(row)] : [];
      });
      return page(contents, total, query);
    },

    async getServiceAtLocation(id: string) {
      const serviceId = await q.serviceOfLink(db, id);
      const found = serviceId
        ? createNester(await publicTablesFor({ serviceIds: [serviceId] })).serviceAtLocation(id)
        : null;
      if (!found) throw new AppError('notFound', { path: `/api/hsds/service_at_locations/${id}` });
      return found;
    },
  };
}

export type HsdsService = ReturnType<typeof createHsdsService>;
