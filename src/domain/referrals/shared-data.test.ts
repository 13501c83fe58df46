import { describe, expect, it } from 'vitest';
import { SHARED_FIELDS, type SharablePerson, sharedDataOf } from './shared-data';

const PERSON: SharablePerson & Record<string, unknown> = {
  givenName1: 'María',
  givenName2: 'José',
  surname1: 'Pérez',
  surname2: null,
  birthDate: '1995-01-20',
  sexAtBirth: 'female',
  phone: '+573001234567',
  populationGroup: 'returnee',
  municipalityCode: '08001',
  municipalityName: 'Barranquilla',
  documents: [
    { type: 'PA', number: 'AB123' },
    { type: 'CC', number: '1045123456' },
  ],
  // What must never travel: whatever else a caller passes in.
  maternityStatus: 'pregnant',
  disability: true,
  notes: 'confidencial',
};

describe('data shared with a partner', () => {
  it('keeps only the minimum: name, one document, phone, age, sex, group, municipality and the reason', () => {
    const shared = sharedDataOf(PERSON, 'Curso de panadería', '2026-12-06');
    expect(shared).toEqual({
      name: 'María José Pérez',
      documentType: 'CC',
      documentNumber: '1045123456',
      phone: '+573001234567',
      age: 31,
      sex: 'female',
      populationGroup: 'returnee',
      municipalityCode: '08001',
      municipalityName: 'Barranquilla',
      reason: 'Curso de panadería',
    });
    expect(JSON.stringify(shared)).not.toMatch(/pregnant|confidencial|disability/);
  });

  it('sends the document the service asks for when the person has it', () => {
    expect(sharedDataOf(PERSON, 'x', '2026-12-06', ['PA']).documentType).toBe('PA');
  });

  it('names the shared fields the caseworker is shown before sending', () => {
    expect(SHARED_FIELDS).not.toContain('household');
    expect(SHARED_FIELDS).toContain('reason');
  });
});
