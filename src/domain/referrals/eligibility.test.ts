import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEligibility, type PersonFacts, type ServiceRules } from './eligibility';

const SERVICE: ServiceRules = {
  status: 'active',
  populationGroups: ['returnee', 'venezuelan_migrant'],
  sexes: [],
  minimumAge: 16,
  maximumAge: 28,
  requiredDocuments: ['CC', 'PPT'],
  municipalityCodes: ['08001'],
  locationMunicipalityCodes: ['08758'],
  capacityPerMonth: 10,
};
const PERSON: PersonFacts = {
  populationGroup: 'returnee',
  birthDate: '2000-03-15',
  sexAtBirth: 'female',
  municipalityCode: '08001',
  documentTypes: ['CC'],
  consentToShare: true,
};
const ON = { on: '2026-12-06', activeThisMonth: 3 };
const outcomes = (result: ReturnType<typeof checkEligibility>) =>
  Object.fromEntries(result.checks.map((c) => [c.rule, c.outcome]));

describe('referral eligibility', () => {
  it('passes every rule for a person the service serves, and explains each', () => {
    const result = checkEligibility(SERVICE, PERSON, ON);
    expect(result.eligible).toBe(true);
    expect(outcomes(result)).toEqual({
      service_status: 'pass',
      population_group: 'pass',
      age: 'pass',
      sex: 'pass',
      territory: 'pass',
      documents: 'pass',
      capacity: 'pass',
      consent: 'pass',
    });
    expect(result.checks.find((c) => c.rule === 'age')?.params).toEqual({
      age: 26,
      minimum: 16,
      maximum: 28,
    });
  });

  it('counts the age on the referral day', () => {
    const older = { ...PERSON, birthDate: '1992-06-01' };
    const result = checkEligibility(SERVICE, older, ON);
    expect(result.eligible).toBe(false);
    expect(result.checks.find((c) => c.rule === 'age')).toEqual({
      rule: 'age',
      outcome: 'fail',
      params: { age: 34, minimum: 16, maximum: 28 },
    });
    const birthdayTomorrow = { ...PERSON, birthDate: '1998-12-07' };
    expect(outcomes(checkEligibility(SERVICE, birthdayTomorrow, ON)).age).toBe('pass');
  });

  it('blocks without consent to share with partners, and on an inactive service', () => {
    expect(outcomes(checkEligibility(SERVICE, { ...PERSON, consentToShare: false }, ON)).consent).toBe(
      'fail',
    );
    const closed = checkEligibility({ ...SERVICE, status: 'temporarily closed' }, PERSON, ON);
    expect(closed.eligible).toBe(false);
    expect(outcomes(closed).service_status).toBe('fail');
  });

  it('warns at full capacity without blocking', () => {
    const result = checkEligibility(SERVICE, PERSON, { ...ON, activeThisMonth: 10 });
    expect(outcomes(result).capacity).toBe('warning');
    expect(result.eligible).toBe(true);
  });

  it('says unknown when the record lacks the fact, without blocking', () => {
    const result = checkEligibility(
      { ...SERVICE, sexes: ['female'], requiredDocuments: ['CC', 'certificado de estudios'] },
      { ...PERSON, birthDate: null, sexAtBirth: null, municipalityCode: null },
      ON,
    );
    expect(outcomes(result)).toMatchObject({
      age: 'unknown',
      sex: 'unknown',
      territory: 'unknown',
      documents: 'unknown',
    });
    expect(result.eligible).toBe(true);
  });

  it('treats a sex recorded as not stated as unknown', () => {
    const result = checkEligibility(
      { ...SERVICE, sexes: ['female'] },
      { ...PERSON, sexAtBirth: 'not_stated' },
      ON,
    );
    expect(result.checks.find((c) => c.rule === 'sex')?.outcome).toBe('unknown');
    expect(result.eligible).toBe(true);
  });

  it('covers the whole country when the service names no territory, and a department by its two digits', () => {
    const national = { ...SERVICE, municipalityCodes: [], locationMunicipalityCodes: [] };
    const elsewhere = { ...PERSON, municipalityCode: '11001' };
    expect(
      checkEligibility(national, elsewhere, ON).checks.find((c) => c.rule === 'territory'),
    ).toMatchObject({
      outcome: 'pass',
      params: { national: true },
    });
    expect(outcomes(checkEligibility(SERVICE, elsewhere, ON)).territory).toBe('fail');
    expect(
      outcomes(
        checkEligibility(
          { ...SERVICE, municipalityCodes: ['08'] },
          { ...PERSON, municipalityCode: '08433' },
          ON,
        ),
      ).territory,
    ).toBe('pass');
  });

  it('asks for any one of the document types named', () => {
    expect(outcomes(checkEligibility(SERVICE, { ...PERSON, documentTypes: ['PPT'] }, ON)).documents).toBe(
      'pass',
    );
    expect(outcomes(checkEligibility(SERVICE, { ...PERSON, documentTypes: ['PA'] }, ON)).documents).toBe(
      'fail',
    );
  });

  it('is never eligible when any rule fails, and always eligible when none does', () => {
    const service = fc.record({
      status: fc.constantFrom('active', 'inactive', 'defunct', 'temporarily closed'),
      populationGroups: fc.subarray(['returnee', 'venezuelan_migrant', 'host_community']),
      sexes: fc.subarray(['female', 'male', 'intersex']),
      minimumAge: fc.option(fc.integer({ min: 0, max: 40 })),
      maximumAge: fc.option(fc.integer({ min: 40, max: 99 })),
      requiredDocuments: fc.subarray(['CC', 'PPT', 'PA', 'carta laboral']),
      municipalityCodes: fc.subarray(['08001', '11001', '08']),
      locationMunicipalityCodes: fc.subarray(['08758', '05001']),
      capacityPerMonth: fc.option(fc.integer({ min: 1, max: 5 })),
    });
    const person = fc.record({
      populationGroup: fc.constantFrom('returnee', 'venezuelan_migrant', 'host_community', 'other'),
      birthDate: fc.option(fc.constantFrom('1950-01-01', '1990-07-31', '2010-02-28', '2024-11-30')),
      sexAtBirth: fc.option(fc.constantFrom('female', 'male', 'intersex')),
      municipalityCode: fc.option(fc.constantFrom('08001', '08758', '11001', '05001', '76001')),
      documentTypes: fc.subarray(['CC', 'PPT', 'PA', 'TI']),
      consentToShare: fc.boolean(),
    });
    fc.assert(
      fc.property(service, person, fc.integer({ min: 0, max: 8 }), (s, p, used) => {
        const result = checkEligibility(s, p, { on: '2026-12-06', activeThisMonth: used });
        expect(result.checks).toHaveLength(8);
        expect(result.eligible).toBe(result.checks.every((c) => c.outcome !== 'fail'));
        if (!p.consentToShare || s.status !== 'active') expect(result.eligible).toBe(false);
      }),
    );
  });
});
