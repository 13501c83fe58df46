import { foldName } from './names';

/** What the duplicate check compares: the draft of a new registration, or an existing person. */
export interface IdentityFacts {
  givenName1: string;
  givenName2?: string | null;
  surname1: string;
  surname2?: string | null;
  birthDate?: string | null;
  documents: Array<{ type: string; numberNormalized: string }>;
}

export type MatchReason =
  | 'sameDocument'
  | 'sameNumberOtherDocumentType'
  | 'sameName'
  | 'similarName'
  | 'sameBirthDate'
  | 'swappedDayMonth'
  | 'missingSecondSurname'
  | 'swappedSurnames';

export interface MatchScore {
  /** 0–1: how likely the two records are the same person. */
  score: number;
  reasons: MatchReason[];
}

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** Trigram similarity as pg_trgm computes it (shared trigrams over all distinct trigrams). */
export function nameSimilarity(a: string, b: string): number {
  const left = trigrams(foldName(a));
  const right = trigrams(foldName(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

function fullName(facts: IdentityFacts, surnames: 'both' | 'first' | 'swapped' = 'both'): string {
  const given = [facts.givenName1, facts.givenName2];
  const last =
    surnames === 'first'
      ? [facts.surname1]
      : surnames === 'swapped'
        ? [facts.surname2, facts.surname1]
        : [facts.surname1, facts.surname2];
  return [...given, ...last].filter(Boolean).join(' ');
}

function swapDayMonth(date: string): string | null {
  const [year, month, day] = date.split('-');
  if (!year || !month || !day || Number(day) > 12 || day === month) return null;
  return `${year}-${day}-${month}`;
}

/**
 * Scores how likely an existing record is the person being registered, and says why, so a caseworker can judge
 * the candidate instead of trusting a number. Documents weigh most; names and birth dates add up.
 */
export function scoreMatch(draft: IdentityFacts, existing: IdentityFacts): MatchScore {
  const reasons: MatchReason[] = [];
  let score = 0;

  const sameDocument = draft.documents.some((d) =>
    existing.documents.some((e) => e.type === d.type && e.numberNormalized === d.numberNormalized),
  );
  const sameNumber =
    !sameDocument &&
    draft.documents.some((d) => existing.documents.some((e) => e.numberNormalized === d.numberNormalized));
  if (sameDocument) {
    reasons.push('sameDocument');
    score = Math.max(score, 0.95);
  } else if (sameNumber) {
    reasons.push('sameNumberOtherDocumentType');
    score = Math.max(score, 0.7);
  }

  const similarity = nameSimilarity(fullName(draft), fullName(existing));
  const missingSecondSurname =
    Boolean(draft.surname2) !== Boolean(existing.surname2) &&
    nameSimilarity(fullName(draft, 'first'), fullName(existing, 'first')) >= 0.8;
  const swappedSurnames =
    Boolean(draft.surname2 && existing.surname2) &&
    nameSimilarity(fullName(draft, 'swapped'), fullName(existing)) >= 0.8 &&
    foldName(draft.surname1) !== foldName(existing.surname1);
  let nameScore = 0;
  if (similarity >= 0.999) {
    reasons.push('sameName');
    nameScore = 0.5;
  } else if (similarity >= 0.5) {
    reasons.push('similarName');
    nameScore = 0.25 + 0.25 * similarity;
  }
  if (missingSecondSurname) {
    reasons.push('missingSecondSurname');
    nameScore = Math.max(nameScore, 0.4);
  }
  if (swappedSurnames) {
    reasons.push('swappedSurnames');
    nameScore = Math.max(nameScore, 0.4);
  }

  let birthScore = 0;
  if (draft.birthDate && existing.birthDate) {
    if (draft.birthDate === existing.birthDate) {
      reasons.push('sameBirthDate');
      birthScore = 0.4;
    } else if (swapDayMonth(draft.birthDate) === existing.birthDate) {
      reasons.push('swappedDayMonth');
      birthScore = 0.3;
    }
  }

  score = Math.max(score, nameScore > 0 ? Math.min(0.9, nameScore + birthScore) : 0);
  if (sameDocument || sameNumber) score = Math.min(1, score + (nameScore > 0 ? 0.05 : 0));
  return { score: Math.round(score * 100) / 100, reasons };
}
