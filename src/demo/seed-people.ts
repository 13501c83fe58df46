import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { colombianDate } from '../domain/calendar';
import { ageOn } from '../domain/registry/household-composition';
import { addDays } from '../domain/registry/maternity';
import type { Actor } from '../modules/identity/actor';
import type { PersonCreate } from '../modules/registry/schemas';
import type { RegistryService } from '../modules/registry/service';
import { AppError } from '../server/http/problem';
import { generatePersons, type PersonRecord } from '../synthetic';

/** The demo's people: the same ones on every fresh start, and enough to search, filter and page through. */
export const DEMO_PEOPLE = { seed: 'ruta-demo', size: 240, duplicateRate: 0.06 } as const;

/** Barranquilla and its metropolitan area, where the one-stop centre's people live. */
const BARRANQUILLA_AREA = ['08001', '08001', '08001', '08758', '08433', '08573'];

interface DemoStaff {
  /** The caseworker at Barranquilla's one-stop centre. */
  centre: Actor;
  /** The reception officer at El Dorado, who registers returnees and deportees as they arrive. */
  airport: Actor;
}

export async function staffActor(db: Kysely<Database>, email: string, role: Actor['role']): Promise<Actor> {
  const user = await db
    .selectFrom('app_user')
    .innerJoin('user_office', 'user_office.user_id', 'app_user.id')
    .innerJoin('office', 'office.id', 'user_office.office_id')
    .select(['app_user.id', 'app_user.organization_id', 'office.id as office_id', 'office.municipality_code'])
    .where('app_user.email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    role,
    organizationId: user.organization_id,
    officeIds: [user.office_id],
    territoryCodes: [user.municipality_code.slice(0, 2)],
    via: 'session',
    scopes: ['read', 'write'],
    context: { ip: null, userAgent: 'ruta seed-demo', requestId: null },
  };
}

/**
 * A few women of childbearing age at the one-stop centre are pregnant or breastfeeding, with dates counted from
 * today so the demo's households always show some (reception officers do not record health data).
 */
function demoMaternity(
  record: PersonRecord,
  actor: Actor,
  index: number,
): z.input<typeof PersonCreate>['maternity'] {
  if (actor.role !== 'caseworker' || record.sex !== 'F') return undefined;
  const today = colombianDate(new Date());
  const age = ageOn(record.birthDate, today);
  if (age < 18 || age > 40) return undefined;
  if (index % 9 === 0) {
    return {
      status: 'pregnant',
      until: addDays(today, 20 + ((index * 37) % 230)),
      untilEstimated: index % 2 === 0,
    };
  }
  if (index % 9 === 4) return { status: 'lactating', since: addDays(today, -(15 + ((index * 53) % 600))) };
  return undefined;
}

function registration(record: PersonRecord, actor: Actor, index: number): z.input<typeof PersonCreate> {
  const atCentre = actor.role === 'caseworker';
  return {
    officeId: actor.officeIds[0] as string,
    givenName1: record.givenName1,
    givenName2: record.givenName2,
    surname1: record.surname1,
    surname2: record.surname2,
    sexAtBirth: record.sex === 'F' ? 'female' : 'male',
    birthDate: record.birthDate,
    birthDateEstimated: record.birthDateEstimated,
    nationalities: [record.nationality],
    populationGroup: record.populationGroup,
    municipalityCode: atCentre
      ? (BARRANQUILLA_AREA[index % BARRANQUILLA_AREA.length] as string)
      : record.municipalityCode,
    phone: record.phone,
    maternity: demoMaternity(record, actor, index),
    documents: record.documents.map((document) => ({ type: document.type, number: document.number })),
    acknowledgeDuplicates: true,
  };
}

/** Registers one demo person; a planted duplicate holding its original's document is registered without it. */
async function register(registry: RegistryService, actor: Actor, input: z.input<typeof PersonCreate>) {
  try {
    return await registry.registerPerson(actor, input as z.infer<typeof PersonCreate>);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'possibleDuplicates') throw error;
    return registry.registerPerson(actor, { ...input, documents: [] } as z.infer<typeof PersonCreate>);
  }
}

/**
 * Registers the demo's people through the registry service, so they carry audit entries, name keys and
 * duplicate checks like anyone registered by hand: four in five at Barranquilla's one-stop centre, returnees and
 * deportees at El Dorado; households with their members; consent for assistance, and for sharing with partners
 * from most. The generator plants a few duplicates, for the merge screen.
 */
export async function seedDemoPeople(db: Kysely<Database>, registry: RegistryService): Promise<number> {
  const staff: DemoStaff = {
    centre: await staffActor(db, 'gestor@ruta.example', 'caseworker'),
    airport: await staffActor(db, 'recepcion@ruta.example', 'reception_officer'),
  };
  const households = new Map<string, Array<{ personId: string; record: PersonRecord; actor: Actor }>>();
  let registered = 0;
  for (const [index, record] of [...generatePersons(DEMO_PEOPLE)].entries()) {
    const actor = record.populationGroup === 'returnee' && index % 2 === 0 ? staff.airport : staff.centre;
    const person = await register(registry, actor, registration(record, actor, index));
    registered++;
    if (record.truthId !== record.id) continue;
    const members = households.get(record.householdId) ?? [];
    members.push({ personId: person.id, record, actor });
    households.set(record.householdId, members);
  }

  for (const members of households.values()) {
    const head = members.find((member) => member.record.relationshipToHead === 'head');
    if (!head) continue;
    const actor = head.actor;
    const together = members.filter((member) => member.actor === actor);
    if (together.length > 1) {
      await registry.createHousehold(actor, {
        officeId: actor.officeIds[0] as string,
        municipalityCode: null,
        members: together.map((member) => ({
          personId: member.personId,
          relationship: member.record.relationshipToHead,
        })),
      });
    }
    const guardianName = `${head.record.givenName1} ${head.record.surname1}`;
    const today = colombianDate(new Date());
    for (const [index, member] of together.entries()) {
      const minor = ageOn(member.record.birthDate, today) < 18;
      const consent = (purpose: 'assistance' | 'sharing_with_partners') =>
        registry.recordConsent(actor, member.personId, {
          purpose,
          givenBy: minor ? 'guardian' : 'self',
          guardianName: minor ? guardianName : null,
          method: 'written',
        });
      await consent('assistance');
      if (index % 4 !== 3) await consent('sharing_with_partners');
    }
  }
  return registered;
}
