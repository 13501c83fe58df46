import type { z } from 'zod';
import type { TIMELINE_KINDS, TimelineEntrySchema } from './schemas';

type Kind = (typeof TIMELINE_KINDS)[number];
type Entry = z.infer<typeof TimelineEntrySchema>;
type Changes = { before?: Record<string, unknown>; after?: Record<string, unknown> };

/**
 * The API's name of each person column the audit log records. Columns that belong to one API object are named
 * with their path (`returnData.arrivalDate`); the six Washington Group columns are all `disability`.
 */
const FIELD_OF_COLUMN: Record<string, string> = {
  given_name_1: 'givenName1',
  given_name_2: 'givenName2',
  surname_1: 'surname1',
  surname_2: 'surname2',
  preferred_name: 'preferredName',
  sex_at_birth: 'sexAtBirth',
  gender_identity: 'genderIdentity',
  birth_date: 'birthDate',
  birth_date_estimated: 'birthDateEstimated',
  nationalities: 'nationalities',
  previous_residence_country: 'previousResidenceCountry',
  population_group: 'populationGroup',
  ethnic_group: 'ethnicGroup',
  wg_seeing: 'disability',
  wg_hearing: 'disability',
  wg_walking: 'disability',
  wg_cognition: 'disability',
  wg_self_care: 'disability',
  wg_communication: 'disability',
  languages: 'languages',
  phone_e164: 'phone',
  email: 'email',
  address_line: 'addressLine',
  neighbourhood: 'neighbourhood',
  municipality_code: 'municipalityCode',
  return_type: 'returnData.returnType',
  rur_registered: 'returnData.rurRegistered',
  arrival_date: 'returnData.arrivalDate',
  arrival_mode: 'returnData.arrivalMode',
  arrival_post: 'returnData.arrivalPost',
  returned_from_country: 'returnData.returnedFromCountry',
  years_abroad: 'returnData.yearsAbroad',
  return_voluntary: 'returnData.voluntary',
  maternity_status: 'maternity',
  maternity_since: 'maternity',
  maternity_until: 'maternity',
  maternity_until_estimated: 'maternity',
};

/** Ley 1581 art. 5 data: the timeline says that it changed, never what it was or became. */
const SENSITIVE_FIELDS = new Set(['genderIdentity', 'ethnicGroup', 'disability', 'maternity']);

const KIND_OF_ACTION: Record<string, Kind> = {
  'person.registered': 'registered',
  'person.updated': 'updated',
  'person.sensitive_read': 'sensitiveRead',
  'consent.recorded': 'consentGiven',
  'consent.revoked': 'consentRevoked',
  'person.merged': 'merged',
  'person.merge_undone': 'mergeUndone',
  'household.created': 'joinedHousehold',
  'household.member_added': 'joinedHousehold',
  'household.member_left': 'leftHousehold',
};

export function changesOf(value: unknown): Changes {
  if (typeof value === 'string') return changesOf(JSON.parse(value));
  return value && typeof value === 'object' ? (value as Changes) : {};
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function fieldsOf(changes: Changes): Entry['fields'] {
  const fields = new Map<string, Entry['fields'][number]>();
  const changed = new Set(Object.keys({ ...changes.before, ...changes.after }));
  // In the order of the record, not of the stored JSON (jsonb does not keep it).
  for (const [column, field] of Object.entries(FIELD_OF_COLUMN)) {
    if (!changed.has(column) || fields.has(field)) continue;
    const sensitive = SENSITIVE_FIELDS.has(field);
    fields.set(field, {
      field,
      sensitive,
      before: sensitive ? null : (changes.before?.[column] ?? null),
      after: sensitive ? null : (changes.after?.[column] ?? null),
    });
  }
  return [...fields.values()];
}

interface TimelineRow {
  id: string;
  action: string;
  record_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  changes: unknown;
  occurred_at: Date;
}

/** One audit entry as the person's timeline shows it. */
export function presentTimelineEntry(
  row: TimelineRow,
  subjectIds: readonly string[],
  merges: ReadonlyArray<{ id: string; merged_id: string; moved_document_ids: string[] }>,
  documents: ReadonlyArray<{ id: string; document_type: string; number: string }>,
): Entry {
  const changes = changesOf(row.changes);
  const kind = KIND_OF_ACTION[row.action] ?? 'other';
  const entry: Entry = {
    id: row.id,
    at: row.occurred_at.toISOString(),
    kind,
    action: row.action,
    actor: { name: row.actor_name, role: row.actor_role },
    fields: [],
    documents: [],
    consent: null,
    household: null,
    merge: null,
  };
  switch (kind) {
    case 'registered': {
      const listed = changes.after?.documents;
      entry.documents = (Array.isArray(listed) ? listed : []).flatMap((item) => {
        const [type, ...number] = String(item).split(' ');
        return type ? [{ type, number: number.join(' ') }] : [];
      });
      break;
    }
    case 'updated':
      entry.fields = fieldsOf(changes);
      break;
    case 'consentGiven':
    case 'consentRevoked': {
      const side = kind === 'consentGiven' ? changes.after : changes.before;
      entry.consent = {
        purpose: text(side?.purpose) ?? '',
        givenBy: text(side?.givenBy),
        method: text(side?.method),
      };
      break;
    }
    case 'merged': {
      const mergeId = text(changes.after?.mergeId);
      const merge = merges.find((item) => item.id === mergeId);
      entry.merge = { mergeId, otherPersonId: text(changes.before?.mergedId) ?? merge?.merged_id ?? null };
      entry.fields = fieldsOf(changes);
      entry.documents = (merge?.moved_document_ids ?? []).flatMap((documentId) => {
        const document = documents.find((item) => item.id === documentId);
        return document ? [{ type: document.document_type, number: document.number }] : [];
      });
      break;
    }
    case 'mergeUndone':
      entry.merge = { mergeId: text(changes.after?.mergeId), otherPersonId: text(changes.after?.restoredId) };
      break;
    case 'joinedHousehold':
    case 'leftHousehold': {
      let relationship = text(changes.after?.relationship) ?? text(changes.before?.relationship);
      const members = changes.after?.members;
      if (Array.isArray(members)) {
        const member = members.find((item) =>
          subjectIds.includes((item as { personId?: string }).personId ?? ''),
        );
        relationship = text((member as { relationship?: unknown } | undefined)?.relationship);
      }
      entry.household = row.record_id ? { id: row.record_id, relationship } : null;
      break;
    }
  }
  return entry;
}
