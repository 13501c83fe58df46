import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { colombianDate } from '../../domain/calendar';
import {
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_CODES,
  type ServiceCategory,
} from '../../domain/directory/taxonomy';
import { foldName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { type Language, translatorFor } from '../../server/i18n/translator';
import * as q from './queries';

export const PAGE_SIZE = 20;

type ServiceRow = Awaited<ReturnType<typeof q.searchServices>>[number];
type LocationRow = Awaited<ReturnType<typeof q.locationsOf>>[number];
type ScheduleRow = Awaited<ReturnType<typeof q.schedulesOf>>[number];
type ContactRow = Awaited<ReturnType<typeof q.contactsOf>>[number];

export interface FinderQuery {
  need?: string[];
  category?: string[];
  municipality?: string;
  q?: string;
  page: number;
}

export interface FinderServiceDeps {
  db: Kysely<Database>;
  /** The reference service's municipality search (the finder's picker uses the same DIVIPOLA search). */
  municipalities: (
    query: string,
    limit: number,
  ) => Promise<Array<{ code: string; name: string; departmentName: string }>>;
  clock?: () => Date;
}

function presentSchedule(row: ScheduleRow) {
  return {
    days: row.byday ? row.byday.split(',') : [],
    opensAt: row.opens_at?.slice(0, 5) ?? null,
    closesAt: row.closes_at?.slice(0, 5) ?? null,
    description: row.description,
  };
}

function presentContact(row: ContactRow) {
  return { department: row.department, phone: row.phone, email: row.email };
}

/** Contacts without repeats (the same switchboard listed for the service and its organization). */
function distinctContacts(rows: ContactRow[]) {
  const seen = new Set<string>();
  return rows.map(presentContact).filter((contact) => {
    const key = `${contact.phone ?? ''}|${contact.email ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The public service finder: active services of the network's directory by need, category, municipality and
 * words, for anyone, without sign-in. It shows what the organizations publish about their offer and nothing
 * about the people the network serves or its staff.
 */
export function createFinderService({ db, municipalities, clock = () => new Date() }: FinderServiceDeps) {
  function categoryName(code: string, language: Language) {
    return translatorFor(language)(`finder.category.${code}`);
  }

  /** Categories whose name, in either language, contains the folded word ("salud" finds the health ones). */
  function categoriesNamed(word: string): string[] {
    return SERVICE_CATEGORY_CODES.filter((code) =>
      (['es', 'en'] as const).some((language) => foldName(categoryName(code, language)).includes(word)),
    );
  }

  /** Schedules valid today in Colombia (or with no dates): the UTC date turns at 7 p.m. there. */
  function current(rows: ScheduleRow[]) {
    const today = colombianDate(clock());
    return rows.filter(
      (row) => (!row.valid_from || row.valid_from <= today) && (!row.valid_to || row.valid_to >= today),
    );
  }

  async function present(rows: ServiceRow[], municipality: string | null, language: Language) {
    if (rows.length === 0) return [];
    const serviceIds = rows.map((row) => row.id);
    const locations = await q.locationsOf(db, serviceIds, municipality);
    const locationIds = [...new Set(locations.map((row) => row.id))];
    const serviceAtLocationIds = locations.map((row) => row.service_at_location_id);
    const organizationIds = [...new Set(rows.map((row) => row.organization_id))];
    const areaCodes = [...new Set(rows.flatMap((row) => row.municipality_codes))];
    const [schedules, contacts, areas] = await Promise.all([
      q.schedulesOf(db, { serviceIds, locationIds, serviceAtLocationIds }).then(current),
      q.contactsOf(db, { serviceIds, locationIds, organizationIds }),
      areaCodes.length > 0 ? q.municipalitiesByCode(db, areaCodes) : Promise.resolve([]),
    ]);
    const areaByCode = new Map(areas.map((area) => [area.code, area]));
    const t = translatorFor(language);

    const presentLocation = (location: LocationRow) => ({
      name: location.name,
      address: [location.address_1, location.address_2].filter(Boolean).join(', ') || null,
      transportation: location.transportation,
      municipality:
        location.municipality_code && location.municipality_name && location.department_name
          ? {
              code: location.municipality_code,
              name: location.municipality_name,
              departmentName: location.department_name,
            }
          : null,
      schedules: schedules
        .filter(
          (row) =>
            row.location_id === location.id || row.service_at_location_id === location.service_at_location_id,
        )
        .map(presentSchedule),
      contacts: distinctContacts(contacts.filter((row) => row.location_id === location.id)),
    });

    return rows.map((row) => {
      const need = SERVICE_CATEGORIES[row.category as ServiceCategory] ?? 'social';
      return {
        id: row.id,
        name: row.name,
        description: row.description,
        category: { code: row.category, name: categoryName(row.category, language) },
        need: { code: need, name: t(`finder.need.${need}`) },
        reach: row.reach as 'local' | 'national' | 'area',
        organization: {
          name: row.organization_name,
          website: row.organization_website,
          email: row.organization_email,
        },
        url: row.url,
        email: row.email,
        applicationProcess: row.application_process,
        fees: row.fees_description,
        eligibility: row.eligibility_description,
        minimumAge: row.minimum_age,
        maximumAge: row.maximum_age,
        requiredDocuments: row.required_documents,
        languages: row.languages,
        areaServed: row.municipality_codes.flatMap((code) => {
          const area = areaByCode.get(code);
          return area ? [{ code, name: area.name, departmentName: area.department_name }] : [];
        }),
        locations: locations.filter((location) => location.service_id === row.id).map(presentLocation),
        schedules: schedules.filter((schedule) => schedule.service_id === row.id).map(presentSchedule),
        contacts: distinctContacts(
          contacts.filter(
            (contact) => contact.service_id === row.id || contact.organization_id === row.organization_id,
          ),
        ),
      };
    });
  }

  return {
    async searchServices(query: FinderQuery, language: Language) {
      const fromNeeds = query.need
        ? SERVICE_CATEGORY_CODES.filter((code) => query.need?.includes(SERVICE_CATEGORIES[code]))
        : null;
      const categories =
        fromNeeds && query.category
          ? fromNeeds.filter((code) => query.category?.includes(code))
          : (fromNeeds ?? query.category ?? null);
      const words = foldName(query.q ?? '')
        .split(' ')
        .filter((word) => word.length > 0)
        .slice(0, 8)
        .map((word) => ({ word, categories: word.length >= 3 ? categoriesNamed(word) : [] }));
      // A need and a category of another need: nothing can match.
      if (categories?.length === 0) return { items: [], page: query.page, pageSize: PAGE_SIZE, total: 0 };
      const search: q.ServiceSearch = {
        categories,
        municipality: query.municipality ?? null,
        words,
        limit: PAGE_SIZE,
        offset: (query.page - 1) * PAGE_SIZE,
      };
      const [rows, total] = await Promise.all([q.searchServices(db, search), q.countServices(db, search)]);
      return {
        items: await present(rows, search.municipality, language),
        page: query.page,
        pageSize: PAGE_SIZE,
        total,
      };
    },

    /** One active service; an inactive, closed or unknown one is not found. */
    async getService(id: string, municipality: string | null, language: Language) {
      const row = await q.findActiveService(db, id, municipality);
      if (!row) throw new AppError('notFound');
      const [service] = await present([row], municipality, language);
      if (!service) throw new AppError('notFound');
      return service;
    },

    async municipalities(query: string) {
      const rows = await municipalities(query, 10);
      return rows.map(({ code, name, departmentName }) => ({ code, name, departmentName }));
    },
  };
}

export type FinderService = ReturnType<typeof createFinderService>;
