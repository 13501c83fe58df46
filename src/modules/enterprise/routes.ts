import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http/authentication';
import type { Services } from '../../server/services';
import * as s from './schemas';

const tags = ['enterprise'];

export const enterpriseRoutes =
  ({ enterprise }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/enterprise/courses',
      {
        schema: {
          operationId: 'listEnterpriseCourses',
          tags,
          summary:
            'Trainings and courses (SENA and others) with enrolled and completed counts; a focal point sees its organization’s',
          querystring: s.CourseListQuery,
          response: { 200: s.CourseList },
        },
      },
      async (request) => enterprise.listCourses(actorOf(request), request.query),
    );

    app.post(
      '/api/v1/enterprise/courses',
      {
        schema: {
          operationId: 'createEnterpriseCourse',
          tags,
          summary: 'Add a course (office staff, the administrator, or the organization’s own focal point)',
          body: s.CourseCreate,
          response: { 201: s.CourseSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await enterprise.createCourse(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/enterprise/courses/:id',
      {
        schema: {
          operationId: 'getEnterpriseCourse',
          tags,
          summary:
            'A course with the enrolments the caller may see (staff: their offices’ people; the organization: people who consented to share)',
          params: s.IdParams,
          response: { 200: s.CourseDetail },
        },
      },
      async (request) => enterprise.getCourse(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/enterprise/courses/:id',
      {
        schema: {
          operationId: 'updateEnterpriseCourse',
          tags,
          summary:
            'Change a course or its status (send the version read; 409 with the current course if stale)',
          params: s.IdParams,
          body: s.CourseUpdate,
          response: { 200: s.CourseSchema },
        },
      },
      async (request) => enterprise.updateCourse(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/enterprise/courses/:id/enrolments',
      {
        schema: {
          operationId: 'enrolInEnterpriseCourse',
          tags,
          summary:
            'Enrol a person served by one of the caller’s offices (400 naming personId if already enrolled)',
          params: s.IdParams,
          body: s.EnrolmentCreate,
          response: { 201: s.EnrolmentSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await enterprise.enrol(actorOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/api/v1/enterprise/enrolments/:id',
      {
        schema: {
          operationId: 'updateEnterpriseEnrolment',
          tags,
          summary:
            'Move an enrolment (in progress, completed, dropped) or record its certificate; the course’s organization marks progress and completion',
          params: s.IdParams,
          body: s.EnrolmentUpdate,
          response: { 200: s.EnrolmentSchema },
        },
      },
      async (request) => enterprise.updateEnrolment(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/enterprise/units',
      {
        schema: {
          operationId: 'listProductiveUnits',
          tags,
          summary:
            'Productive units of the people the caller’s offices serve, by stage, sector and municipality',
          querystring: s.UnitListQuery,
          response: { 200: s.UnitList },
        },
      },
      async (request) => enterprise.listUnits(actorOf(request), request.query),
    );

    app.post(
      '/api/v1/enterprise/units',
      {
        schema: {
          operationId: 'createProductiveUnit',
          tags,
          summary: 'Register a person’s productive unit (sector: CIIU Rev. 4 A.C. section)',
          body: s.UnitCreate,
          response: { 201: s.UnitDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await enterprise.createUnit(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/enterprise/units/:id',
      {
        schema: {
          operationId: 'getProductiveUnit',
          tags,
          summary: 'A productive unit with its support, follow-ups and financing applications',
          params: s.IdParams,
          response: { 200: s.UnitDetail },
        },
      },
      async (request) => enterprise.getUnit(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/enterprise/units/:id',
      {
        schema: {
          operationId: 'updateProductiveUnit',
          tags,
          summary:
            'Change a unit or move its stage one step (or close it); 409 with the current unit if stale',
          params: s.IdParams,
          body: s.UnitUpdate,
          response: { 200: s.UnitDetail },
        },
      },
      async (request) => enterprise.updateUnit(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/enterprise/units/:id/supports',
      {
        schema: {
          operationId: 'addProductiveUnitSupport',
          tags,
          summary:
            'Record support received: training, inputs, seed capital (with its amount) or technical assistance',
          params: s.IdParams,
          body: s.SupportCreate,
          response: { 201: s.UnitDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await enterprise.addSupport(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/enterprise/units/:id/follow-ups',
      {
        schema: {
          operationId: 'addProductiveUnitFollowUp',
          tags,
          summary:
            'Record a follow-up visit: monthly sales, jobs created, notes (at the unit’s current stage)',
          params: s.IdParams,
          body: s.FollowUpCreate,
          response: { 201: s.UnitDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await enterprise.addFollowUp(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/enterprise/units/:id/financing',
      {
        schema: {
          operationId: 'createFinancingApplication',
          tags,
          summary:
            'File a financing application (Bancóldex line, rotating fund, microcredit, other) for a unit',
          params: s.IdParams,
          body: s.FinancingCreate,
          response: { 201: s.FinancingSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await enterprise.createFinancing(actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/enterprise/financing',
      {
        schema: {
          operationId: 'listFinancingApplications',
          tags,
          summary:
            'Financing applications: office staff their offices’; an intermediary’s focal point those addressed to it',
          querystring: s.FinancingListQuery,
          response: { 200: s.FinancingList },
        },
      },
      async (request) => enterprise.listFinancing(actorOf(request), request.query),
    );

    app.patch(
      '/api/v1/enterprise/financing/:id',
      {
        schema: {
          operationId: 'updateFinancingApplication',
          tags,
          summary:
            'Move an application (submitted, in review, approved with its amount, rejected, disbursed, withdrawn); 409 if stale',
          params: s.IdParams,
          body: s.FinancingUpdate,
          response: { 200: s.FinancingSchema },
        },
      },
      async (request) => enterprise.updateFinancing(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/persons/:id/enterprise',
      {
        schema: {
          operationId: 'getPersonEnterprise',
          tags,
          summary: 'A person’s course enrolments and productive units',
          params: s.IdParams,
          response: { 200: s.PersonEnterprise },
        },
      },
      async (request) => enterprise.personEnterprise(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/enterprise/summary',
      {
        schema: {
          operationId: 'enterpriseSummary',
          tags,
          summary:
            'Aggregates: units by stage and sector, financing requested, approved and disbursed by line (analysts, coordinators, administrator)',
          response: { 200: s.SummarySchema.extend({ generatedAt: z.string() }) },
        },
      },
      async (request) => ({
        ...(await enterprise.summary(actorOf(request))),
        generatedAt: new Date().toISOString(),
      }),
    );
  };
