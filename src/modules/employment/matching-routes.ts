import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './matching-schemas';

const BASE = '/api/v1/employment';

/** Matching both ways (candidates for a vacancy, vacancies for a person), job profiles and the labour demand view. */
export const matchingRoutes =
  ({ matching }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${BASE}/vacancies/:id/candidates`,
      {
        schema: {
          operationId: 'listVacancyCandidates',
          tags: ['employment'],
          summary:
            'Suggested candidates for a vacancy, best first, each with its score (0–100) and the explanation of every component. Staff see the people their offices serve; the employer’s focal point only people who consented to sharing with partners, with minimum data (audited)',
          params: s.VacancyIdParams,
          querystring: s.CandidatesQuery,
          response: { 200: s.CandidateList },
        },
      },
      async (request) =>
        matching.candidates(actorOf(request), request.params.id, request.query, requestLanguage(request)),
    );

    app.get(
      `${BASE}/people/:personId/vacancies`,
      {
        schema: {
          operationId: 'listPersonVacancies',
          tags: ['employment'],
          summary:
            'Suggested open vacancies of verified employers for a person, best first, with score and explanation (staff of an office serving the person; the profile is built from the latest characterization the first time)',
          params: s.PersonIdParams,
          querystring: s.PersonVacanciesQuery,
          response: { 200: s.VacancySuggestions },
        },
      },
      async (request) =>
        matching.vacanciesFor(
          actorOf(request),
          request.params.personId,
          request.query,
          requestLanguage(request),
        ),
    );

    app.get(
      `${BASE}/people/:personId/job-profile`,
      {
        schema: {
          operationId: 'getJobProfile',
          tags: ['employment'],
          summary:
            'A person’s job-seeker profile used for matching, or null (staff of an office serving the person)',
          params: s.PersonIdParams,
          response: { 200: s.JobProfileView },
        },
      },
      async (request) =>
        matching.getProfile(actorOf(request), request.params.personId, requestLanguage(request)),
    );

    app.put(
      `${BASE}/people/:personId/job-profile`,
      {
        schema: {
          operationId: 'saveJobProfile',
          tags: ['employment'],
          summary:
            'Save a person’s job-seeker profile at the version read (0 to create; 409 with the current profile when stale)',
          params: s.PersonIdParams,
          body: s.JobProfileUpdate,
          response: { 200: s.JobProfile },
        },
      },
      async (request) =>
        matching.updateProfile(
          actorOf(request),
          request.params.personId,
          request.body,
          requestLanguage(request),
        ),
    );

    app.post(
      `${BASE}/people/:personId/job-profile/refresh`,
      {
        schema: {
          operationId: 'refreshJobProfile',
          tags: ['employment'],
          summary:
            'Create or bring up to date a person’s job-seeker profile from their latest characterization and registry record (keeps whether they are seeking)',
          params: s.PersonIdParams,
          response: { 200: s.JobProfile },
        },
      },
      async (request) =>
        matching.refreshProfile(actorOf(request), request.params.personId, requestLanguage(request)),
    );

    app.get(
      `${BASE}/demand`,
      {
        schema: {
          operationId: 'getLabourDemand',
          tags: ['employment', 'reports'],
          summary:
            'Labour demand by CIUO-08 sub-major group or municipality: open vacancies, positions, applications, hires and the network’s job seekers (aggregates only; coordinators, analysts, administrators)',
          querystring: s.DemandQuery,
          response: { 200: s.DemandReport },
        },
      },
      async (request) => matching.demand(actorOf(request), request.query, requestLanguage(request)),
    );
  };
