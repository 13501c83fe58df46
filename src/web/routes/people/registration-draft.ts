import {
  DOCUMENT_TYPES,
  type DocumentType,
  type DuplicateCheck,
  type PersonCreate,
  WG_DOMAINS,
  type WgDomain,
} from '../../api/registration';
import { emptyMaternity, type MaternityDraft, toMaternityInput } from './maternity-fields';

/** One identity document as typed in the form. `key` only tells rows apart in React. */
export interface DocumentDraft {
  key: string;
  type: DocumentType;
  number: string;
  issuingCountry: string;
}

/** Everything typed in the registration form, as strings, so it can be kept in the browser and restored. */
export interface RegistrationDraft {
  officeId: string;
  givenName1: string;
  givenName2: string;
  surname1: string;
  surname2: string;
  preferredName: string;
  sexAtBirth: string;
  birthDate: string;
  birthDateEstimated: boolean;
  nationalities: string[];
  populationGroup: string;
  documents: DocumentDraft[];
  phone: string;
  email: string;
  departmentCode: string;
  municipalityCode: string;
  municipalityLabel: string;
  neighbourhood: string;
  addressLine: string;
  returnType: string;
  rurRegistered: string;
  arrivalDate: string;
  arrivalMode: string;
  arrivalPost: string;
  returnedFromCountry: string;
  yearsAbroad: string;
  voluntary: string;
  genderIdentity: string;
  ethnicGroup: string;
  disability: Record<WgDomain, string>;
  /** Offered only when the sex at birth is female, to the roles that record health data. */
  maternity: MaternityDraft;
  languages: string[];
}

export const STEPS = ['person', 'documents', 'contact', 'more'] as const;
export type Step = (typeof STEPS)[number];

let rowCounter = 0;
export function newDocumentRow(type: DocumentType = 'CC'): DocumentDraft {
  rowCounter += 1;
  return { key: `${Date.now().toString(36)}-${rowCounter}`, type, number: '', issuingCountry: '' };
}

export function emptyDraft(officeId: string): RegistrationDraft {
  return {
    officeId,
    givenName1: '',
    givenName2: '',
    surname1: '',
    surname2: '',
    preferredName: '',
    sexAtBirth: '',
    birthDate: '',
    birthDateEstimated: false,
    nationalities: [],
    populationGroup: '',
    documents: [newDocumentRow()],
    phone: '',
    email: '',
    departmentCode: '',
    municipalityCode: '',
    municipalityLabel: '',
    neighbourhood: '',
    addressLine: '',
    returnType: '',
    rurRegistered: '',
    arrivalDate: '',
    arrivalMode: '',
    arrivalPost: '',
    returnedFromCountry: '',
    yearsAbroad: '',
    voluntary: '',
    genderIdentity: '',
    ethnicGroup: '',
    disability: Object.fromEntries(WG_DOMAINS.map((domain) => [domain, ''])) as Record<WgDomain, string>,
    maternity: emptyMaternity(),
    languages: [],
  };
}

// The draft stays in this tab's sessionStorage: a reload or a dropped connection keeps it, but it is not left on a
// shared office computer once the tab is closed, and each user has their own.
const storageKey = (userId: string) => `ruta.registration-draft.${userId}`;

export interface StoredDraft {
  draft: RegistrationDraft;
  step: Step;
  savedAt: string;
}

export function loadDraft(userId: string): StoredDraft | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredDraft;
    if (!stored?.draft || !STEPS.includes(stored.step)) return null;
    const base = emptyDraft(stored.draft.officeId ?? '');
    const draft = {
      ...base,
      ...stored.draft,
      disability: { ...base.disability, ...stored.draft.disability },
      maternity: { ...base.maternity, ...stored.draft.maternity },
    };
    draft.documents = (draft.documents ?? []).filter((d) => DOCUMENT_TYPES.includes(d.type));
    return { ...stored, draft };
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, draft: RegistrationDraft, step: Step): void {
  try {
    const stored: StoredDraft = { draft, step, savedAt: new Date().toISOString() };
    window.sessionStorage.setItem(storageKey(userId), JSON.stringify(stored));
  } catch {
    // Storage full or blocked: the form still works, only without the safety copy.
  }
}

export function clearDraft(userId: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(userId));
  } catch {
    // Nothing to clear.
  }
}

/** True when nothing but the office has been typed (no need to keep or announce such a draft). */
export function isBlank(draft: RegistrationDraft): boolean {
  const {
    officeId: _office,
    documents,
    disability,
    birthDateEstimated: _estimated,
    maternity,
    ...rest
  } = draft;
  return (
    Object.values(rest).every((value) => (Array.isArray(value) ? value.length === 0 : value === '')) &&
    documents.every((document) => document.number.trim() === '' && document.issuingCountry === '') &&
    Object.values(disability).every((value) => value === '') &&
    maternity.status === ''
  );
}

const text = (value: string) => value.trim() || null;
const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : null);

/** The documents worth sending: those with a number. */
function typedDocuments(draft: RegistrationDraft) {
  return draft.documents.filter((document) => document.number.trim() !== '');
}

/** The body of `POST /api/v1/persons`. */
export function toPersonCreate(draft: RegistrationDraft, acknowledgeDuplicates: boolean): PersonCreate {
  const returnee = draft.populationGroup === 'returnee';
  const disability = Object.fromEntries(
    WG_DOMAINS.map((domain) => [domain, draft.disability[domain] ? Number(draft.disability[domain]) : null]),
  ) as Record<WgDomain, number | null>;
  const anyDisability = Object.values(disability).some((value) => value !== null);
  return {
    officeId: draft.officeId,
    givenName1: draft.givenName1.trim(),
    givenName2: text(draft.givenName2),
    surname1: draft.surname1.trim(),
    surname2: text(draft.surname2),
    preferredName: text(draft.preferredName),
    sexAtBirth: (draft.sexAtBirth || null) as PersonCreate['sexAtBirth'],
    genderIdentity: (draft.genderIdentity || null) as PersonCreate['genderIdentity'],
    birthDate: draft.birthDate || null,
    birthDateEstimated: Boolean(draft.birthDate) && draft.birthDateEstimated,
    nationalities: draft.nationalities,
    populationGroup: draft.populationGroup as PersonCreate['populationGroup'],
    ethnicGroup: (draft.ethnicGroup || null) as PersonCreate['ethnicGroup'],
    disability: anyDisability ? disability : null,
    // Left out (not null) unless recorded: roles that do not record health data may not send it at all.
    maternity:
      draft.sexAtBirth === 'female' && draft.maternity.status ? toMaternityInput(draft.maternity) : undefined,
    languages: draft.languages.map((language) => language.trim()).filter((language) => language.length >= 2),
    phone: text(draft.phone),
    email: text(draft.email),
    addressLine: text(draft.addressLine),
    neighbourhood: text(draft.neighbourhood),
    municipalityCode: draft.municipalityCode || null,
    returnData: returnee
      ? {
          returnType: (draft.returnType || null) as NonNullable<PersonCreate['returnData']>['returnType'],
          rurRegistered: yesNo(draft.rurRegistered),
          arrivalDate: draft.arrivalDate || null,
          arrivalMode: (draft.arrivalMode || null) as 'air' | 'land' | null,
          arrivalPost: text(draft.arrivalPost),
          returnedFromCountry: draft.returnedFromCountry || null,
          yearsAbroad: draft.yearsAbroad.trim() === '' ? null : Number(draft.yearsAbroad),
          voluntary: yesNo(draft.voluntary),
        }
      : null,
    documents: typedDocuments(draft).map((document) => ({
      type: document.type,
      number: document.number.trim(),
      issuingCountry: document.issuingCountry || null,
    })),
    acknowledgeDuplicates,
  };
}

/** The body of the duplicate check, or null while there is not enough to compare (both first names needed). */
export function toDuplicateCheck(draft: RegistrationDraft): DuplicateCheck | null {
  const givenName1 = draft.givenName1.trim();
  const surname1 = draft.surname1.trim();
  const documents = typedDocuments(draft).map((document) => ({
    type: document.type,
    number: document.number.trim(),
  }));
  if (!(givenName1 && surname1)) return null;
  return {
    givenName1,
    givenName2: text(draft.givenName2),
    surname1,
    surname2: text(draft.surname2),
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(draft.birthDate) ? draft.birthDate : null,
    sexAtBirth: draft.sexAtBirth || null,
    municipalityCode: /^\d{5}$/.test(draft.municipalityCode) ? draft.municipalityCode : null,
    documents,
  };
}

/** The step of the form that shows a field the server named (`documents.0.number`, `returnData.arrivalDate`…). */
export function stepOfField(path: string): Step {
  const head = path.split('.')[0] ?? '';
  if (head === 'documents') return 'documents';
  if (['phone', 'email', 'addressLine', 'neighbourhood', 'municipalityCode'].includes(head)) return 'contact';
  if (['returnData', 'disability', 'ethnicGroup', 'languages', 'genderIdentity'].includes(head))
    return 'more';
  return 'person';
}

/**
 * The value a field path of the API (`documents.0.number`, `returnData.arrivalDate`, `disability.seeing`) has in
 * the draft, to tell whether the user changed it since the server complained about it.
 */
export function draftValueAt(draft: RegistrationDraft, path: string): string {
  const [head = '', second, third] = path.split('.');
  if (head === 'documents') {
    const row = draft.documents[Number(second)];
    return JSON.stringify(third && row ? row[third as keyof typeof row] : row);
  }
  if (head === 'returnData' && second) return JSON.stringify(draft[second as keyof RegistrationDraft]);
  if (head === 'disability' && second) return JSON.stringify(draft.disability[second as WgDomain]);
  if (head === 'maternity' && second) return JSON.stringify(draft.maternity[second as keyof MaternityDraft]);
  if (head === 'municipalityCode') return draft.municipalityCode;
  return JSON.stringify(draft[head as keyof RegistrationDraft]);
}
