import { type Maternity, maternityApplies } from './maternity';

/** What the household page shows about its members, derived from their records so nothing is typed twice. */
export interface MemberFacts {
  birthDate: string | null;
  /** Washington Group levels (1 no difficulty … 4 cannot do at all), null when not asked. */
  disability: Array<number | null>;
  sexAtBirth?: string | null;
  /** Pregnancy or lactation as recorded on the member's record (see maternity.ts). */
  maternity?: Maternity | null;
}

export interface HouseholdComposition {
  members: number;
  childrenUnder5: number;
  schoolAge: number;
  olderAdults: number;
  withDisability: number;
  unknownAge: number;
  /** Women pregnant or breastfeeding on the day, by the dates on their records. */
  pregnantOrLactating: number;
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Counts by the usual programme cut-offs: under 5 (early childhood, ICBF), 5 to 17 (school age), 60 and over
 * (older adults, as Colombian policy defines them), and disability as the Washington Group recommends: "a lot
 * of difficulty" or worse in any domain. A woman counts as pregnant or lactating only while her status applies on
 * the day (see maternityApplies) and only when her sex at birth is female.
 */
export function householdComposition(members: MemberFacts[], today: string): HouseholdComposition {
  const composition: HouseholdComposition = {
    members: members.length,
    childrenUnder5: 0,
    schoolAge: 0,
    olderAdults: 0,
    withDisability: 0,
    unknownAge: 0,
    pregnantOrLactating: 0,
  };
  for (const member of members) {
    if (member.sexAtBirth === 'female' && maternityApplies(member.maternity ?? null, today)) {
      composition.pregnantOrLactating++;
    }
    if (member.disability.some((level) => level !== null && level >= 3)) composition.withDisability++;
    if (!member.birthDate) {
      composition.unknownAge++;
      continue;
    }
    const age = ageOn(member.birthDate, today);
    if (age < 5) composition.childrenUnder5++;
    else if (age <= 17) composition.schoolAge++;
    else if (age >= 60) composition.olderAdults++;
  }
  return composition;
}
