/**
 * Name normalization for search and duplicate detection: accents and case do not distinguish people in a
 * registry where the same name is typed "José Pérez", "JOSE PEREZ" and "jose  perez".
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}\s'-]/gu, ' ')
    .replace(/[\s'-]+/g, ' ')
    .trim();
}

export interface PersonName {
  givenName1: string;
  givenName2?: string | null;
  surname1: string;
  surname2?: string | null;
}

/** All name parts folded into one space-separated string, the text the trigram index searches. */
export function searchableName(name: PersonName): string {
  return [name.givenName1, name.givenName2, name.surname1, name.surname2]
    .filter((part): part is string => Boolean(part?.trim()))
    .map(foldName)
    .join(' ');
}

/** The name as Colombian forms write it: given names, then surnames. */
export function displayName(name: PersonName): string {
  return [name.givenName1, name.givenName2, name.surname1, name.surname2]
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => part.trim())
    .join(' ');
}
