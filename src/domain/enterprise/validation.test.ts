import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCourse, checkFinancing, formatCop } from './validation';

const application = {
  status: 'approved',
  amountRequested: 5_000_000,
  amountApproved: 4_000_000,
  approvalNote: null,
  submittedOn: '2026-10-01',
  decidedOn: '2026-10-20',
  disbursedOn: null,
};

describe('checkFinancing', () => {
  it('accepts an approval within the amount requested, with ordered dates', () => {
    expect(checkFinancing(application)).toEqual([]);
  });

  it('names amountApproved when above the request without a note, and accepts it with one', () => {
    expect(checkFinancing({ ...application, amountApproved: 6_000_000 }).map((p) => p.path)).toEqual([
      'amountApproved',
    ]);
    expect(
      checkFinancing({ ...application, amountApproved: 6_000_000, approvalNote: 'Monto mínimo de la línea' }),
    ).toEqual([]);
  });

  it('asks for an amount when approved or disbursed', () => {
    expect(checkFinancing({ ...application, amountApproved: null })[0]?.messageKey).toBe(
      'enterprise.validation.approvedAmountRequired',
    );
    expect(checkFinancing({ ...application, status: 'in_review', amountApproved: null })).toEqual([]);
  });

  it('names the date out of order', () => {
    expect(checkFinancing({ ...application, decidedOn: '2026-09-01' }).map((p) => p.path)).toEqual([
      'decidedOn',
    ]);
    expect(checkFinancing({ ...application, disbursedOn: '2026-10-19' }).map((p) => p.path)).toEqual([
      'disbursedOn',
    ]);
  });

  it('never accepts an approval above the request without a note', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        (requested, approved) => {
          const problems = checkFinancing({
            ...application,
            amountRequested: requested,
            amountApproved: approved,
          });
          expect(problems.some((p) => p.path === 'amountApproved')).toBe(approved > requested);
        },
      ),
    );
  });
});

describe('checkCourse', () => {
  it('names the end before the start and the missing place of an in-person course', () => {
    expect(
      checkCourse({ startsOn: '2026-11-01', endsOn: '2026-10-01', modality: 'in_person' }).map((p) => p.path),
    ).toEqual(['endsOn', 'municipalityCode']);
    expect(checkCourse({ startsOn: '2026-11-01', modality: 'virtual' })).toEqual([]);
  });
});

describe('formatCop', () => {
  it('writes pesos with dots between thousands and a space after the sign', () => {
    expect(formatCop(5_000_000)).toBe('$ 5.000.000');
    expect(formatCop(850)).toBe('$ 850');
    expect(formatCop(0)).toBe('$ 0');
  });

  it('round-trips through its digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(Number(formatCop(n).slice(2).replaceAll('.', ''))).toBe(n);
      }),
    );
  });
});
