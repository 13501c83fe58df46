import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { colombianDate } from '../../domain/calendar';
import {
  APPLICATION_STATUSES,
  type ApplicationCommand,
  type ApplicationStatus,
  allowedApplicationCommands,
  applyApplicationCommand,
} from '../../domain/employment/application-pipeline';
import {
  addMonthsToDay,
  EMPLOYER_CHECKS,
  type EmployerStanding,
  employerStanding,
  failedChecks,
  latestValidUntil,
  type VerificationChecks,
} from '../../domain/employment/employer-standing';
import { minimumMonthlyWageOn } from '../../domain/employment/minimum-wage';
import type {
  ContractType,
  EducationLevel,
  FollowUpMilestone,
  RegistrationStatus,
  VacancyStatus,
} from '../../domain/employment/vocabulary';
import { ageOn } from '../../domain/registry/household-composition';
import { displayName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import { type Language, translatorFor } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import { enqueue } from '../notifications/outbox';
import type { RegistryService } from '../registry/service';
import { employmentPolicy as policy } from './policy';
import * as q from './queries';
import type {
  ApplicationCreate,
  EmployerProfileUpdate,
  FollowUpQuery,
  FollowUpRecord,
  RegistrationUpdate,
  VacancyCreate,
  VacancyListQuery,
  VacancyUpdate,
  VerificationCreate,
} from './schemas';

type Db = Kysely<Database>;

/** Notifications go out in Spanish unless a recipient's language is known (users have none stored yet). */
const RECIPIENT_LANGUAGE: Language = 'es';

interface VerificationColumns {
  legal_registration: boolean | null;
  formal_contracts: boolean | null;
  social_security: boolean | null;
  minimum_wage_or_more: boolean | null;
  safe_conditions: boolean | null;
  non_discrimination: boolean | null;
  valid_until: string | null;
}

function checksOf(row: VerificationColumns): VerificationChecks | null {
  if (row.valid_until === null) return null;
  return {
    legalRegistration: Boolean(row.legal_registration),
    formalContracts: Boolean(row.formal_contracts),
    socialSecurity: Boolean(row.social_security),
    minimumWageOrMore: Boolean(row.minimum_wage_or_more),
    safeConditions: Boolean(row.safe_conditions),
    nonDiscrimination: Boolean(row.non_discrimination),
  };
}

function standingOf(row: VerificationColumns, today: string): EmployerStanding {
  const checks = checksOf(row);
  return employerStanding(checks && { checks, validUntil: row.valid_until as string }, today);
}

const personName = (row: {
  given_name_1: string;
  given_name_2: string | null;
  surname_1: string;
  surname_2: string | null;
}) =>
  displayName({
    givenName1: row.given_name_1,
    givenName2: row.given_name_2,
    surname1: row.surname_1,
    surname2: row.surname_2,
  });

function formatDay(day: string, language: Language) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-CO', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

const REFUSAL_FIELD = {
  employerNotVerified: 'vacancyId',
  employerExpired: 'vacancyId',
  employerFailedChecks: 'vacancyId',
  vacancyNotOpen: 'vacancyId',
  noConsent: 'personId',
} as const;
type Refusal = keyof typeof REFUSAL_FIELD;

export function createEmploymentService({
  db,
  audit,
  registry,
  clock = () => new Date(),
}: {
  db: Db;
  audit: AuditService;
  registry: Pick<RegistryService, 'personAccess'>;
  clock?: () => Date;
}) {
  const today = () => colombianDate(clock());

  function presentEmployer(row: q.EmployerRow, actor: Actor) {
    const checks = checksOf(row);
    return {
      id: row.id,
      name: row.name,
      shortName: row.short_name,
      standing: standingOf(row, today()),
      validUntil: row.valid_until,
      verifiedAt: row.verified_at?.toISOString() ?? null,
      failedChecks: checks ? failedChecks(checks) : [],
      openVacancies: Number(row.open_vacancies ?? 0),
      profile: {
        taxId: row.tax_id,
        economicActivity: row.economic_activity,
        municipalityCode: row.municipality_code,
        municipalityName: row.municipality_name,
        address: row.address,
        version: row.profile_version ?? 0,
      },
      abilities: [
        ...(policy.verify(actor) ? (['verify'] as const) : []),
        ...(policy.editProfile(actor, row.id) ? (['editProfile'] as const) : []),
        ...(policy.postVacancy(actor, row.id) ? (['postVacancy'] as const) : []),
      ],
    };
  }

  async function employerDetail(actor: Actor, organizationId: string) {
    if (!policy.enter(actor)) throw new AppError('forbidden');
    const [row] = await q.listEmployers(db, organizationId);
    if (!row) throw new AppError('notFound');
    if (!policy.readEmployer(actor, organizationId)) throw new AppError('forbidden');
    const verifications = await q.listVerifications(db, organizationId);
    return {
      ...presentEmployer(row, actor),
      verifications: verifications.map((v) => {
        const checks = checksOf(v) as VerificationChecks;
        return {
          id: v.id,
          checks,
          failedChecks: failedChecks(checks),
          verifiedAt: v.verified_at.toISOString(),
          verifiedByName: v.verified_by_name,
          validUntil: v.valid_until,
          notes: v.notes,
        };
      }),
    };
  }

  function presentVacancy(row: q.VacancyRow, actor: Actor, language: Language) {
    return {
      id: row.id,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      employerStanding: standingOf(row, today()),
      title: row.title,
      ciuoCode: row.ciuo_code,
      occupationTitle: language === 'en' ? row.occupation_title_en : row.occupation_title_es,
      description: row.description,
      requiredSkills: row.required_skills,
      educationLevel: row.education_level as EducationLevel | null,
      experienceMonths: row.experience_months,
      municipalityCode: row.municipality_code,
      municipalityName: row.municipality_name,
      contractType: row.contract_type as ContractType,
      monthlyWage: row.monthly_wage,
      positions: row.positions,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      status: row.status as VacancyStatus,
      postedByName: row.posted_by_name,
      applications: Object.fromEntries(
        APPLICATION_STATUSES.map((status) => [status, row.application_counts?.[status] ?? 0]),
      ) as Record<ApplicationStatus, number>,
      version: row.version,
      abilities: [
        ...(policy.postVacancy(actor, row.organization_id) ? (['edit'] as const) : []),
        ...(policy.mayPropose(actor) ? (['propose'] as const) : []),
        ...(policy.isStaff(actor) || policy.readAsEmployer(actor, { organizationId: row.organization_id })
          ? (['seeApplications'] as const)
          : []),
      ],
    };
  }

  async function loadVacancy(actor: Actor, id: string) {
    if (!policy.enter(actor)) throw new AppError('forbidden');
    const row = await q.findVacancy(db, id);
    if (!row) throw new AppError('notFound');
    if (!policy.readEmployer(actor, row.organization_id)) throw new AppError('forbidden');
    return row;
  }

  /** Business rules of a vacancy's fields beyond the schema: occupation, place and the minimum wage. */
  async function checkVacancyFields(input: z.infer<typeof VacancyUpdate> | z.infer<typeof VacancyCreate>) {
    const errors: Array<{ path: string; messageKey: string }> = [];
    const [occupation, municipality] = await Promise.all([
      q.findOccupation(db, input.ciuoCode),
      q.findMunicipality(db, input.municipalityCode),
    ]);
    if (occupation?.level !== 4)
      errors.push({ path: 'ciuoCode', messageKey: 'employment.validation.ciuoUnknown' });
    if (!municipality)
      errors.push({ path: 'municipalityCode', messageKey: 'employment.validation.municipalityUnknown' });
    if (input.monthlyWage < minimumMonthlyWageOn(input.opensOn))
      errors.push({ path: 'monthlyWage', messageKey: 'employment.validation.belowMinimumWage' });
    if (input.closesOn && input.closesOn < input.opensOn)
      errors.push({ path: 'closesOn', messageKey: 'employment.validation.closesBeforeOpens' });
    if (errors.length) throw new InvalidFieldsError(errors);
  }

  const vacancyColumns = (input: z.infer<typeof VacancyUpdate> | z.infer<typeof VacancyCreate>) => ({
    title: input.title,
    ciuo_code: input.ciuoCode,
    description: input.description || null,
    required_skills: [...new Set(input.requiredSkills)],
    education_level: input.educationLevel ?? null,
    experience_months: input.experienceMonths,
    municipality_code: input.municipalityCode,
    contract_type: input.contractType,
    monthly_wage: input.monthlyWage,
    positions: input.positions,
    opens_on: input.opensOn,
    closes_on: input.closesOn ?? null,
    status: input.status,
  });

  function presentApplications(
    rows: q.ApplicationRow[],
    followUps: Awaited<ReturnType<typeof q.followUpsOf>>,
    titles: Map<string, string>,
    actor: Actor,
  ) {
    const day = today();
    return rows.map((row) => {
      const asStaff = policy.readAsStaff(actor, { officeId: row.office_id });
      const status = row.status as ApplicationStatus;
      return {
        id: row.id,
        vacancyId: row.vacancy_id,
        vacancyTitle: row.vacancy_title,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        status,
        personId: asStaff ? row.person_id : null,
        officeName: asStaff ? row.office_name : null,
        appliedByName: asStaff ? row.applied_by_name : null,
        matchScore: asStaff ? row.match_score : null,
        matchExplanation: asStaff
          ? ((row.match_explanation as Record<string, unknown> | null) ?? null)
          : null,
        candidate: {
          name: personName(row),
          phone: row.phone_e164,
          email: row.email,
          age: row.birth_date ? ageOn(row.birth_date, day) : null,
          educationLevel: row.education_level as EducationLevel | null,
          experienceMonths: row.experience_months,
          occupations: (row.ciuo_codes ?? []).map((code) => titles.get(code) ?? code),
        },
        appliedAt: row.applied_at.toISOString(),
        interviewAt: row.interview_at?.toISOString() ?? null,
        decidedAt: row.decided_at?.toISOString() ?? null,
        decisionReason: row.decision_reason,
        hiredOn: row.hired_on,
        followUps: asStaff
          ? followUps
              .filter((f) => f.application_id === row.id)
              .map((f) => ({
                id: f.id,
                milestone: f.milestone as FollowUpMilestone,
                dueOn: f.due_on,
                doneAt: f.done_at?.toISOString() ?? null,
                stillEmployed: f.still_employed,
                notes: f.notes,
                overdue: !f.done_at && f.due_on < day,
              }))
          : [],
        version: row.version,
        abilities: policy.work(actor, { officeId: row.office_id, organizationId: row.organization_id })
          ? allowedApplicationCommands(status)
          : [],
      };
    });
  }

  async function present(rows: q.ApplicationRow[], actor: Actor, language: Language) {
    const [followUps, titles] = await Promise.all([
      q.followUpsOf(
        db,
        rows.map((r) => r.id),
      ),
      q.occupationTitles(db, [...new Set(rows.flatMap((r) => r.ciuo_codes ?? []))], language),
    ]);
    return presentApplications(rows, followUps, titles, actor);
  }

  /** The employer's read of its candidates' data is audited (Ley 1581), as a partner's read of a referral. */
  async function auditEmployerRead(actor: Actor, rows: q.ApplicationRow[], vacancyId: string) {
    if (!rows.length) return;
    await audit.record(db, actor, {
      action: 'employment.candidates_read',
      recordType: 'vacancy',
      recordId: vacancyId,
      changes: { after: { applicationIds: rows.map((row) => row.id) } },
    });
  }

  return {
    async listEmployers(actor: Actor) {
      if (!policy.enter(actor)) throw new AppError('forbidden');
      const rows = await q.listEmployers(db, policy.isStaff(actor) ? undefined : actor.organizationId);
      return { items: rows.map((row) => presentEmployer(row, actor)) };
    },

    getEmployer: employerDetail,

    /** Saves an employer's profile at the version read (0 the first time; 409 when stale). */
    async updateProfile(actor: Actor, organizationId: string, input: z.infer<typeof EmployerProfileUpdate>) {
      await employerDetail(actor, organizationId);
      if (!policy.editProfile(actor, organizationId)) throw new AppError('forbidden');
      if (input.municipalityCode && !(await q.findMunicipality(db, input.municipalityCode)))
        throw new InvalidFieldsError([
          { path: 'municipalityCode', messageKey: 'employment.validation.municipalityUnknown' },
        ]);
      const values = {
        tax_id: input.taxId || null,
        economic_activity: input.economicActivity || null,
        municipality_code: input.municipalityCode || null,
        address: input.address || null,
      };
      const saved = await db.transaction().execute(async (trx) => {
        const ok =
          input.version === 0
            ? await q.insertProfile(trx, { organization_id: organizationId, ...values })
            : await q.updateProfileAtVersion(trx, organizationId, input.version, values);
        if (!ok) return false;
        await audit.record(trx, actor, {
          action: 'employment.employer_profile_saved',
          recordType: 'organization',
          recordId: organizationId,
          changes: { after: values },
        });
        return true;
      });
      if (!saved)
        throw new AppError('conflict', {}, { current: await employerDetail(actor, organizationId) });
      return employerDetail(actor, organizationId);
    },

    /** Records a verification of the six work conditions; it becomes the employer's standing. */
    async verifyEmployer(actor: Actor, organizationId: string, input: z.infer<typeof VerificationCreate>) {
      if (!policy.verify(actor)) throw new AppError('forbidden');
      await employerDetail(actor, organizationId);
      const day = today();
      if (input.validUntil < day || input.validUntil > latestValidUntil(day))
        throw new InvalidFieldsError([
          { path: 'validUntil', messageKey: 'employment.validation.validUntil' },
        ]);
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertVerification(trx, {
          id,
          organization_id: organizationId,
          legal_registration: input.legalRegistration,
          formal_contracts: input.formalContracts,
          social_security: input.socialSecurity,
          minimum_wage_or_more: input.minimumWageOrMore,
          safe_conditions: input.safeConditions,
          non_discrimination: input.nonDiscrimination,
          verified_by: actor.userId,
          verified_at: clock(),
          valid_until: input.validUntil,
          notes: input.notes || null,
        });
        await audit.record(trx, actor, {
          action: 'employment.employer_verified',
          recordType: 'organization',
          recordId: organizationId,
          changes: {
            after: {
              verificationId: id,
              validUntil: input.validUntil,
              failedChecks: EMPLOYER_CHECKS.filter((c) => !input[c]),
            },
          },
        });
      });
      return employerDetail(actor, organizationId);
    },

    async listVacancies(actor: Actor, query: z.infer<typeof VacancyListQuery>, language: Language) {
      if (!policy.enter(actor)) throw new AppError('forbidden');
      const rows = await q.listVacancies(db, {
        ...query,
        organizationId: policy.isStaff(actor) ? query.organizationId : actor.organizationId,
      });
      return { items: rows.map((row) => presentVacancy(row, actor, language)) };
    },

    async getVacancy(actor: Actor, id: string, language: Language) {
      return presentVacancy(await loadVacancy(actor, id), actor, language);
    },

    async createVacancy(actor: Actor, input: z.infer<typeof VacancyCreate>, language: Language) {
      if (!policy.enter(actor)) throw new AppError('forbidden');
      if (!policy.postVacancy(actor, input.organizationId)) throw new AppError('forbidden');
      const organization = await q.findOrganization(db, input.organizationId);
      if (organization?.kind !== 'employer')
        throw new InvalidFieldsError([
          { path: 'organizationId', messageKey: 'employment.validation.notEmployer' },
        ]);
      await checkVacancyFields(input);
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertVacancy(trx, {
          id,
          organization_id: input.organizationId,
          posted_by: actor.userId,
          ...vacancyColumns(input),
        });
        await audit.record(trx, actor, {
          action: 'employment.vacancy_posted',
          recordType: 'vacancy',
          recordId: id,
          changes: { after: { organizationId: input.organizationId, ...vacancyColumns(input) } },
        });
      });
      return this.getVacancy(actor, id, language);
    },

    async updateVacancy(actor: Actor, id: string, input: z.infer<typeof VacancyUpdate>, language: Language) {
      const row = await loadVacancy(actor, id);
      if (!policy.postVacancy(actor, row.organization_id)) throw new AppError('forbidden');
      const conflict = async () =>
        new AppError(
          'conflict',
          {},
          { current: presentVacancy(await loadVacancy(actor, id), actor, language) },
        );
      if (row.version !== input.version) throw await conflict();
      await checkVacancyFields(input);
      const saved = await db.transaction().execute(async (trx) => {
        if (!(await q.updateVacancyAtVersion(trx, id, input.version, vacancyColumns(input)))) return false;
        await audit.record(trx, actor, {
          action: 'employment.vacancy_updated',
          recordType: 'vacancy',
          recordId: id,
          changes: { before: { status: row.status }, after: vacancyColumns(input) },
        });
        return true;
      });
      if (!saved) throw await conflict();
      return this.getVacancy(actor, id, language);
    },

    /**
     * Proposes a person to a vacancy (staff of an office serving the person). Refused (422, each reason named)
     * when the employer is not verified or its verification expired or failed, when the vacancy is not open, or
     * when the person has not consented to share their data with partners; 409 when already proposed.
     */
    async propose(
      actor: Actor,
      vacancyId: string,
      input: z.infer<typeof ApplicationCreate>,
      language: Language,
    ) {
      if (!policy.mayPropose(actor)) throw new AppError('forbidden');
      const vacancy = await loadVacancy(actor, vacancyId);
      const { officeIds, registeredOfficeId } = await registry.personAccess(actor, input.personId);
      if (!policy.propose(actor, officeIds)) throw new AppError('forbidden');
      const officeId = actor.officeIds.includes(registeredOfficeId)
        ? registeredOfficeId
        : (officeIds.find((id) => actor.officeIds.includes(id)) as string);
      const consentId = await q.findSharingConsentId(db, input.personId);
      const refusals: Refusal[] = [];
      const standing = standingOf(vacancy, today());
      if (standing === 'never_verified') refusals.push('employerNotVerified');
      if (standing === 'expired') refusals.push('employerExpired');
      if (standing === 'failed_checks') refusals.push('employerFailedChecks');
      if (vacancy.status !== 'open') refusals.push('vacancyNotOpen');
      if (!consentId) refusals.push('noConsent');
      if (refusals.length) {
        const t = translatorFor(language);
        const values = {
          employer: vacancy.organization_name,
          validUntil: vacancy.valid_until ? formatDay(vacancy.valid_until, language) : '',
          status: t(`employment.vacancyStatus.${vacancy.status}`),
        };
        const errors = refusals.map((reason) => ({
          in: 'body',
          path: REFUSAL_FIELD[reason],
          field: REFUSAL_FIELD[reason],
          reason,
          message: t(`employment.refusal.${reason}`, values),
        }));
        throw new AppError(
          'applicationRefused',
          { reasons: errors.map((e) => e.message).join(' ') },
          { errors, reasons: refusals },
        );
      }
      if (await q.findApplicationOfPerson(db, vacancyId, input.personId))
        throw new AppError('applicationExists');
      const id = uuidv7();
      try {
        await db.transaction().execute(async (trx) => {
          await q.insertApplication(trx, {
            id,
            vacancy_id: vacancyId,
            person_id: input.personId,
            office_id: officeId,
            status: 'applied',
            match_score: input.matchScore ?? null,
            match_explanation: input.matchExplanation ? JSON.stringify(input.matchExplanation) : null,
            consent_id: consentId,
            applied_by: actor.userId,
            applied_at: clock(),
          });
          await audit.record(trx, actor, {
            action: 'employment.application_proposed',
            recordType: 'job_application',
            recordId: id,
            officeId,
            changes: {
              after: { vacancyId, personId: input.personId, organizationId: vacancy.organization_id },
            },
          });
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new AppError('applicationExists');
        throw error;
      }
      const [row] = await q.listApplications(db, { vacancyId, personId: input.personId });
      const [presented] = await present([row as q.ApplicationRow], actor, language);
      return presented as NonNullable<typeof presented>;
    },

    /**
     * A vacancy's candidates: staff see those their offices proposed (the administrator all); the employer's focal
     * point sees only those who consent to sharing, with the minimum data, and that read is audited.
     */
    async listVacancyApplications(actor: Actor, vacancyId: string, language: Language) {
      const vacancy = await loadVacancy(actor, vacancyId);
      if (policy.readAsEmployer(actor, { organizationId: vacancy.organization_id })) {
        const rows = await q.listApplications(db, { vacancyId, withConsentOnly: true });
        await auditEmployerRead(actor, rows, vacancyId);
        return { items: await present(rows, actor, language) };
      }
      if (!policy.isStaff(actor)) throw new AppError('forbidden');
      const rows = await q.listApplications(db, {
        vacancyId,
        officeIds: actor.role === 'network_admin' ? undefined : actor.officeIds,
      });
      return { items: await present(rows, actor, language) };
    },

    /** A person's applications, for the person page: office staff who may read the person (not reception). */
    async listPersonApplications(actor: Actor, personId: string, language: Language) {
      if (!policy.mayPropose(actor)) throw new AppError('forbidden');
      await registry.personAccess(actor, personId);
      const rows = await q.listApplications(db, { personId });
      return { items: await present(rows, actor, language) };
    },

    /**
     * One step of an application at the version read (409 stale, 422 when the step does not apply), by the
     * employer's focal point or the proposing office's staff. Hiring schedules the follow-ups at 3 and 6 months
     * and tells the caseworker who proposed the person, through the outbox, in the same transaction.
     */
    async transition(
      actor: Actor,
      id: string,
      command: ApplicationCommand,
      input: { version: number; interviewAt?: string; hiredOn?: string; reason?: string },
      language: Language,
    ) {
      if (!policy.enter(actor)) throw new AppError('forbidden');
      const row = await q.findApplication(db, id);
      if (!row) throw new AppError('notFound');
      if (!policy.work(actor, { officeId: row.office_id, organizationId: row.organization_id }))
        throw new AppError(actor.role === 'partner_focal_point' ? 'forbidden' : 'notFound');
      const current = async () => {
        const [presented] = await present(
          [(await q.findApplication(db, id)) as q.ApplicationRow],
          actor,
          language,
        );
        return presented as NonNullable<typeof presented>;
      };
      if (row.version !== input.version) throw new AppError('conflict', {}, { current: await current() });
      const step = applyApplicationCommand(row.status as ApplicationStatus, command);
      if (!step.ok) {
        const t = translatorFor(language);
        throw new AppError('applicationTransition', {
          status: t(`employment.applicationStatus.${row.status}`),
          command: t(`employment.command.${command}`),
        });
      }
      if (command === 'hire' && input.hiredOn && input.hiredOn > addMonthsToDay(today(), 1))
        throw new InvalidFieldsError([{ path: 'hiredOn', messageKey: 'employment.validation.hiredOn' }]);
      const now = clock();
      const columns =
        command === 'interview'
          ? { interview_at: new Date(input.interviewAt as string) }
          : command === 'hire'
            ? { hired_on: input.hiredOn as string, decided_at: now }
            : { decision_reason: input.reason ?? null, decided_at: now };
      const recipient =
        command === 'hire'
          ? await q.findUserEmail(db, row.applied_by).then((u) => (u?.status === 'active' ? u.email : null))
          : null;
      const done = await db.transaction().execute(async (trx) => {
        if (
          !(await q.updateApplicationAtVersion(trx, id, input.version, { status: step.status, ...columns }))
        )
          return false;
        if (command === 'hire') {
          const hiredOn = input.hiredOn as string;
          const dues = { '3_months': addMonthsToDay(hiredOn, 3), '6_months': addMonthsToDay(hiredOn, 6) };
          await q.insertFollowUps(
            trx,
            Object.entries(dues).map(([milestone, dueOn]) => ({
              id: uuidv7(),
              application_id: id,
              milestone,
              due_on: dueOn,
            })),
          );
          if (recipient) {
            const t = translatorFor(RECIPIENT_LANGUAGE);
            const values = {
              vacancy: row.vacancy_title,
              employer: row.organization_name,
              hiredOn: formatDay(hiredOn, RECIPIENT_LANGUAGE),
              first: formatDay(dues['3_months'], RECIPIENT_LANGUAGE),
              second: formatDay(dues['6_months'], RECIPIENT_LANGUAGE),
            };
            await enqueue(
              trx,
              {
                topic: 'employment.hired',
                recipient,
                locale: RECIPIENT_LANGUAGE,
                subject: t('employment.notifications.hired.subject', values),
                body: t('employment.notifications.hired.body', values),
                payload: { applicationId: id, vacancyId: row.vacancy_id },
              },
              now,
            );
          }
        }
        await audit.record(trx, actor, {
          action: `employment.application_${step.status === 'interview' ? 'interview' : step.status}`,
          recordType: 'job_application',
          recordId: id,
          officeId: row.office_id,
          changes: {
            before: { status: row.status },
            after: {
              status: step.status,
              ...(input.interviewAt ? { interviewAt: input.interviewAt } : {}),
              ...(input.hiredOn ? { hiredOn: input.hiredOn } : {}),
              ...(input.reason ? { reason: input.reason } : {}),
            },
          },
        });
        return true;
      });
      if (!done) throw new AppError('conflict', {}, { current: await current() });
      return current();
    },

    /** Placement follow-ups of the caller's offices (all for the administrator), overdue or upcoming, by due day. */
    async listFollowUps(actor: Actor, query: z.infer<typeof FollowUpQuery>) {
      if (!policy.followUps(actor)) throw new AppError('forbidden');
      const day = today();
      const rows = await q.listFollowUps(db, {
        officeIds: actor.role === 'network_admin' ? undefined : actor.officeIds,
        due: query.due,
        today: day,
      });
      return {
        items: rows.map((f) => ({
          id: f.id,
          applicationId: f.application_id,
          milestone: f.milestone as FollowUpMilestone,
          dueOn: f.due_on,
          doneAt: f.done_at?.toISOString() ?? null,
          stillEmployed: f.still_employed,
          notes: f.notes,
          overdue: !f.done_at && f.due_on < day,
          personId: f.person_id,
          personName: personName(f),
          vacancyTitle: f.vacancy_title,
          organizationName: f.organization_name,
          hiredOn: f.hired_on as string,
        })),
      };
    },

    /** Records a follow-up once (409 when it was already recorded). */
    async recordFollowUp(actor: Actor, id: string, input: z.infer<typeof FollowUpRecord>) {
      if (!policy.followUps(actor)) throw new AppError('forbidden');
      const row = await q.findFollowUp(db, id);
      if (!row || !policy.recordFollowUp(actor, { officeId: row.office_id })) throw new AppError('notFound');
      const done = await db.transaction().execute(async (trx) => {
        const ok = await q.recordFollowUp(trx, id, {
          still_employed: input.stillEmployed,
          notes: input.notes || null,
          recorded_by: actor.userId,
          done_at: clock(),
        });
        if (!ok) return false;
        await audit.record(trx, actor, {
          action: 'employment.follow_up_recorded',
          recordType: 'job_application',
          recordId: row.application_id,
          officeId: row.office_id,
          changes: { after: { milestone: row.milestone, stillEmployed: input.stillEmployed } },
        });
        return true;
      });
      if (!done) throw new AppError('conflict');
      const items = (await this.listFollowUps(actor, {})).items;
      return items.find((item) => item.id === id) as (typeof items)[number];
    },

    async getRegistration(actor: Actor, personId: string) {
      await registry.personAccess(actor, personId);
      const row = await q.findRegistration(db, personId);
      return {
        registration: row
          ? {
              registeredOn: row.registered_on,
              status: row.status as RegistrationStatus,
              registrationNumber: row.registration_number,
              provider: row.provider,
              recordedByName: row.recorded_by_name,
              recordedAt: row.recorded_at.toISOString(),
              version: row.version,
            }
          : null,
      };
    },

    /** Records or updates the person's registration with the public employment service at the version read. */
    async saveRegistration(actor: Actor, personId: string, input: z.infer<typeof RegistrationUpdate>) {
      const { registeredOfficeId } = await registry.personAccess(actor, personId);
      if (input.registeredOn > today())
        throw new InvalidFieldsError([
          { path: 'registeredOn', messageKey: 'employment.validation.notFuture' },
        ]);
      const values = {
        registered_on: input.registeredOn,
        status: input.status,
        registration_number: input.registrationNumber || null,
        provider: input.provider || null,
        recorded_by: actor.userId,
      };
      const saved = await db.transaction().execute(async (trx) => {
        const ok =
          input.version === 0
            ? await q.insertRegistration(trx, { id: uuidv7(), person_id: personId, ...values })
            : await q.updateRegistrationAtVersion(trx, personId, input.version, values);
        if (!ok) return false;
        await audit.record(trx, actor, {
          action: 'employment.registration_saved',
          recordType: 'person',
          recordId: personId,
          officeId: registeredOfficeId,
          changes: { after: { registeredOn: input.registeredOn, status: input.status } },
        });
        return true;
      });
      if (!saved)
        throw new AppError(
          'conflict',
          {},
          { current: (await this.getRegistration(actor, personId)).registration },
        );
      return this.getRegistration(actor, personId);
    },
  };
}

export type EmploymentService = ReturnType<typeof createEmploymentService>;
