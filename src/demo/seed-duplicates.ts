import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { HYPOCORISMS } from '../domain/entity-resolution/hypocorisms';
import { foldName } from '../domain/registry/names';
import type { Actor } from '../modules/identity/actor';
import type { PersonCreate } from '../modules/registry/schemas';
import type { RegistryService } from '../modules/registry/service';

/**
 * A few more records of people already in the demo, written the ways lists differ that the generator's typos do
 * not show, so a duplicate review on the demo (Duplicados) has pairs worth explaining: a familiar form of the
 * given name, the surnames in the other order with day and month swapped, the same document number filed under
 * another type, and the given name and first surname in each other's fields. Registered at the Barranquilla
 * centre through the registry, like the rest of the demo; nothing merges them.
 */
export const DEMO_PLANTED_DUPLICATES = 4;

type Variation = (person: Original) => Partial<z.input<typeof PersonCreate>> | null;

interface Original {
  given_name_1: string;
  given_name_2: string | null;
  surname_1: string;
  surname_2: string | null;
  birth_date: string | null;
  sex_at_birth: string | null;
  municipality_code: string | null;
  nationalities: string[];
  population_group: string;
  document_type: string | null;
  number: string | null;
}

/** Folded canonical given name → a familiar form of it ("jose" → "Pepe"). */
const NICKNAME = new Map<string, string>();
for (const [nickname, names] of HYPOCORISMS) {
  for (const name of names) {
    if (!NICKNAME.has(name)) NICKNAME.set(name, nickname.charAt(0).toUpperCase() + nickname.slice(1));
  }
}

function swapDayMonth(date: string | null): string | null {
  if (!date) return date;
  const [y, m, d] = date.split('-');
  if (!y || !m || !d || Number(d) > 12 || d === m) return date;
  return `${y}-${d}-${m}`;
}

const VARIATIONS: Variation[] = [
  // "Pepe" where the registry says José; no document on this list.
  (p) => {
    const nickname = NICKNAME.get(foldName(p.given_name_1));
    return nickname ? { givenName1: nickname, givenName2: null, documents: [] } : null;
  },
  // Surnames in the other order, day and month swapped.
  (p) =>
    p.surname_2
      ? { surname1: p.surname_2, surname2: p.surname_1, birthDate: swapDayMonth(p.birth_date), documents: [] }
      : null,
  // The same number filed under another type (a cédula written down as a PPT).
  (p) => (p.number && p.document_type === 'CC' ? { documents: [{ type: 'PPT', number: p.number }] } : null),
  // Given name and first surname in each other's fields.
  (p) => ({ givenName1: p.surname_1, surname1: p.given_name_1, givenName2: null, documents: [] }),
];

export async function seedDemoDuplicates(
  db: Kysely<Database>,
  registry: RegistryService,
  actor: Actor,
): Promise<number> {
  const officeId = actor.officeIds[0] as string;
  const originals = await db
    .selectFrom('person')
    .leftJoin('identity_document', 'identity_document.person_id', 'person.id')
    .select([
      'person.given_name_1',
      'person.given_name_2',
      'person.surname_1',
      'person.surname_2',
      'person.birth_date',
      'person.sex_at_birth',
      'person.municipality_code',
      'person.nationalities',
      'person.population_group',
      'identity_document.document_type',
      'identity_document.number',
    ])
    .where('person.registered_office_id', '=', officeId)
    .where('person.birth_date', 'is not', null)
    .orderBy('person.surname_1')
    .orderBy('person.given_name_1')
    .orderBy('person.id')
    .execute();
  const used = new Set<string>();
  let planted = 0;
  for (const variation of VARIATIONS) {
    for (const original of originals) {
      const key = `${original.given_name_1}|${original.surname_1}|${original.birth_date}`;
      if (used.has(key)) continue;
      const changes = variation(original);
      if (!changes) continue;
      used.add(key);
      await registry.registerPerson(actor, {
        officeId,
        givenName1: original.given_name_1,
        givenName2: original.given_name_2,
        surname1: original.surname_1,
        surname2: original.surname_2,
        sexAtBirth: original.sex_at_birth,
        birthDate: original.birth_date,
        nationalities: original.nationalities,
        populationGroup: original.population_group,
        municipalityCode: original.municipality_code,
        documents: [],
        ...changes,
        acknowledgeDuplicates: true,
      } as z.infer<typeof PersonCreate>);
      planted++;
      break;
    }
  }
  return planted;
}
