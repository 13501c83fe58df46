import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMoveCourse,
  canMoveEnrolment,
  canMoveFinancing,
  canMoveUnit,
  isFinancingClosed,
  isOperatingBusiness,
  nextFinancingStatuses,
  nextUnitStages,
} from './stages';
import {
  COURSE_STATUSES,
  ENROLMENT_STATUSES,
  FINANCING_STATUSES,
  type FinancingStatus,
  UNIT_STAGES,
  type UnitStage,
} from './vocabulary';

describe('productive unit stages', () => {
  it('moves one step forward or back, and closes from any open stage', () => {
    expect(nextUnitStages('idea')).toEqual(['business_plan', 'closed']);
    expect(nextUnitStages('start_up')).toEqual(['operating', 'business_plan', 'closed']);
    expect(nextUnitStages('consolidated')).toEqual(['operating', 'closed']);
    expect(canMoveUnit('idea', 'operating')).toBe(false);
    expect(canMoveUnit('operating', 'idea')).toBe(false);
    expect(canMoveUnit('operating', 'consolidated')).toBe(true);
  });

  it('never reopens a closed unit', () => {
    for (const stage of UNIT_STAGES) expect(canMoveUnit('closed', stage)).toBe(false);
  });

  it('counts operating and consolidated units as operating businesses, nothing else', () => {
    expect(UNIT_STAGES.filter(isOperatingBusiness)).toEqual(['operating', 'consolidated']);
  });

  it('reaches every stage from an idea by allowed steps, and no walk leaves the vocabulary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNIT_STAGES), { maxLength: 30 }), (wishes) => {
        let stage: UnitStage = 'idea';
        for (const wish of wishes) {
          if (canMoveUnit(stage, wish)) stage = wish;
          expect(UNIT_STAGES).toContain(stage);
        }
        if (stage === 'closed') expect(nextUnitStages(stage)).toEqual([]);
      }),
    );
  });

  it('every allowed step is at most one position away in the order, or a closing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_STAGES), fc.constantFrom(...UNIT_STAGES), (from, to) => {
        if (!canMoveUnit(from, to) || to === 'closed') return;
        expect(Math.abs(UNIT_STAGES.indexOf(from) - UNIT_STAGES.indexOf(to))).toBe(1);
      }),
    );
  });
});

describe('financing application statuses', () => {
  it('follows draft → submitted → in review → approved → disbursed', () => {
    expect(canMoveFinancing('draft', 'submitted', 'office')).toBe(true);
    expect(canMoveFinancing('submitted', 'in_review', 'intermediary')).toBe(true);
    expect(canMoveFinancing('in_review', 'approved', 'intermediary')).toBe(true);
    expect(canMoveFinancing('approved', 'disbursed', 'office')).toBe(true);
    expect(canMoveFinancing('draft', 'approved', 'office')).toBe(false);
    expect(canMoveFinancing('rejected', 'approved', 'office')).toBe(false);
  });

  it('leaves submitting and withdrawing to the office, never to the intermediary', () => {
    expect(canMoveFinancing('draft', 'submitted', 'intermediary')).toBe(false);
    for (const status of FINANCING_STATUSES)
      expect(nextFinancingStatuses(status, 'intermediary')).not.toContain('withdrawn');
    expect(canMoveFinancing('in_review', 'withdrawn', 'office')).toBe(true);
  });

  it('ends in rejected, disbursed or withdrawn, with nothing after', () => {
    expect(FINANCING_STATUSES.filter(isFinancingClosed)).toEqual(['rejected', 'disbursed', 'withdrawn']);
  });

  it('never reaches disbursed without passing through approved', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...FINANCING_STATUSES), fc.constantFrom('office', 'intermediary')),
          {
            maxLength: 25,
          },
        ),
        (steps) => {
          let status: FinancingStatus = 'draft';
          const seen: FinancingStatus[] = [status];
          for (const [to, side] of steps) {
            if (canMoveFinancing(status, to, side as 'office' | 'intermediary')) {
              status = to;
              seen.push(to);
            }
          }
          if (seen.includes('disbursed')) expect(seen).toContain('approved');
          if (seen.includes('approved')) expect(seen).toContain('in_review');
        },
      ),
    );
  });
});

describe('enrolments and courses', () => {
  it('completes or drops an enrolment once, and never again', () => {
    expect(canMoveEnrolment('enrolled', 'completed')).toBe(true);
    expect(canMoveEnrolment('in_progress', 'dropped')).toBe(true);
    for (const to of ENROLMENT_STATUSES) {
      expect(canMoveEnrolment('completed', to)).toBe(false);
      expect(canMoveEnrolment('dropped', to)).toBe(false);
    }
  });

  it('keeps a finished or cancelled course as it is', () => {
    for (const to of COURSE_STATUSES.filter((s) => s !== 'finished'))
      expect(canMoveCourse('finished', to)).toBe(false);
    expect(canMoveCourse('open', 'open')).toBe(true);
    expect(canMoveCourse('planned', 'finished')).toBe(false);
  });
});
