import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { colombianDate } from '../../domain/calendar';
import type { ActionStatus } from '../../domain/cases/vocabulary';
import {
  checkEligibility,
  type EligibilityCheck,
  type ServiceRules,
} from '../../domain/referrals/eligibility';
import { SHARED_FIELDS, type SharedData, sharedDataOf } from '../../domain/referrals/shared-data';
import { acceptDueAt, completeDueAt, isReferralOverdue } from '../../domain/referrals/sla';
import {
  allowedCommands,
  applyReferralCommand,
  EVENT_OF_COMMAND,
  type ReferralCommand,
  type ReferralOutcome,
  type ReferralStatus,
  sideOf,
} from '../../domain/referrals/state-machine';
import { displayName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import { type Language, translatorFor } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { CaseService } from '../cases/service';
import type { Actor } from '../identity/actor';
import { enqueue, type OutboxMessageInput } from '../notifications/outbox';
import type { RegistryService } from '../registry/service';
import { referralPolicy as policy } from './policy';
import * as q from './queries';
import type { InboxQuery, ReferralCreate, ReportQuery } from './schemas';

type Db = Kysely<Database>;
type T = ReturnType<typeof translatorFor>;

/** What the referrals module needs of a directory service (the directory service's `getServiceForReferral`). */
export interface ServiceForReferral extends ServiceRules {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  acceptanceDays: number;
  completionDays: number | null;
}

export interface DirectoryPort {
  getServiceForReferral(serviceId: string): Promise<ServiceForReferral | null>;
}

/** The case's side of a referral's step: the linked action's status and the history entry. */
const CASE_FLOW: Record<ReferralCommand, { kind: string; actionStatus: ActionStatus }> = {
  accept: { kind: 'referral_accepted', actionStatus: 'in_progress' },
  start: { kind: 'referral_started', actionStatus: 'in_progress' },
  complete: { kind: 'referral_completed', actionStatus: 'done' },
  decline: { kind: 'referral_declined', actionStatus: 'pending' },
  notAttended: { kind: 'referral_not_attended', actionStatus: 'pending' },
  withdraw: { kind: 'referral_withdrawn', actionStatus: 'pending' },
};

/** Notifications go out in Spanish unless a recipient's language is known (users have none stored yet). */
const RECIPIENT_LANGUAGE: Language = 'es';

function formatDay(date: Date, language: Language) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-CO', {
    dateStyle: 'long',
    timeZone: 'America/Bogota',
  }).format(date);
}

/** The first instant of the current month in Colombia. */
function monthStart(now: Date): Date {
  return new Date(`${colombianDate(now).slice(0, 7)}-01T00:00:00-05:00`);
}

const list = (items: string[]) => items.join(', ');

/** One check explained in a language: what the person has and what the service asks. */
export function describeCheck(t: T, check: EligibilityCheck, places: Map<string, string>): string {
  const p = check.params;
  const key = `referrals.check.${check.rule}`;
  switch (check.rule) {
    case 'service_status':
      return t(`${key}.${check.outcome}`, {
        status: t(`referrals.serviceStatus.${String(p.status).replace(' ', '_')}`),
      });
    case 'population_group': {
      const groups = (p.groups as string[]).map((g) => t(`referrals.populationGroup.${g}`));
      if (!groups.length) return t(`${key}.any`);
      return t(`${key}.${check.outcome}`, {
        group: t(`referrals.populationGroup.${p.group}`),
        groups: list(groups),
      });
    }
    case 'age': {
      const { minimum, maximum } = p as { minimum: number | null; maximum: number | null };
      if (minimum === null && maximum === null) return t(`${key}.any`);
      const range =
        minimum !== null && maximum !== null
          ? t(`${key}.range`, { minimum, maximum })
          : minimum !== null
            ? t(`${key}.from`, { minimum })
            : t(`${key}.upTo`, { maximum });
      return t(`${key}.${check.outcome === 'pass' ? 'pass' : check.outcome}`, { age: p.age, range });
    }
    case 'sex': {
      const sexes = (p.sexes as string[]).map((s) => t(`referrals.sex.${s}`));
      if (!sexes.length) return t(`${key}.any`);
      return t(`${key}.${check.outcome}`, {
        sex: p.sex ? t(`referrals.sex.${p.sex}`) : '',
        sexes: list(sexes),
      });
    }
    case 'territory': {
      if (p.national) return t(`${key}.national`);
      const name = (code: string) => places.get(code) ?? code;
      return t(`${key}.${check.outcome}`, {
        municipality: p.municipality ? name(String(p.municipality)) : '',
        places: list((p.codes as string[]).map(name)),
      });
    }
    case 'documents': {
      const { required, other, held } = p as { required: string[]; other: string[]; held: string[] };
      if (!required.length && !other.length) return t(`${key}.none`);
      if (check.outcome === 'fail') return t(`${key}.fail`, { required: list(required) });
      if (check.outcome === 'unknown')
        return held.length
          ? t(`${key}.unknownWithHeld`, { held: list(held), other: list(other) })
          : t(`${key}.unknown`, { other: list(other) });
      return t(`${key}.pass`, { held: list(held) });
    }
    case 'capacity':
      if (p.capacity === null) return t(`${key}.none`);
      return t(`${key}.${check.outcome}`, { used: p.used, capacity: p.capacity });
    case 'consent':
      return t(`${key}.${check.outcome}`);
  }
}

export function createReferralService({
  db,
  audit,
  registry,
  cases,
  directory,
  clock = () => new Date(),
}: {
  db: Db;
  audit: AuditService;
  registry: RegistryService;
  cases: Pick<CaseService, 'addReferralAction' | 'recordReferralStep'>;
  directory: DirectoryPort;
  clock?: () => Date;
}) {
  /** Several referrals' checks explained in a language, with one look-up of the places they name. */
  async function explainMany(lists: EligibilityCheck[][], language: Language) {
    const codes = new Set<string>();
    for (const check of lists.flat())
      if (check.rule === 'territory') {
        for (const code of (check.params.codes as string[]) ?? []) codes.add(code);
        if (check.params.municipality) codes.add(String(check.params.municipality));
      }
    const places = await q.placeNames(db, [...codes]);
    const t = translatorFor(language);
    return lists.map((checks) =>
      checks.map((check) => ({
        rule: check.rule,
        outcome: check.outcome,
        message: describeCheck(t, check, places),
      })),
    );
  }

  async function explain(checks: EligibilityCheck[], language: Language) {
    return (await explainMany([checks], language))[0] ?? [];
  }

  /** The case a caller refers from: 403 for roles that never refer, 404 outside their offices. */
  async function loadCase(actor: Actor, caseId: string) {
    if (!policy.mayRefer(actor)) throw new AppError('forbidden');
    const c = await q.findCase(db, caseId);
    if (!c || !policy.readCase(actor, { officeId: c.office_id, caseworkerId: c.caseworker_id }))
      throw new AppError('notFound');
    return c;
  }

  async function evaluate(c: NonNullable<Awaited<ReturnType<typeof q.findCase>>>, serviceId: string) {
    if (!c.person_id)
      throw new InvalidFieldsError([{ path: 'serviceId', messageKey: 'referrals.householdCase' }]);
    const service = await directory.getServiceForReferral(serviceId);
    if (!service)
      throw new InvalidFieldsError([{ path: 'serviceId', messageKey: 'referrals.unknownService' }]);
    const person = await q.findPersonForReferral(db, c.person_id);
    if (!person) throw new AppError('notFound');
    const now = clock();
    const [consentToShare, activeThisMonth] = await Promise.all([
      registry.hasConsent(person.id, 'sharing_with_partners'),
      q.countAcceptedSince(db, service.id, monthStart(now)),
    ]);
    const result = checkEligibility(
      service,
      {
        populationGroup: person.population_group,
        birthDate: person.birth_date,
        sexAtBirth: person.sex_at_birth,
        municipalityCode: person.municipality_code,
        documentTypes: person.documents.map((d) => d.document_type),
        consentToShare,
      },
      { on: colombianDate(now), activeThisMonth },
    );
    return { service, person, result, now };
  }

  function presentSummary(
    row: q.ReferralRow,
    actor: Actor,
    checks: Array<{ rule: string; outcome: string; message: string }>,
  ) {
    const asReferrer = policy.readAsReferrer(actor, { officeId: row.case_office_id });
    const status = row.status as ReferralStatus;
    const abilities = [
      ...(policy.answer(actor, { organizationId: row.organization_id })
        ? allowedCommands(status, 'partner')
        : []),
      ...(policy.workCase(actor, { officeId: row.case_office_id, caseworkerId: row.case_caseworker_id })
        ? allowedCommands(status, 'referrer')
        : []),
    ];
    return {
      id: row.id,
      status,
      serviceId: row.service_id,
      serviceName: row.service_name,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      officeName: row.office_name,
      personId: asReferrer ? row.person_id : null,
      personName: asReferrer
        ? displayName({
            givenName1: row.given_name_1,
            givenName2: row.given_name_2,
            surname1: row.surname_1,
            surname2: row.surname_2,
          })
        : null,
      caseId: asReferrer ? row.case_id : null,
      actionId: asReferrer ? row.case_action_id : null,
      reason: row.reason,
      // Revoking the consent to share stops the partner from seeing what was shared; the referring office keeps it.
      sharedData: row.consent_revoked_at && !asReferrer ? null : (row.shared_data as SharedData),
      eligibility: checks as never,
      declineReason: row.decline_reason,
      outcome: row.outcome as ReferralOutcome | null,
      outcomeNotes: row.outcome_notes,
      sentAt: row.sent_at.toISOString(),
      sentByName: row.sent_by_name,
      acceptDueAt: row.accept_due_at.toISOString(),
      completeDueAt: row.complete_due_at?.toISOString() ?? null,
      acceptedAt: row.accepted_at?.toISOString() ?? null,
      startedAt: row.started_at?.toISOString() ?? null,
      closedAt: row.closed_at?.toISOString() ?? null,
      overdue: isReferralOverdue(
        { status, acceptDueAt: row.accept_due_at, completeDueAt: row.complete_due_at },
        clock(),
      ),
      version: row.version,
      abilities,
    };
  }

  async function presentMany(rows: q.ReferralRow[], actor: Actor, language: Language) {
    const explained = await explainMany(
      rows.map((row) => row.eligibility as EligibilityCheck[]),
      language,
    );
    return rows.map((row, index) => presentSummary(row, actor, explained[index] ?? []));
  }

  /**
   * Reading what was shared about people outside the referring office — by the partner, or by the administrator
   * from the inbox or a referral — is audited (Ley 1581).
   */
  async function auditPartnerRead(actor: Actor, rows: q.ReferralRow[]) {
    const read = rows.filter(
      (row) =>
        actor.role === 'network_admin' || !policy.readAsReferrer(actor, { officeId: row.case_office_id }),
    );
    if (!read.length) return;
    await audit.record(db, actor, {
      action: 'referral.shared_data_read',
      recordType: 'referral',
      recordId: read.length === 1 ? (read[0] as q.ReferralRow).id : null,
      changes: { after: { referralIds: read.map((row) => row.id) } },
    });
  }

  /**
   * One referral as the caller may see it: 403 for roles that never see referrals; 404 if unknown or out of the
   * caller's scope (another partner's, another office's), so its existence is not disclosed.
   */
  async function load(actor: Actor, id: string) {
    if (!policy.mayRefer(actor) && !policy.mayAnswer(actor)) throw new AppError('forbidden');
    const row = await q.findReferral(db, id);
    if (!row) throw new AppError('notFound');
    if (policy.readAsReferrer(actor, { officeId: row.case_office_id })) return row;
    if (policy.answer(actor, { organizationId: row.organization_id })) return row;
    throw new AppError('notFound');
  }

  async function detail(actor: Actor, id: string, language: Language, options: { audited: boolean }) {
    const row = await load(actor, id);
    if (options.audited) await auditPartnerRead(actor, [row]);
    const events = await q.listReferralEvents(db, id);
    const [summary] = await presentMany([row], actor, language);
    return {
      ...(summary as NonNullable<typeof summary>),
      events: events.map((e) => ({
        kind: e.kind,
        at: e.at.toISOString(),
        actorName: e.actor_name,
        details: (e.details as Record<string, unknown> | null) ?? null,
      })),
    };
  }

  function partnerMessage(
    recipients: string[],
    topic: string,
    template: string,
    values: Record<string, unknown>,
    payload: Record<string, unknown>,
  ): OutboxMessageInput[] {
    const t = translatorFor(RECIPIENT_LANGUAGE);
    return recipients.map((recipient) => ({
      topic,
      recipient,
      locale: RECIPIENT_LANGUAGE,
      subject: t(`notifications.${template}.subject`, values),
      body: t(`notifications.${template}.body`, values),
      payload,
    }));
  }

  return {
    /** Whether the case's person may be referred to a service, rule by rule, and what the partner would receive. */
    async check(actor: Actor, caseId: string, serviceId: string, language: Language) {
      const c = await loadCase(actor, caseId);
      const { service, result } = await evaluate(c, serviceId);
      return {
        eligible: result.eligible,
        checks: await explain(result.checks, language),
        sharedFields: [...SHARED_FIELDS],
        service: {
          id: service.id,
          name: service.name,
          organizationName: service.organizationName,
          acceptanceDays: service.acceptanceDays,
          completionDays: service.completionDays,
        },
      };
    },

    /**
     * Sends a referral from a case's plan to a directory service: the referral, its `sent` event, the plan action
     * (created under `goalId` when no `actionId` is given), the case's history entry, the notification to the
     * partner's focal points and the audit entry, in one transaction. Refused (422) when any eligibility rule
     * fails. The same Idempotency-Key from the same user returns the referral already sent (`created: false`).
     */
    async send(
      actor: Actor,
      caseId: string,
      input: z.infer<typeof ReferralCreate>,
      idempotencyKey: string | undefined,
      language: Language,
    ) {
      const c = await loadCase(actor, caseId);
      if (!policy.workCase(actor, { officeId: c.office_id, caseworkerId: c.caseworker_id }))
        throw new AppError('forbidden');
      if (idempotencyKey) {
        const existing = await q.findReferralByIdempotencyKey(db, actor.userId, idempotencyKey);
        if (existing)
          return { created: false, referral: await detail(actor, existing.id, language, { audited: false }) };
      }
      if (c.status === 'closed' || c.status === 'pending_closure')
        throw new AppError('caseState', { refusal: c.status === 'closed' ? 'caseClosed' : 'closurePending' });
      if (input.actionId) {
        const action = await q.findCaseAction(db, caseId, input.actionId);
        if (!action)
          throw new InvalidFieldsError([{ path: 'actionId', messageKey: 'referrals.unknownAction' }]);
      } else if (!input.goalId) {
        throw new InvalidFieldsError([{ path: 'goalId', messageKey: 'referrals.goalRequired' }]);
      }
      const { service, person, result, now } = await evaluate(c, input.serviceId);
      if (!result.eligible) {
        const explained = await explain(result.checks, language);
        const errors = explained
          .filter((check) => check.outcome === 'fail')
          .map((check) => {
            const field = check.rule === 'consent' ? 'consent' : 'serviceId';
            return { in: 'body', path: field, field, rule: check.rule, message: check.message };
          });
        throw new AppError('referralNotEligible', { count: errors.length }, { errors });
      }
      const id = uuidv7();
      const sentOn = colombianDate(now);
      const shared = sharedDataOf(
        {
          givenName1: person.given_name_1,
          givenName2: person.given_name_2,
          surname1: person.surname_1,
          surname2: person.surname_2,
          birthDate: person.birth_date,
          sexAtBirth: person.sex_at_birth,
          phone: person.phone_e164,
          populationGroup: person.population_group,
          municipalityCode: person.municipality_code,
          municipalityName: person.municipality_name,
          documents: person.documents.map((d) => ({ type: d.document_type, number: d.number })),
        },
        input.reason,
        sentOn,
        service.requiredDocuments,
      );
      const dueAt = acceptDueAt(now, service.acceptanceDays);
      const [consentId, recipients] = await Promise.all([
        q.findSharingConsentId(db, person.id),
        q.focalPointEmails(db, service.organizationId),
      ]);
      const t = translatorFor(RECIPIENT_LANGUAGE);
      try {
        await db.transaction().execute(async (trx) => {
          let actionId = input.actionId ?? null;
          if (!actionId) {
            actionId = await cases.addReferralAction(trx, actor, {
              caseId,
              goalId: input.goalId as string,
              description: t('referrals.actionDescription', {
                service: service.name,
                organization: service.organizationName,
              }),
              organizationId: service.organizationId,
            });
            if (!actionId)
              throw new InvalidFieldsError([{ path: 'goalId', messageKey: 'referrals.unknownGoal' }]);
          }
          await q.insertReferral(trx, {
            id,
            person_id: person.id,
            case_id: caseId,
            case_action_id: actionId,
            service_id: service.id,
            organization_id: service.organizationId,
            office_id: c.office_id,
            status: 'sent',
            reason: input.reason,
            shared_data: JSON.stringify(shared),
            eligibility: JSON.stringify(result.checks),
            consent_id: consentId,
            sent_by: actor.userId,
            sent_at: now,
            accept_due_at: dueAt,
            idempotency_key: idempotencyKey ?? null,
          });
          await q.insertReferralEvent(trx, {
            id: uuidv7(),
            referral_id: id,
            kind: 'sent',
            actor_id: actor.userId,
            at: now,
            details: JSON.stringify({ serviceId: service.id, actionId }),
          });
          await cases.recordReferralStep(trx, actor.userId, {
            caseId,
            actionId,
            kind: 'referral_sent',
            details: {
              referralId: id,
              serviceName: service.name,
              organizationName: service.organizationName,
            },
          });
          await enqueue(
            trx,
            partnerMessage(
              recipients,
              'referral.sent',
              'referralSent',
              {
                service: service.name,
                organization: service.organizationName,
                due: formatDay(dueAt, RECIPIENT_LANGUAGE),
              },
              { referralId: id },
            ),
            now,
          );
          await audit.record(trx, actor, {
            action: 'referral.sent',
            recordType: 'referral',
            recordId: id,
            officeId: c.office_id,
            changes: {
              after: {
                caseId,
                personId: person.id,
                serviceId: service.id,
                organizationId: service.organizationId,
                actionId,
                sharedFields: Object.keys(shared),
              },
            },
          });
        });
      } catch (error) {
        // The same key sent twice at once: the second insert meets the unique index; answer with the first.
        if (idempotencyKey && (error as { code?: string }).code === '23505') {
          const existing = await q.findReferralByIdempotencyKey(db, actor.userId, idempotencyKey);
          if (existing)
            return {
              created: false,
              referral: await detail(actor, existing.id, language, { audited: false }),
            };
        }
        throw error;
      }
      return { created: true, referral: await detail(actor, id, language, { audited: false }) };
    },

    /** The referrals of a case, newest first: the case's office staff. */
    async listOfCase(actor: Actor, caseId: string, language: Language) {
      await loadCase(actor, caseId);
      const rows = await q.listReferralsOfCase(db, caseId);
      return { items: await presentMany(rows, actor, language) };
    },

    /** One referral with its history; the partner's read of the person's shared data is audited. */
    getReferral(actor: Actor, id: string, language: Language) {
      return detail(actor, id, language, { audited: true });
    },

    /** A partner's inbox: its organization's referrals (all of them for the administrator), newest first. */
    async inbox(actor: Actor, query: z.infer<typeof InboxQuery>, language: Language) {
      if (!policy.inbox(actor)) throw new AppError('forbidden');
      const { items, total } = await q.listInbox(db, {
        organizationId: actor.role === 'network_admin' ? undefined : actor.organizationId,
        status: query.status,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        now: clock(),
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      await auditPartnerRead(actor, items);
      return { items: await presentMany(items, actor, language), total };
    },

    /**
     * One step of a referral at the version read (409 when stale, 422 when the step does not apply): the partner
     * accepts, declines, starts, completes or records a no-show; the referring case team withdraws. Writes the
     * referral's event, flows back to the case's action and history, notifies the other side and is audited, in
     * one transaction.
     */
    async transition(
      actor: Actor,
      id: string,
      command: ReferralCommand,
      input: { version: number; reason?: string; outcome?: ReferralOutcome; notes?: string },
      language: Language,
    ) {
      const side = sideOf(command);
      if (side === 'partner' ? !policy.mayAnswer(actor) : !policy.mayRefer(actor))
        throw new AppError('forbidden');
      const row = await q.findReferral(db, id);
      if (!row) throw new AppError('notFound');
      if (side === 'partner' && !policy.answer(actor, { organizationId: row.organization_id }))
        throw new AppError('notFound');
      if (side === 'referrer') {
        if (!policy.readAsReferrer(actor, { officeId: row.case_office_id })) throw new AppError('notFound');
        if (!policy.workCase(actor, { officeId: row.case_office_id, caseworkerId: row.case_caseworker_id }))
          throw new AppError('forbidden');
      }
      const conflict = async () =>
        new AppError('conflict', {}, { current: await detail(actor, id, language, { audited: false }) });
      if (row.version !== input.version) throw await conflict();
      const step = applyReferralCommand(row.status as ReferralStatus, command, side);
      if (!step.ok) throw new AppError('referralTransition', { status: row.status, command });
      const now = clock();
      const closing = { closed_at: now, closed_by: actor.userId };
      const columns =
        command === 'accept'
          ? {
              accepted_at: now,
              accepted_by: actor.userId,
              complete_due_at: completeDueAt(now, row.completion_days),
            }
          : command === 'start'
            ? { started_at: now }
            : command === 'decline'
              ? { ...closing, decline_reason: input.reason ?? null }
              : command === 'complete'
                ? { ...closing, outcome: input.outcome ?? null, outcome_notes: input.notes ?? null }
                : command === 'notAttended'
                  ? { ...closing, outcome_notes: input.notes ?? null }
                  : closing;
      const reason = input.reason ?? input.notes ?? null;
      const eventDetails = {
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.outcome ? { outcome: input.outcome } : {}),
        ...(input.notes ? { notes: input.notes } : {}),
      };
      const flow = CASE_FLOW[command];
      const tr = translatorFor(RECIPIENT_LANGUAGE);
      const values = {
        service: row.service_name,
        organization: row.organization_name,
        office: row.office_name,
        sentOn: formatDay(row.sent_at, RECIPIENT_LANGUAGE),
        reason: reason ?? '',
        outcome: input.outcome ? tr(`referrals.outcome.${input.outcome}`) : '',
        notes: input.notes ? `\n\n${tr('notifications.notesLabel')}: ${input.notes}` : '',
      };
      const recipients =
        side === 'referrer'
          ? await q.focalPointEmails(db, row.organization_id)
          : await q.findUserEmail(db, row.sent_by).then((u) => (u && u.status === 'active' ? [u.email] : []));
      const done = await db.transaction().execute(async (trx) => {
        const updated = await q.updateReferralAtVersion(trx, id, input.version, {
          status: step.status,
          ...columns,
        });
        if (!updated) return false;
        await q.insertReferralEvent(trx, {
          id: uuidv7(),
          referral_id: id,
          kind: EVENT_OF_COMMAND[command],
          actor_id: actor.userId,
          at: now,
          details: Object.keys(eventDetails).length ? JSON.stringify(eventDetails) : null,
        });
        await cases.recordReferralStep(trx, actor.userId, {
          caseId: row.case_id,
          actionId: row.case_action_id,
          kind: flow.kind,
          actionStatus: flow.actionStatus,
          reason,
          details: {
            referralId: id,
            serviceName: row.service_name,
            organizationName: row.organization_name,
            ...(input.outcome ? { outcome: input.outcome } : {}),
          },
        });
        await enqueue(
          trx,
          partnerMessage(recipients, `referral.${EVENT_OF_COMMAND[command]}`, `referral_${command}`, values, {
            referralId: id,
          }),
          now,
        );
        await audit.record(trx, actor, {
          action: `referral.${EVENT_OF_COMMAND[command]}`,
          recordType: 'referral',
          recordId: id,
          officeId: row.case_office_id,
          changes: { before: { status: row.status }, after: { status: step.status, ...eventDetails } },
        });
        return true;
      });
      if (!done) throw await conflict();
      return detail(actor, id, language, { audited: false });
    },

    /**
     * The referral report: counts by status, overdue now, and times to acceptance and completion, by service,
     * partner or office, for referrals sent between `from` and `to` (Colombian days, both included). Analysts and
     * the administrator see the whole network, coordinators their offices, partners their organization.
     */
    async report(actor: Actor, query: z.infer<typeof ReportQuery>) {
      if (!policy.report(actor)) throw new AppError('forbidden');
      const scope =
        actor.role === 'office_coordinator'
          ? { officeIds: actor.officeIds }
          : actor.role === 'partner_focal_point'
            ? { organizationId: actor.organizationId }
            : {};
      const from = query.from ? new Date(`${query.from}T00:00:00-05:00`) : null;
      const to = query.to ? new Date(new Date(`${query.to}T00:00:00-05:00`).getTime() + 86_400_000) : null;
      const now = clock();
      const [rows, totals] = await Promise.all([
        q.referralReport(db, { groupBy: query.groupBy, from, to, now, ...scope }),
        q.referralReport(db, { groupBy: null, from, to, now, ...scope }),
      ]);
      const round = (value: number | string | null) =>
        value === null ? null : Math.round(Number(value) * 10) / 10;
      const figures = (row: (typeof rows)[number]) => ({
        sent: Number(row.sent),
        accepted: Number(row.accepted),
        declined: Number(row.declined),
        inProgress: Number(row.in_progress),
        completed: Number(row.completed),
        notAttended: Number(row.not_attended),
        withdrawn: Number(row.withdrawn),
        overdue: Number(row.overdue),
        medianHoursToAcceptance: round(row.median_hours_to_acceptance),
        p90HoursToAcceptance: round(row.p90_hours_to_acceptance),
        medianDaysToCompletion: round(row.median_days_to_completion),
        p90DaysToCompletion: round(row.p90_days_to_completion),
      });
      const empty = {
        sent: 0,
        accepted: 0,
        declined: 0,
        inProgress: 0,
        completed: 0,
        notAttended: 0,
        withdrawn: 0,
        overdue: 0,
        medianHoursToAcceptance: null,
        p90HoursToAcceptance: null,
        medianDaysToCompletion: null,
        p90DaysToCompletion: null,
      };
      return {
        rows: rows.map((row) => ({ key: row.key, label: row.label, ...figures(row) })),
        totals: totals[0] ? figures(totals[0]) : empty,
      };
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
