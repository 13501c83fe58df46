import { ageOn } from '../registry/household-composition';
import { displayName } from '../registry/names';

/**
 * The minimum a partner receives about a referred person: enough to identify, contact and serve them, and why
 * they were referred. Never health, legal or protection details, case notes, needs or the household: those stay
 * with the referring office. Kept on the referral as sent, so the partner sees what was shared at the time.
 */
export const SHARED_FIELDS = [
  'name',
  'documentType',
  'documentNumber',
  'phone',
  'age',
  'sex',
  'populationGroup',
  'municipality',
  'reason',
] as const;

export interface SharedData {
  name: string;
  documentType: string | null;
  documentNumber: string | null;
  phone: string | null;
  age: number | null;
  sex: string | null;
  populationGroup: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  reason: string;
}

export interface SharablePerson {
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  birthDate: string | null;
  sexAtBirth: string | null;
  phone: string | null;
  populationGroup: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  documents: Array<{ type: string; number: string }>;
}

/** Identity documents in the order a partner most likely asks for them. */
const DOCUMENT_PREFERENCE = ['CC', 'PPT', 'CE', 'PEP', 'TI', 'PA', 'RC', 'SC2', 'FOREIGN_ID'];

/** One identity document: the first the service asks for that the person has, else the most usual one. */
function chosenDocument(documents: SharablePerson['documents'], required: readonly string[]) {
  const byRequired = required.map((type) => documents.find((d) => d.type === type)).find(Boolean);
  if (byRequired) return byRequired;
  const rank = (type: string) => {
    const index = DOCUMENT_PREFERENCE.indexOf(type);
    return index === -1 ? DOCUMENT_PREFERENCE.length : index;
  };
  return [...documents].sort((a, b) => rank(a.type) - rank(b.type))[0] ?? null;
}

export function sharedDataOf(
  person: SharablePerson,
  reason: string,
  on: string,
  requiredDocuments: readonly string[] = [],
): SharedData {
  const document = chosenDocument(person.documents, requiredDocuments);
  return {
    name: displayName(person),
    documentType: document?.type ?? null,
    documentNumber: document?.number ?? null,
    phone: person.phone,
    age: person.birthDate ? ageOn(person.birthDate, on) : null,
    sex: person.sexAtBirth,
    populationGroup: person.populationGroup,
    municipalityCode: person.municipalityCode,
    municipalityName: person.municipalityName,
    reason,
  };
}
