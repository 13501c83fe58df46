import type { NoteConfidentiality } from './vocabulary';

/** How the reader of a case stands towards it: the case team is its caseworker and the office's coordinators. */
export interface NoteReader {
  userId: string;
  isCoordinator: boolean;
  isAssignedCaseworker: boolean;
}

/**
 * Levels of notes a reader of the case sees whoever wrote them: normal notes everyone who may read the case;
 * restricted notes the case team; sensitive notes only the office's coordinators. Authors always see their own.
 */
export function visibleLevels(reader: NoteReader): NoteConfidentiality[] {
  if (reader.isCoordinator) return ['normal', 'restricted', 'sensitive'];
  if (reader.isAssignedCaseworker) return ['normal', 'restricted'];
  return ['normal'];
}

export function canReadNote(
  reader: NoteReader,
  note: { authorId: string; confidentiality: NoteConfidentiality },
): boolean {
  return note.authorId === reader.userId || visibleLevels(reader).includes(note.confidentiality);
}
