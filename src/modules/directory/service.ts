import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database, DirectoryContactTable, DirectoryScheduleTable } from '../../db/schema';
import {
  categoriesForDimension,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from '../../domain/directory/taxonomy';
import { foldName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import { directoryPolicy as policy } from './policy';
import * as q from './queries';
import type {
  ContactValue,
  LocationCreate,
  LocationUpdate,
  OrganizationProfileUpdate,
  ScheduleValue,
  ServiceCreate,
  ServiceListQuery,
  ServiceUpdate,
} from './schemas';

type ScheduleRow = Awaited<ReturnType<typeof q.schedulesOf>>[number];
type ContactRow = Awaited<ReturnType<typeof q.contactsOf>>[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const hhmm = (time: string | null) => (time ? time.slice(0, 5) : null);

function presentSchedule(row: ScheduleRow) {
  return {
    byday: row.byday,
    opensAt: hhmm(row.opens_at),
    closesAt: hhmm(row.closes_at),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    description: row.description,
  };
}

function presentContact(row: ContactRow) {
  return {
    name: row.name,
    title: row.title,
    department: row.department,
    email: row.email,
    phone: row.phone,
  };
}

function scheduleRows(
  schedules: ScheduleValue[],
  owner: Pick<DirectoryScheduleTable, 'service_id' | 'location_id' | 'service_at_location_id'>,
) {
  return schedules.map((s) => ({
    id: uuidv7(),
    ...owner,
    byday: s.byday,
    opens_at: s.opensAt,
    closes_at: s.closesAt,
    valid_from: s.validFrom,
    valid_to: s.validTo,
    description: s.description,
  }));
}

function contactRows(
  contacts: ContactValue[],
  owner: Pick<DirectoryContactTable, 'service_id' | 'organization_id' | 'location_id'>,
) {
  return contacts.map((c) => ({ id: uuidv7(), ...owner, ...c }));
}

const dimensionOf = (category: string) => SERVICE_CATEGORIES[category as ServiceCategory] ?? 'social';

/** Words of a search, folded as the queries fold the columns (case and accents do not matter). */
const searchWords = (text: string | undefined) => (text ? foldName(text).split(' ').filter(Boolean) : []);

export interface DirectoryServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock?: () => Date;
}

type ServiceInput = z.infer<typeof ServiceCreate>;

export function createDirectoryService({ db, audit, clock = () => new Date() }: DirectoryServiceDeps) {
  /** What other modules own or the schema cannot see: the organization, municipalities and places named. */
  async function checkServiceReferences(input: ServiceInput) {
    const problems: Array<{ path: string; messageKey: string }> = [];
    if (!(await q.organizationExists(db, input.organizationId)))
      problems.push({ path: 'organizationId', messageKey: 'directory.validation.unknownOrganization' });
    const known = new Set((await q.existingMunicipalities(db, input.municipalityCodes)).map((m) => m.code));
    input.municipalityCodes.forEach((code, index) => {
      if (!known.has(code))
        problems.push({
          path: `municipalityCodes.${index}`,
          messageKey: 'directory.validation.unknownMunicipality',
        });
    });
    const ids = input.locations.map((l) => l.locationId);
    const places = new Set((await q.existingLocations(db, ids)).map((l) => l.id));
    ids.forEach((id, index) => {
      if (!places.has(id))
        problems.push({
          path: `locations.${index}.locationId`,
          messageKey: 'directory.validation.unknownLocation',
        });
    });
    if (problems.length) throw new InvalidFieldsError(problems);
  }

  async function checkLocationReferences(input: z.infer<typeof LocationCreate>) {
    const problems: Array<{ path: string; messageKey: string }> = [];
    if (!(await q.organizationExists(db, input.organizationId)))
      problems.push({ path: 'organizationId', messageKey: 'directory.validation.unknownOrganization' });
    if (input.municipalityCode && !(await q.existingMunicipalities(db, [input.municipalityCode])).length)
      problems.push({ path: 'municipalityCode', messageKey: 'directory.validation.unknownMunicipality' });
    if (problems.length) throw new InvalidFieldsError(problems);
  }

  function serviceColumns(input: ServiceInput) {
    return {
      organization_id: input.organizationId,
      name: input.name,
      alternate_name: input.alternateName,
      description: input.description,
      category: input.category,
      status: input.status,
      url: input.url,
      email: input.email,
      application_process: input.applicationProcess,
      fees_description: input.feesDescription,
      eligibility_description: input.eligibilityDescription,
      minimum_age: input.minimumAge,
      maximum_age: input.maximumAge,
      population_groups: input.populationGroups,
      sexes: input.sexes,
      required_documents: input.requiredDocuments,
      municipality_codes: input.municipalityCodes,
      languages: input.languages,
      capacity_per_month: input.capacityPerMonth,
      acceptance_days: input.acceptanceDays,
      completion_days: input.completionDays,
    };
  }

  async function writeServiceChildren(trx: Kysely<Database>, serviceId: string, input: ServiceInput) {
    await q.clearServiceChildren(trx, serviceId);
    const links = input.locations.map((link) => ({ id: uuidv7(), link }));
    await q.insertServiceAtLocations(
      trx,
      links.map(({ id, link }) => ({
        id,
        service_id: serviceId,
        location_id: link.locationId,
        description: link.description,
      })),
    );
    await q.insertSchedules(trx, [
      ...scheduleRows(input.schedules, {
        service_id: serviceId,
        location_id: null,
        service_at_location_id: null,
      }),
      ...links.flatMap(({ id, link }) =>
        scheduleRows(link.schedules, { service_id: null, location_id: null, service_at_location_id: id }),
      ),
    ]);
    await q.insertContacts(
      trx,
      contactRows(input.contacts, { service_id: serviceId, organization_id: null, location_id: null }),
    );
  }

  async function serviceDetail(trx: Kysely<Database>, actor: Actor | null, id: string) {
    const row = await q.findService(trx, id);
    if (!row) return null;
    const locations = await q.serviceLocations(trx, id);
    const [schedules, contacts, municipalities] = await Promise.all([
      q.schedulesOf(trx, {
        serviceIds: [id],
        locationIds: locations.map((l) => l.location_id),
        serviceAtLocationIds: locations.map((l) => l.id),
      }),
      q.contactsOf(trx, { serviceId: id }),
      q.existingMunicipalities(trx, row.municipality_codes),
    ]);
    const names = new Map(municipalities.map((m) => [m.code, m.name]));
    return {
      id: row.id,
      organization: {
        id: row.organization_id,
        name: row.organization_name,
        shortName: row.organization_short_name,
      },
      name: row.name,
      alternateName: row.alternate_name,
      description: row.description,
      category: row.category,
      dimension: dimensionOf(row.category),
      status: row.status,
      url: row.url,
      email: row.email,
      applicationProcess: row.application_process,
      feesDescription: row.fees_description,
      eligibilityDescription: row.eligibility_description,
      minimumAge: row.minimum_age,
      maximumAge: row.maximum_age,
      populationGroups: row.population_groups,
      sexes: row.sexes,
      requiredDocuments: row.required_documents,
      municipalityCodes: row.municipality_codes,
      municipalities: row.municipality_codes.map((code) => ({ code, name: names.get(code) ?? code })),
      languages: row.languages,
      capacityPerMonth: row.capacity_per_month,
      acceptanceDays: row.acceptance_days,
      completionDays: row.completion_days,
      locations: locations.map((l) => ({
        id: l.id,
        locationId: l.location_id,
        name: l.name,
        description: l.description,
        address1: l.address_1,
        address2: l.address_2,
        city: l.city,
        municipalityCode: l.municipality_code,
        municipalityName: l.municipality_name,
        latitude: l.latitude,
        longitude: l.longitude,
        schedules: schedules.filter((s) => s.service_at_location_id === l.id).map(presentSchedule),
        locationSchedules: schedules.filter((s) => s.location_id === l.location_id).map(presentSchedule),
      })),
      schedules: schedules.filter((s) => s.service_id === id).map(presentSchedule),
      contacts: contacts.map(presentContact),
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      canEdit: actor ? policy.edit(actor, row.organization_id) : false,
    };
  }

  type ServiceDetailValue = NonNullable<Awaited<ReturnType<typeof serviceDetail>>>;
  /** What the audit log keeps of a service (no personal data in it). */
  const auditedService = ({ canEdit: _c, createdAt: _a, updatedAt: _u, ...rest }: ServiceDetailValue) => rest;

  async function locationDetail(trx: Kysely<Database>, actor: Actor | null, id: string) {
    const row = await q.findLocation(trx, id);
    if (!row) return null;
    const [schedules, services] = await Promise.all([
      q.schedulesOf(trx, { locationIds: [id] }),
      q.servicesAtLocation(trx, id),
    ]);
    return {
      id: row.id,
      organization: {
        id: row.organization_id,
        name: row.organization_name,
        shortName: row.organization_short_name,
      },
      name: row.name,
      alternateName: row.alternate_name,
      description: row.description,
      transportation: row.transportation,
      address1: row.address_1,
      address2: row.address_2,
      city: row.city,
      stateProvince: row.state_province,
      postalCode: row.postal_code,
      country: row.country,
      municipalityCode: row.municipality_code,
      municipalityName: row.municipality_name,
      latitude: row.latitude,
      longitude: row.longitude,
      schedules: schedules.map(presentSchedule),
      services,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
      canEdit: actor ? policy.edit(actor, row.organization_id) : false,
    };
  }

  type LocationDetailValue = NonNullable<Awaited<ReturnType<typeof locationDetail>>>;
  const auditedLocation = ({ canEdit: _c, updatedAt: _u, services: _s, ...rest }: LocationDetailValue) =>
    rest;

  function locationColumns(input: z.infer<typeof LocationCreate>) {
    return {
      organization_id: input.organizationId,
      name: input.name,
      alternate_name: input.alternateName,
      description: input.description,
      transportation: input.transportation,
      address_1: input.address1,
      address_2: input.address2,
      city: input.city,
      state_province: input.stateProvince,
      postal_code: input.postalCode,
      municipality_code: input.municipalityCode,
      latitude: input.latitude,
      longitude: input.longitude,
    };
  }

  async function organizationProfiles(trx: Kysely<Database>, actor: Actor | null) {
    const rows = await q.listOrganizations(trx);
    const contacts = await q.contactsOf(trx, { organizationIds: rows.map((r) => r.id) });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      shortName: row.short_name,
      kind: row.kind,
      description: row.description,
      email: row.email,
      website: row.website,
      contacts: contacts.filter((c) => c.organization_id === row.id).map(presentContact),
      serviceCount: Number(row.service_count ?? 0),
      activeServiceCount: Number(row.active_service_count ?? 0),
      locationCount: Number(row.location_count ?? 0),
      version: row.version,
      canEdit: actor ? policy.edit(actor, row.id) : false,
    }));
  }

  return {
    /** The portfolio, searched and filtered; a page of summaries and the total that match. */
    async listServices(actor: Actor, query: z.infer<typeof ServiceListQuery>) {
      if (!policy.read(actor)) throw new AppError('forbidden');
      let categories: string[] | undefined;
      if (query.dimension) categories = categoriesForDimension(query.dimension);
      if (query.category)
        categories = categories ? categories.filter((c) => c === query.category) : [query.category];
      if (categories && !categories.length) return { items: [], total: 0 };
      const { rows, total } = await q.listServices(db, {
        words: searchWords(query.q),
        categories,
        municipality: query.municipality,
        organizationId: query.organizationId,
        status: query.status,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const places = await q.locationMunicipalitiesOf(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          category: row.category,
          dimension: dimensionOf(row.category),
          status: row.status,
          organization: {
            id: row.organization_id,
            name: row.organization_name,
            shortName: row.organization_short_name,
          },
          municipalityCodes: row.municipality_codes,
          locationMunicipalities: places
            .filter((p) => p.service_id === row.id)
            .map((p) => ({ code: p.code, name: p.name })),
          acceptanceDays: row.acceptance_days,
          completionDays: row.completion_days,
          capacityPerMonth: row.capacity_per_month,
          updatedAt: row.updated_at.toISOString(),
        })),
        total,
      };
    },

    /** One service with its eligibility, places, hours and contacts; 404 when there is none. */
    async getService(actor: Actor, id: string) {
      if (!policy.read(actor)) throw new AppError('forbidden');
      const detail = await serviceDetail(db, actor, id);
      if (!detail) throw new AppError('notFound');
      return detail;
    },

    async createService(actor: Actor, input: ServiceInput) {
      if (!policy.edit(actor, input.organizationId)) throw new AppError('forbidden');
      await checkServiceReferences(input);
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const row = await q.insertService(trx, {
          id: uuidv7(),
          ...serviceColumns(input),
          created_by: actor.userId,
          updated_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await writeServiceChildren(trx, row.id, input);
        const detail = (await serviceDetail(trx, actor, row.id)) as ServiceDetailValue;
        await audit.record(trx, actor, {
          action: 'directory.service.created',
          recordType: 'directory_service',
          recordId: row.id,
          changes: { after: auditedService(detail) },
        });
        return detail;
      });
    },

    /**
     * Replaces a service's editable fields, places, hours and contacts at the version read (409 with the current
     * service when stale). A focal point may neither edit another organization's service nor move one to it.
     */
    async updateService(actor: Actor, id: string, input: z.infer<typeof ServiceUpdate>) {
      const existing = await q.findService(db, id);
      if (!existing) throw new AppError('notFound');
      if (!policy.edit(actor, existing.organization_id) || !policy.edit(actor, input.organizationId))
        throw new AppError('forbidden');
      await checkServiceReferences(input);
      return db.transaction().execute(async (trx) => {
        const before = await serviceDetail(trx, actor, id);
        const row = await q.updateService(trx, id, input.version, {
          ...serviceColumns(input),
          updated_by: actor.userId,
          updated_at: clock(),
        });
        if (!row || !before) {
          const current = await serviceDetail(trx, actor, id);
          throw new AppError('conflict', {}, { current });
        }
        await writeServiceChildren(trx, id, input);
        const detail = (await serviceDetail(trx, actor, id)) as ServiceDetailValue;
        await audit.record(trx, actor, {
          action:
            before.status === detail.status
              ? 'directory.service.updated'
              : 'directory.service.status_changed',
          recordType: 'directory_service',
          recordId: id,
          changes: { before: auditedService(before), after: auditedService(detail) },
        });
        return detail;
      });
    },

    async listLocations(actor: Actor, query: { q?: string; organizationId?: string; municipality?: string }) {
      if (!policy.read(actor)) throw new AppError('forbidden');
      const rows = await q.listLocations(db, {
        words: searchWords(query.q),
        organizationId: query.organizationId,
        municipality: query.municipality,
      });
      return {
        items: rows.map((row) => ({
          id: row.id,
          organization: {
            id: row.organization_id,
            name: row.organization_name,
            shortName: row.organization_short_name,
          },
          name: row.name,
          address1: row.address_1,
          city: row.city,
          municipalityCode: row.municipality_code,
          municipalityName: row.municipality_name,
          serviceCount: Number(row.service_count ?? 0),
          version: row.version,
        })),
      };
    },

    async getLocation(actor: Actor, id: string) {
      if (!policy.read(actor)) throw new AppError('forbidden');
      const detail = await locationDetail(db, actor, id);
      if (!detail) throw new AppError('notFound');
      return detail;
    },

    async createLocation(actor: Actor, input: z.infer<typeof LocationCreate>) {
      if (!policy.edit(actor, input.organizationId)) throw new AppError('forbidden');
      await checkLocationReferences(input);
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const row = await q.insertLocation(trx, {
          id: uuidv7(),
          ...locationColumns(input),
          created_at: now,
          updated_at: now,
        });
        await q.insertSchedules(
          trx,
          scheduleRows(input.schedules, {
            service_id: null,
            location_id: row.id,
            service_at_location_id: null,
          }),
        );
        const detail = (await locationDetail(trx, actor, row.id)) as LocationDetailValue;
        await audit.record(trx, actor, {
          action: 'directory.location.created',
          recordType: 'directory_location',
          recordId: row.id,
          changes: { after: auditedLocation(detail) },
        });
        return detail;
      });
    },

    async updateLocation(actor: Actor, id: string, input: z.infer<typeof LocationUpdate>) {
      const existing = await q.findLocation(db, id);
      if (!existing) throw new AppError('notFound');
      if (!policy.edit(actor, existing.organization_id) || !policy.edit(actor, input.organizationId))
        throw new AppError('forbidden');
      await checkLocationReferences(input);
      return db.transaction().execute(async (trx) => {
        const before = await locationDetail(trx, actor, id);
        const row = await q.updateLocation(trx, id, input.version, {
          ...locationColumns(input),
          updated_at: clock(),
        });
        if (!row || !before) {
          const current = await locationDetail(trx, actor, id);
          throw new AppError('conflict', {}, { current });
        }
        await q.clearLocationSchedules(trx, id);
        await q.insertSchedules(
          trx,
          scheduleRows(input.schedules, { service_id: null, location_id: id, service_at_location_id: null }),
        );
        const detail = (await locationDetail(trx, actor, id)) as LocationDetailValue;
        await audit.record(trx, actor, {
          action: 'directory.location.updated',
          recordType: 'directory_location',
          recordId: id,
          changes: { before: auditedLocation(before), after: auditedLocation(detail) },
        });
        return detail;
      });
    },

    /** The network's organizations with their directory profile and how many services and places they list. */
    async listOrganizations(actor: Actor) {
      if (!policy.read(actor)) throw new AppError('forbidden');
      return { items: await organizationProfiles(db, actor) };
    },

    async updateOrganizationProfile(
      actor: Actor,
      id: string,
      input: z.infer<typeof OrganizationProfileUpdate>,
    ) {
      if (!(await q.organizationExists(db, id))) throw new AppError('notFound');
      if (!policy.edit(actor, id)) throw new AppError('forbidden');
      return db.transaction().execute(async (trx) => {
        const profileOf = async () =>
          (await organizationProfiles(trx, actor)).find((o) => o.id === id) ?? null;
        const before = await profileOf();
        const row = await q.updateOrganizationProfile(trx, id, input.version, {
          description: input.description,
          email: input.email,
          website: input.website,
          updated_at: clock(),
        });
        if (!row || !before) throw new AppError('conflict', {}, { current: before });
        await q.clearOrganizationContacts(trx, id);
        await q.insertContacts(
          trx,
          contactRows(input.contacts, { organization_id: id, service_id: null, location_id: null }),
        );
        const after = (await profileOf()) as NonNullable<typeof before>;
        const audited = ({ canEdit: _c, ...rest }: typeof after) => rest;
        await audit.record(trx, actor, {
          action: 'directory.organization.profile_updated',
          recordType: 'organization',
          recordId: id,
          changes: { before: audited(before), after: audited(after) },
        });
        return after;
      });
    },

    /**
     * For other modules (referrals): what deciding and timing a referral to a service needs, or null when there is
     * no such service. No actor: the caller has already checked its own.
     */
    async getServiceForReferral(serviceId: string) {
      if (!UUID.test(serviceId)) return null;
      const row = await q.findServiceForReferral(db, serviceId);
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        category: row.category as ServiceCategory,
        status: row.status,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        populationGroups: row.population_groups,
        sexes: row.sexes,
        minimumAge: row.minimum_age,
        maximumAge: row.maximum_age,
        requiredDocuments: row.required_documents,
        municipalityCodes: row.municipality_codes,
        locationMunicipalityCodes: (row.location_municipality_codes ?? []) as string[],
        capacityPerMonth: row.capacity_per_month,
        acceptanceDays: row.acceptance_days,
        completionDays: row.completion_days,
      };
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
export type ServiceForReferral = NonNullable<Awaited<ReturnType<DirectoryService['getServiceForReferral']>>>;
