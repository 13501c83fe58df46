import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReadNote, visibleLevels } from './note-access';
import { NOTE_CONFIDENTIALITY } from './vocabulary';

const coordinator = { userId: 'c', isCoordinator: true, isAssignedCaseworker: false };
const assigned = { userId: 'a', isCoordinator: false, isAssignedCaseworker: true };
const colleague = { userId: 'o', isCoordinator: false, isAssignedCaseworker: false };

describe('note confidentiality', () => {
  it('shows restricted notes to the case team and sensitive notes to coordinators', () => {
    expect(visibleLevels(coordinator)).toEqual(['normal', 'restricted', 'sensitive']);
    expect(visibleLevels(assigned)).toEqual(['normal', 'restricted']);
    expect(visibleLevels(colleague)).toEqual(['normal']);
    expect(canReadNote(assigned, { authorId: 'c', confidentiality: 'sensitive' })).toBe(false);
    expect(canReadNote(colleague, { authorId: 'a', confidentiality: 'restricted' })).toBe(false);
  });

  it('always shows authors their own notes, and never hides normal notes', () => {
    const reader = fc.record({
      userId: fc.constantFrom('a', 'b'),
      isCoordinator: fc.boolean(),
      isAssignedCaseworker: fc.boolean(),
    });
    fc.assert(
      fc.property(reader, fc.constantFrom(...NOTE_CONFIDENTIALITY), (r, level) => {
        expect(canReadNote(r, { authorId: r.userId, confidentiality: level })).toBe(true);
        expect(canReadNote(r, { authorId: 'z', confidentiality: 'normal' })).toBe(true);
        if (r.isCoordinator) expect(canReadNote(r, { authorId: 'z', confidentiality: level })).toBe(true);
      }),
    );
  });
});
