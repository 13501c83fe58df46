import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { colombianDate } from '../../domain/calendar';
import { employerStanding, mayReceiveCandidates } from '../../domain/employment/employer-standing';
import {
  type Availability,
  type ComponentResult,
  departmentOf,
  type MatchFilters,
  type MatchSeeker,
  type MatchVacancy,
  passesFilters,
  scoreMatch,
  topMatches,
} from '../../domain/employment/matching';
import type { EducationLevel } from '../../domain/employment/vocabulary';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { Language } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { CharacterizationService } from '../characterization/service';
import type { Actor } from '../identity/actor';
import type { RegistryService } from '../registry/service';
import { demandReport } from './demand-service';
import { matchingPolicy as policy } from './matching-policy';
import * as q from './matching-queries';
import type {
  CandidatesQuery,
  DemandQuery,
  JobProfileUpdate,
  PersonVacanciesQuery,
} from './matching-schemas';

type ProfileRow = NonNullable<Awaited<ReturnType<typeof q.findProfile>>>;
type FilterQuery = z.infer<typeof CandidatesQuery> | z.infer<typeof PersonVacanciesQuery>;

const asFilters = (query: FilterQuery): MatchFilters => ({
  minScore: query.minScore,
  sameMunicipality: query.sameMunicipality === 'true',
  sameDepartment: query.sameDepartment === 'true',
  educationMeets: query.educationMeets === 'true',
  excludeNotAvailable: query.excludeNotAvailable === 'true',
});

export const seekerOf = (row: {
  ciuo_codes: string[];
  skills: string[];
  education_level: string | null;
  experience_months: number;
  municipality_code: string | null;
  availability: string | null;
}): MatchSeeker => ({
  ciuoCodes: row.ciuo_codes,
  skills: row.skills,
  educationLevel: row.education_level as EducationLevel | null,
  experienceMonths: row.experience_months,
  municipalityCode: row.municipality_code,
  availability: row.availability as Availability | null,
});

export const vacancyOf = (row: {
  ciuo_code: string;
  required_skills: string[];
  education_level: string | null;
  experience_months: number;
  municipality_code: string;
}): MatchVacancy => ({
  ciuoCode: row.ciuo_code,
  requiredSkills: row.required_skills,
  educationLevel: row.education_level as EducationLevel | null,
  experienceMonths: row.experience_months,
  municipalityCode: row.municipality_code,
});

/** The prefixes matching first looks in (the sub-major group, 2 digits), then widens to (the major group). */
const familyPrefix = (code: string, digits: number) => code.slice(0, Math.min(digits, code.length));

export function createMatchingService({
  db,
  audit,
  registry,
  characterization,
  clock = () => new Date(),
}: {
  db: Kysely<Database>;
  audit: AuditService;
  registry: RegistryService;
  characterization: CharacterizationService;
  clock?: (() => Date) | undefined;
}) {
  const today = () => colombianDate(clock());

  /** Titles of occupation codes and names of municipalities, for the explanations. */
  async function labels(
    occupationCodes: Iterable<string>,
    municipalityCodes: Iterable<string>,
    language: Language,
  ) {
    const [occupations, municipalities] = await Promise.all([
      q.occupationTitles(db, [...new Set(occupationCodes)]),
      q.municipalityNames(db, [...new Set(municipalityCodes)]),
    ]);
    const titles = new Map(occupations.map((o) => [o.code, language === 'en' ? o.title_en : o.title_es]));
    const names = new Map(municipalities.map((m) => [m.code, m.name]));
    return {
      title: (code: string | null) => (code ? (titles.get(code) ?? code) : null),
      name: (code: string | null) => (code ? (names.get(code) ?? null) : null),
    };
  }

  type Labels = Awaited<ReturnType<typeof labels>>;

  function codesToLabel(components: ComponentResult[]) {
    const occupations: string[] = [];
    const municipalities: string[] = [];
    for (const c of components) {
      if (c.component === 'occupation') {
        for (const code of [c.params.groupCode, c.params.personCode, c.params.vacancyCode]) {
          if (code) occupations.push(code);
        }
      }
      if (c.component === 'municipality') {
        municipalities.push(c.params.vacancy);
        if (c.params.person) municipalities.push(c.params.person);
      }
    }
    return { occupations, municipalities };
  }

  function explain(components: ComponentResult[], l: Labels) {
    return components.map((c) => {
      let params: Record<string, unknown> = c.params;
      if (c.component === 'occupation') {
        params = {
          ...c.params,
          groupTitle: l.title(c.params.groupCode),
          personTitle: l.title(c.params.personCode),
          vacancyTitle: l.title(c.params.vacancyCode),
        };
      } else if (c.component === 'municipality') {
        params = { ...c.params, vacancyName: l.name(c.params.vacancy), personName: l.name(c.params.person) };
      }
      return { component: c.component, points: c.points, maxPoints: c.maxPoints, reason: c.reason, params };
    });
  }

  async function personWork(actor: Actor, personId: string) {
    if (!policy.mayWorkWithPersons(actor)) throw new AppError('forbidden');
    const { officeIds } = await registry.personAccess(actor, personId);
    if (!policy.personWork(actor, officeIds)) throw new AppError('forbidden');
    return officeIds;
  }

  async function presentProfile(row: ProfileRow, language: Language) {
    const l = await labels(row.ciuo_codes, row.municipality_code ? [row.municipality_code] : [], language);
    return {
      personId: row.person_id,
      ciuoCodes: row.ciuo_codes.map((code) => ({ code, title: l.title(code) as string })),
      skills: row.skills,
      educationLevel: row.education_level as EducationLevel | null,
      experienceMonths: row.experience_months,
      municipalityCode: row.municipality_code,
      municipalityName: l.name(row.municipality_code),
      availability: row.availability as Availability | null,
      seeking: row.seeking,
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** What the person's latest characterization and registry record say, as profile fields. */
  async function fieldsFromRecords(
    actor: Actor,
    personId: string,
    language: Language,
  ): Promise<q.ProfileFields> {
    const [view, person] = await Promise.all([
      characterization.getCharacterization(actor, personId, language),
      registry.getPerson(actor, personId),
    ]);
    const current = view.current;
    const years = (current?.occupations ?? []).map((o) => o.yearsExperience ?? 0);
    return {
      ciuo_codes: [...new Set((current?.occupations ?? []).map((o) => o.ciuoCode))],
      skills: current?.answers.work.skills ?? [],
      education_level: current?.answers.education.level ?? null,
      experience_months: Math.round(Math.max(0, ...years) * 12),
      municipality_code: person.municipalityCode ?? null,
      availability: current?.answers.work.availability ?? null,
      seeking: true,
    };
  }

  /** Creates the profile from the records, or brings an existing one up to date with them (keeping `seeking`). */
  async function refresh(actor: Actor, personId: string, language: Language) {
    const fields = await fieldsFromRecords(actor, personId, language);
    const existing = await q.findProfile(db, personId);
    const now = clock();
    const saved = await db.transaction().execute(async (trx) => {
      const row = existing
        ? await q.updateProfileAtVersion(
            trx,
            personId,
            existing.version,
            { ...fields, seeking: existing.seeking },
            now,
          )
        : await q.insertProfile(trx, personId, fields, now);
      if (!row) throw new AppError('conflict', {}, { current: null });
      await audit.record(trx, actor, {
        action: 'employment.job_profile_refreshed',
        recordType: 'person',
        recordId: personId,
      });
      return row;
    });
    return saved;
  }

  return {
    async getProfile(actor: Actor, personId: string, language: Language) {
      await personWork(actor, personId);
      const row = await q.findProfile(db, personId);
      return { profile: row ? await presentProfile(row, language) : null, abilities: { edit: true } };
    },

    async refreshProfile(actor: Actor, personId: string, language: Language) {
      await personWork(actor, personId);
      return presentProfile(await refresh(actor, personId, language), language);
    },

    /** Staff's corrections to a profile, at the version read (0 to create one; 409 with the current when stale). */
    async updateProfile(
      actor: Actor,
      personId: string,
      input: z.infer<typeof JobProfileUpdate>,
      language: Language,
    ) {
      await personWork(actor, personId);
      const codes = [...new Set(input.ciuoCodes)];
      const unknown = await q.unknownUnitGroups(db, codes);
      const problems = unknown.map((code) => ({
        path: `ciuoCodes.${input.ciuoCodes.indexOf(code)}`,
        messageKey: 'matching.unknownCiuoCode',
      }));
      if (input.municipalityCode && !(await q.municipalityExists(db, input.municipalityCode))) {
        problems.push({ path: 'municipalityCode', messageKey: 'matching.unknownMunicipality' });
      }
      if (problems.length) throw new InvalidFieldsError(problems);
      const fields: q.ProfileFields = {
        ciuo_codes: codes,
        skills: [...new Set(input.skills)],
        education_level: input.educationLevel,
        experience_months: input.experienceMonths,
        municipality_code: input.municipalityCode,
        availability: input.availability,
        seeking: input.seeking,
      };
      const before = await q.findProfile(db, personId);
      const now = clock();
      const saved = await db.transaction().execute(async (trx) => {
        const row =
          input.version === 0
            ? await q.insertProfile(trx, personId, fields, now)
            : await q.updateProfileAtVersion(trx, personId, input.version, fields, now);
        if (!row) return null;
        await audit.record(trx, actor, {
          action: 'employment.job_profile_saved',
          recordType: 'person',
          recordId: personId,
          changes: {
            before: before ? { ...before, updated_at: undefined } : {},
            after: { ...fields },
          },
        });
        return row;
      });
      if (!saved) {
        const current = await q.findProfile(db, personId);
        throw new AppError(
          'conflict',
          {},
          { current: current ? await presentProfile(current, language) : null },
        );
      }
      return presentProfile(saved, language);
    },

    /**
     * The best candidates for a vacancy among seeking job seekers of its occupation family (the sub-major group,
     * widened to the major group when too few pass the filters). Staff see the people their offices serve; the
     * employer's focal point only people with sharing consent, with their minimum data, and the read is audited.
     */
    async candidates(
      actor: Actor,
      vacancyId: string,
      query: z.infer<typeof CandidatesQuery>,
      language: Language,
    ) {
      if (!policy.mayAskCandidates(actor)) throw new AppError('forbidden');
      const row = await q.findVacancy(db, vacancyId);
      if (!row) throw new AppError('notFound');
      const asEmployer = policy.employerOf(actor, row.organization_id);
      if (!policy.isStaff(actor) && !asEmployer) throw new AppError('notFound');
      const verification =
        row.valid_until === null
          ? null
          : {
              checks: {
                legalRegistration: Boolean(row.legal_registration),
                formalContracts: Boolean(row.formal_contracts),
                socialSecurity: Boolean(row.social_security),
                minimumWageOrMore: Boolean(row.minimum_wage_or_more),
                safeConditions: Boolean(row.safe_conditions),
                nonDiscrimination: Boolean(row.non_discrimination),
              },
              validUntil: row.valid_until,
            };
      const employerVerified = mayReceiveCandidates(employerStanding(verification, today()));
      // An employer that is not verified and in date receives no candidates.
      if (asEmployer && !employerVerified) throw new AppError('forbidden');

      const vacancy = vacancyOf(row);
      const filters = asFilters(query);
      const search = async (digits: number) => {
        const codes = (await q.codesUnder(db, [familyPrefix(vacancy.ciuoCode, digits)])).filter(
          (c) => c.length === 4,
        );
        const seekers = await q.seekersOf(
          db,
          {
            codes,
            officeIds: asEmployer ? null : policy.candidateOffices(actor),
            requireSharingConsent: asEmployer,
            municipalityCode: filters.sameMunicipality ? vacancy.municipalityCode : undefined,
            departmentCode: filters.sameDepartment ? departmentOf(vacancy.municipalityCode) : undefined,
            educationAtLeast: filters.educationMeets ? vacancy.educationLevel : undefined,
            excludeNotAvailable: filters.excludeNotAvailable,
          },
          vacancyId,
        );
        return topMatches(
          seekers,
          // Room for the consent re-check below to drop a few.
          asEmployer ? query.limit * 2 : query.limit,
          (s) => {
            const seeker = seekerOf(s);
            const result = scoreMatch(vacancy, seeker);
            return { result, passes: passesFilters(vacancy, seeker, result, filters) };
          },
          (s) => s.person_id,
        );
      };
      let widened = false;
      let top = await search(2);
      if (top.length < query.limit && vacancy.ciuoCode.length > 1) {
        top = await search(1);
        widened = true;
      }
      if (asEmployer) {
        // The registry has the last word on consent, checked for each person shown.
        const consented = [];
        for (const match of top) {
          if (consented.length >= query.limit) break;
          if (await registry.hasConsent(match.item.person_id, 'sharing_with_partners')) consented.push(match);
        }
        top = consented;
      }
      const wanted = codesToLabel(top.flatMap((t) => t.result.components));
      const l = await labels([vacancy.ciuoCode, ...wanted.occupations], wanted.municipalities, language);
      const names = new Map(
        (
          await q.namesOf(
            db,
            top.map((t) => t.item.person_id),
          )
        ).map((p) => [p.id, p]),
      );
      const candidates = top.map(({ item, result }) => {
        const person = names.get(item.person_id);
        const given = person?.preferred_name || person?.given_name_1 || '';
        const surname = person?.surname_1 ?? '';
        return {
          personId: item.person_id,
          name: asEmployer ? `${given} ${surname.charAt(0)}.` : `${given} ${surname}`,
          municipalityCode: item.municipality_code,
          municipalityName: l.name(item.municipality_code),
          score: result.score,
          components: explain(result.components, l),
          applicationStatus: item.application_status,
        };
      });
      await audit.record(db, actor, {
        action: asEmployer ? 'employment.candidates_shared' : 'employment.candidates_read',
        recordType: 'vacancy',
        recordId: vacancyId,
        changes: { after: { personIds: candidates.map((c) => c.personId) } },
      });
      return {
        vacancy: {
          id: row.id,
          title: row.title,
          ciuoCode: row.ciuo_code,
          ciuoTitle: l.title(row.ciuo_code) as string,
          organizationName: row.organization_name,
          employerVerified,
        },
        candidates,
        widened,
        consentFiltered: asEmployer,
      };
    },

    /** Open vacancies of verified employers that best fit a person, scored from their job profile. */
    async vacanciesFor(
      actor: Actor,
      personId: string,
      query: z.infer<typeof PersonVacanciesQuery>,
      language: Language,
    ) {
      await personWork(actor, personId);
      // Without a saved profile, suggest from the records as they are now: reading suggestions never writes one
      // (version 0 says it is not saved yet).
      const profileRow: ProfileRow = (await q.findProfile(db, personId)) ?? {
        person_id: personId,
        ...(await fieldsFromRecords(actor, personId, language)),
        version: 0,
        updated_at: clock(),
      };
      const seeker = seekerOf(profileRow);
      const filters = asFilters(query);
      const search = async (digits: number) => {
        const prefixes = [...new Set(seeker.ciuoCodes.map((c) => familyPrefix(c, digits)))];
        // Vacancies posted at a broader group than the person's occupation count too.
        const broader = seeker.ciuoCodes.flatMap((c) => [c.slice(0, 1), c.slice(0, 2), c.slice(0, 3)]);
        const codes = [
          ...new Set([...(await q.codesUnder(db, prefixes)), ...(prefixes.length ? broader : [])]),
        ];
        const rows = await q.openVacanciesOf(
          db,
          {
            codes,
            today: today(),
            municipalityCode: filters.sameMunicipality ? (seeker.municipalityCode ?? '-') : undefined,
            departmentCode: filters.sameDepartment
              ? seeker.municipalityCode
                ? departmentOf(seeker.municipalityCode)
                : '-'
              : undefined,
          },
          personId,
        );
        return topMatches(
          rows,
          query.limit,
          (v) => {
            const vacancy = vacancyOf(v);
            const result = scoreMatch(vacancy, seeker);
            return { result, passes: passesFilters(vacancy, seeker, result, filters) };
          },
          (v) => v.id,
        );
      };
      let widened = false;
      let top = await search(2);
      if (top.length < query.limit && seeker.ciuoCodes.length) {
        top = await search(1);
        widened = true;
      }
      const wanted = codesToLabel(top.flatMap((t) => t.result.components));
      const l = await labels(
        [...wanted.occupations, ...top.map((t) => t.item.ciuo_code)],
        [...wanted.municipalities, ...top.map((t) => t.item.municipality_code)],
        language,
      );
      return {
        profile: await presentProfile(profileRow, language),
        vacancies: top.map(({ item, result }) => ({
          vacancyId: item.id,
          title: item.title,
          organizationName: item.organization_name,
          ciuoCode: item.ciuo_code,
          ciuoTitle: l.title(item.ciuo_code) as string,
          municipalityCode: item.municipality_code,
          municipalityName: l.name(item.municipality_code),
          monthlyWage: item.monthly_wage,
          contractType: item.contract_type,
          positions: item.positions,
          closesOn: item.closes_on,
          score: result.score,
          components: explain(result.components, l),
          applicationStatus: item.application_status,
        })),
        widened,
      };
    },

    /** The labour demand view: aggregates only (coordinators, analysts, the administrator). */
    async demand(actor: Actor, query: z.infer<typeof DemandQuery>, language: Language) {
      if (!policy.readDemand(actor)) throw new AppError('forbidden');
      return demandReport(db, query, language);
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
