import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

const TAGS = ['employment'];
const BASE = '/api/v1/employment';

export const employmentRoutes =
  ({ employment }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    // Employers and the verification of their work conditions.

    app.get(
      `${BASE}/employers`,
      {
        schema: {
          operationId: 'listEmployers',
          tags: TAGS,
          summary:
            "Allied employers with their profile and standing (verified, expired, failed checks, never verified) from their latest verification; an employer's focal point sees its own only",
          response: { 200: s.EmployerList },
        },
      },
      async (request) => employment.listEmployers(actorOf(request)),
    );

    app.get(
      `${BASE}/employers/:id`,
      {
        schema: {
          operationId: 'getEmployer',
          tags: TAGS,
          summary: 'One employer with its standing and the history of its verifications, newest first',
          params: s.IdParams,
          response: { 200: s.EmployerDetail },
        },
      },
      async (request) => employment.getEmployer(actorOf(request), request.params.id),
    );

    app.put(
      `${BASE}/employers/:id/profile`,
      {
        schema: {
          operationId: 'updateEmployerProfile',
          tags: TAGS,
          summary:
            "Save an employer's profile (tax id, economic activity, municipality, address) at the version read: 0 the first time; 409 with the current employer if stale",
          params: s.IdParams,
          body: s.EmployerProfileUpdate,
          response: { 200: s.EmployerDetail },
        },
      },
      async (request) => employment.updateProfile(actorOf(request), request.params.id, request.body),
    );

    app.post(
      `${BASE}/employers/:id/verifications`,
      {
        schema: {
          operationId: 'verifyEmployer',
          tags: TAGS,
          summary:
            'Record a verification of the six work conditions, valid until a day at most one year ahead (administrators and coordinators); it becomes the standing',
          params: s.IdParams,
          body: s.VerificationCreate,
          response: { 201: s.EmployerDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await employment.verifyEmployer(actorOf(request), request.params.id, request.body)),
    );

    // Vacancies.

    app.get(
      `${BASE}/vacancies`,
      {
        schema: {
          operationId: 'listVacancies',
          tags: TAGS,
          summary:
            "Vacancies, newest first, with their employer's standing and applications by status; an employer's focal point sees its own",
          querystring: s.VacancyListQuery,
          response: { 200: s.VacancyList },
        },
      },
      async (request) => employment.listVacancies(actorOf(request), request.query, requestLanguage(request)),
    );

    app.post(
      `${BASE}/vacancies`,
      {
        schema: {
          operationId: 'createVacancy',
          tags: TAGS,
          summary:
            "Post a vacancy (staff, or the employer's own focal point): CIUO-08 unit group, municipality, wage at least the legal minimum",
          body: s.VacancyCreate,
          response: { 201: s.Vacancy },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await employment.createVacancy(actorOf(request), request.body, requestLanguage(request))),
    );

    app.get(
      `${BASE}/vacancies/:id`,
      {
        schema: {
          operationId: 'getVacancy',
          tags: TAGS,
          summary: 'One vacancy',
          params: s.IdParams,
          response: { 200: s.Vacancy },
        },
      },
      async (request) => employment.getVacancy(actorOf(request), request.params.id, requestLanguage(request)),
    );

    app.put(
      `${BASE}/vacancies/:id`,
      {
        schema: {
          operationId: 'updateVacancy',
          tags: TAGS,
          summary:
            'Change a vacancy and its status at the version read (409 with the current vacancy if stale)',
          params: s.IdParams,
          body: s.VacancyUpdate,
          response: { 200: s.Vacancy },
        },
      },
      async (request) =>
        employment.updateVacancy(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    // Applications: the pipeline.

    app.post(
      `${BASE}/vacancies/:id/applications`,
      {
        schema: {
          operationId: 'proposeCandidate',
          tags: TAGS,
          summary:
            'Propose a person the office serves to a vacancy; 422 naming each reason when the employer is not verified or expired, the vacancy is not open or the person has not consented to sharing with partners',
          params: s.IdParams,
          body: s.ApplicationCreate,
          response: { 201: s.Application },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await employment.propose(
              actorOf(request),
              request.params.id,
              request.body,
              requestLanguage(request),
            ),
          ),
    );

    app.get(
      `${BASE}/vacancies/:id/applications`,
      {
        schema: {
          operationId: 'listVacancyApplications',
          tags: TAGS,
          summary:
            "A vacancy's candidates: staff see their offices' proposals; the employer's focal point only consenting candidates' minimum data (audited)",
          params: s.IdParams,
          response: { 200: s.ApplicationList },
        },
      },
      async (request) =>
        employment.listVacancyApplications(actorOf(request), request.params.id, requestLanguage(request)),
    );

    const steps = [
      ['interview', 'interview', 'scheduleInterview', s.InterviewBody, 'Schedule (or move) the interview'],
      [
        'hire',
        'hire',
        'hireCandidate',
        s.HireBody,
        'Hire: schedules follow-ups at 3 and 6 months and notifies the caseworker',
      ],
      ['not-hired', 'notHired', 'markNotHired', s.ReasonBody, 'Not hired, with the reason'],
      [
        'withdraw',
        'withdraw',
        'withdrawApplication',
        s.ReasonBody,
        'Withdraw the candidate, with the reason',
      ],
    ] as const;
    for (const [path, command, operationId, body, summary] of steps) {
      app.post(
        `${BASE}/applications/:id/${path}`,
        {
          schema: {
            operationId,
            tags: TAGS,
            summary: `${summary} (employer's focal point or staff; send the version read, 409 if stale, 422 if the step does not apply)`,
            params: s.IdParams,
            body,
            response: { 200: s.Application },
          },
        },
        async (request) =>
          employment.transition(
            actorOf(request),
            request.params.id,
            command,
            request.body as never,
            requestLanguage(request),
          ),
      );
    }

    app.get(
      `${BASE}/placements/follow-ups`,
      {
        schema: {
          operationId: 'listPlacementFollowUps',
          tags: TAGS,
          summary: "Follow-ups at 3 and 6 months of the caller's offices' placements, overdue or upcoming",
          querystring: s.FollowUpQuery,
          response: { 200: s.FollowUpList },
        },
      },
      async (request) => employment.listFollowUps(actorOf(request), request.query),
    );

    app.post(
      `${BASE}/placement-follow-ups/:id`,
      {
        schema: {
          operationId: 'recordPlacementFollowUp',
          tags: TAGS,
          summary:
            'Record a follow-up: whether the person is still employed, with notes (once; 409 if already recorded)',
          params: s.IdParams,
          body: s.FollowUpRecord,
          response: { 200: s.FollowUpItem },
        },
      },
      async (request) => employment.recordFollowUp(actorOf(request), request.params.id, request.body),
    );

    // The person's side: registration with the public employment service and their applications.

    app.get(
      '/api/v1/persons/:personId/employment-service-registration',
      {
        schema: {
          operationId: 'getEmploymentServiceRegistration',
          tags: TAGS,
          summary: "The person's registration with the public employment service, or null",
          params: s.PersonIdParams,
          response: { 200: s.RegistrationResponse },
        },
      },
      async (request) => employment.getRegistration(actorOf(request), request.params.personId),
    );

    app.put(
      '/api/v1/persons/:personId/employment-service-registration',
      {
        schema: {
          operationId: 'saveEmploymentServiceRegistration',
          tags: TAGS,
          summary:
            "Record or update the person's registration with the public employment service at the version read (0 the first time; 409 if stale)",
          params: s.PersonIdParams,
          body: s.RegistrationUpdate,
          response: { 200: s.RegistrationResponse },
        },
      },
      async (request) => employment.saveRegistration(actorOf(request), request.params.personId, request.body),
    );

    app.get(
      '/api/v1/persons/:personId/job-applications',
      {
        schema: {
          operationId: 'listPersonJobApplications',
          tags: TAGS,
          summary:
            "The person's applications to vacancies with their follow-ups (coordinators and caseworkers of the person's offices)",
          params: s.PersonIdParams,
          response: { 200: s.ApplicationList },
        },
      },
      async (request) =>
        employment.listPersonApplications(
          actorOf(request),
          request.params.personId,
          requestLanguage(request),
        ),
    );
  };
