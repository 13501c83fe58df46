import type { Kysely, Selectable, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, PersonTable } from '../../db/schema';
import { colombianDate } from '../../domain/calendar';
import { AppError } from '../../server/http/problem';
import type { AuditService } from '../audit/service';
import { refreshMatchKeys } from '../entity-resolution/keys-queries';
import type { Actor } from '../identity/actor';
import { nameColumns } from './name-columns';
import { registryPolicy } from './policy';
import * as q from './queries';

type PersonRow = Selectable<PersonTable>;

/** The fields a merge can take from the merged-away record, each with the columns it covers. */
export const MERGEABLE_FIELDS = {
  givenName1: ['given_name_1'],
  givenName2: ['given_name_2'],
  surname1: ['surname_1'],
  surname2: ['surname_2'],
  preferredName: ['preferred_name'],
  sexAtBirth: ['sex_at_birth'],
  genderIdentity: ['gender_identity'],
  birthDate: ['birth_date', 'birth_date_estimated'],
  nationalities: ['nationalities'],
  previousResidenceCountry: ['previous_residence_country'],
  populationGroup: ['population_group'],
  ethnicGroup: ['ethnic_group'],
  disability: ['wg_seeing', 'wg_hearing', 'wg_walking', 'wg_cognition', 'wg_self_care', 'wg_communication'],
  languages: ['languages'],
  phone: ['phone_e164'],
  email: ['email'],
  address: ['address_line', 'neighbourhood', 'municipality_code'],
  returnData: [
    'return_type',
    'rur_registered',
    'arrival_date',
    'arrival_mode',
    'arrival_post',
    'returned_from_country',
    'years_abroad',
    'return_voluntary',
  ],
} as const satisfies Record<string, ReadonlyArray<keyof PersonTable>>;

export type MergeableField = keyof typeof MERGEABLE_FIELDS;
const SENSITIVE_FIELDS: MergeableField[] = ['genderIdentity', 'ethnicGroup', 'disability'];
const ALL_COLUMNS = Object.values(MERGEABLE_FIELDS).flat();

function pick(person: PersonRow, columns: ReadonlyArray<keyof PersonTable>) {
  return Object.fromEntries(columns.map((column) => [column, person[column]]));
}

export interface MergeInput {
  survivorId: string;
  mergedId: string;
  survivorVersion: number;
  mergedVersion: number;
  takeFromMerged: MergeableField[];
}

/**
 * Merges two records of one person: the survivor keeps its id and takes the chosen fields from the other; the
 * other's documents, household memberships, consents and offices move to the survivor; the merged-away row stays,
 * pointing at the survivor, so its id still resolves. Everything moved is recorded, so the merge can be undone.
 */
export function createMergeService({ db, audit }: { db: Kysely<Database>; audit: AuditService }) {
  async function loadForChange(actor: Actor, id: string) {
    const person = await q.findPersonById(db, id);
    if (!person || person.merged_into_id) throw new AppError('notFound');
    const officeIds = await q.findOfficeIdsOfPerson(db, id);
    if (!registryPolicy.read(actor, { officeIds })) throw new AppError('notFound');
    if (!registryPolicy.update(actor, { officeIds })) throw new AppError('forbidden');
    return { person, officeIds };
  }

  return {
    async mergePersons(actor: Actor, input: MergeInput) {
      if (input.survivorId === input.mergedId) throw new AppError('badRequest');
      if (
        !registryPolicy.readSensitive(actor) &&
        input.takeFromMerged.some((f) => SENSITIVE_FIELDS.includes(f))
      ) {
        throw new AppError('forbidden');
      }
      const survivor = await loadForChange(actor, input.survivorId);
      const merged = await loadForChange(actor, input.mergedId);
      if (
        survivor.person.version !== input.survivorVersion ||
        merged.person.version !== input.mergedVersion
      ) {
        throw new AppError('conflict');
      }
      const today = colombianDate(new Date());
      return db.transaction().execute(async (trx) => {
        const taken: Record<string, unknown> = {};
        for (const field of input.takeFromMerged)
          Object.assign(taken, pick(merged.person, MERGEABLE_FIELDS[field]));
        const next = { ...survivor.person, ...taken } as PersonRow;
        const updated = await q.overwritePerson(trx, survivor.person.id, {
          ...(taken as Updateable<PersonTable>),
          ...nameColumns({
            givenName1: next.given_name_1,
            givenName2: next.given_name_2,
            surname1: next.surname_1,
            surname2: next.surname_2,
          }),
        });

        const documents = (await q.listDocumentIds(trx, merged.person.id)).map((d) => d.id);
        await q.movePersonRows(trx, 'identity_document', documents, survivor.person.id);

        const survivorHasHome = (await q.findMembershipsOfPerson(trx, survivor.person.id)).some(
          (m) => m.left_on === null,
        );
        const mergedMemberships = await q.findMembershipsOfPerson(trx, merged.person.id);
        const ended = mergedMemberships.filter((m) => m.left_on === null && survivorHasHome).map((m) => m.id);
        for (const id of ended) await q.endMembership(trx, id, today);
        const memberships = mergedMemberships.map((m) => m.id);
        await q.movePersonRows(trx, 'household_membership', memberships, survivor.person.id);

        const survivorPurposes = new Set(
          (await q.findConsentsOfPerson(trx, survivor.person.id))
            .filter((c) => !c.revoked_at)
            .map((c) => c.purpose),
        );
        const mergedConsents = await q.findConsentsOfPerson(trx, merged.person.id);
        const revoked = mergedConsents
          .filter((c) => !c.revoked_at && survivorPurposes.has(c.purpose))
          .map((c) => c.id);
        for (const id of revoked) await q.revokeConsent(trx, merged.person.id, id, actor.userId, new Date());
        const consents = mergedConsents.map((c) => c.id);
        await q.movePersonRows(trx, 'consent', consents, survivor.person.id);

        const addedOffices = merged.officeIds.filter((id) => !survivor.officeIds.includes(id));
        await q.addPersonOffices(trx, survivor.person.id, addedOffices);
        await q.setMergedInto(trx, merged.person.id, survivor.person.id);
        // The survivor's keys take the fields and documents it gained; the merged-away record loses its keys.
        await refreshMatchKeys(trx, [survivor.person.id, merged.person.id]);

        const merge = await q.insertMerge(trx, {
          id: uuidv7(),
          survivor_id: survivor.person.id,
          merged_id: merged.person.id,
          survivor_before: JSON.stringify(
            pick(survivor.person, [...ALL_COLUMNS, 'search_name', 'name_keys']),
          ),
          survivor_version_after: updated.version,
          moved_document_ids: documents,
          moved_membership_ids: memberships,
          ended_membership_ids: ended,
          moved_consent_ids: consents,
          revoked_consent_ids: revoked,
          added_office_ids: addedOffices,
          merged_by: actor.userId,
        });
        await audit.record(trx, actor, {
          action: 'person.merged',
          recordType: 'person',
          recordId: survivor.person.id,
          officeId: survivor.person.registered_office_id,
          changes: {
            before: {
              mergedId: merged.person.id,
              ...pick(survivor.person, Object.keys(taken) as Array<keyof PersonTable>),
            },
            after: { mergeId: merge.id, ...taken },
          },
        });
        return { mergeId: merge.id, survivorId: survivor.person.id, mergedId: merged.person.id };
      });
    },

    /** Undoes a merge, as long as the survivor has not been changed since (otherwise 409). */
    async undoMerge(actor: Actor, mergeId: string) {
      const merge = await q.findMerge(db, mergeId);
      if (!merge || merge.undone_at) throw new AppError('notFound');
      const survivor = await loadForChange(actor, merge.survivor_id);
      if (survivor.person.version !== merge.survivor_version_after) throw new AppError('conflict');
      await db.transaction().execute(async (trx) => {
        const before = (
          typeof merge.survivor_before === 'string'
            ? JSON.parse(merge.survivor_before)
            : merge.survivor_before
        ) as Updateable<PersonTable>;
        await q.overwritePerson(trx, merge.survivor_id, before);
        await q.movePersonRows(trx, 'identity_document', merge.moved_document_ids, merge.merged_id);
        await q.movePersonRows(trx, 'household_membership', merge.moved_membership_ids, merge.merged_id);
        await q.reopenMemberships(trx, merge.ended_membership_ids);
        await q.movePersonRows(trx, 'consent', merge.moved_consent_ids, merge.merged_id);
        await q.unrevokeConsents(trx, merge.revoked_consent_ids);
        await q.removePersonOffices(trx, merge.survivor_id, merge.added_office_ids);
        await q.setMergedInto(trx, merge.merged_id, null);
        await refreshMatchKeys(trx, [merge.survivor_id, merge.merged_id]);
        await q.markMergeUndone(trx, merge.id, actor.userId, new Date());
        await audit.record(trx, actor, {
          action: 'person.merge_undone',
          recordType: 'person',
          recordId: merge.survivor_id,
          officeId: survivor.person.registered_office_id,
          changes: { after: { mergeId: merge.id, restoredId: merge.merged_id } },
        });
      });
      return { survivorId: merge.survivor_id, restoredId: merge.merged_id };
    },
  };
}
