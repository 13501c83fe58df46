import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

const tags = ['tasks'];

export const tasksRoutes =
  ({ tasks }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/my-work',
      {
        schema: {
          operationId: 'getMyWork',
          tags,
          summary:
            "The signed-in user's open tasks and their offices' unassigned ones: overdue first, then due today, then upcoming",
          response: { 200: s.MyWork },
        },
      },
      async (request) => tasks.myWork(actorOf(request)),
    );

    app.get(
      '/api/v1/tasks',
      {
        schema: {
          operationId: 'listTasks',
          tags,
          summary: "Tasks of the caller's offices by due time, with their reminder flags",
          querystring: s.TaskListQuery,
          response: { 200: s.TaskPage },
        },
      },
      async (request) => tasks.listTasks(actorOf(request), request.query),
    );

    app.post(
      '/api/v1/tasks',
      {
        schema: {
          operationId: 'createTask',
          tags,
          summary: 'Create a task for an office, assigned to one of its staff or left to the office',
          body: s.TaskCreate,
          response: { 201: s.Task },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await tasks.createTask(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/tasks/:id',
      {
        schema: {
          operationId: 'getTask',
          tags,
          summary: 'One task',
          params: s.IdParams,
          response: { 200: s.Task },
        },
      },
      async (request) => tasks.getTask(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/tasks/:id',
      {
        schema: {
          operationId: 'updateTask',
          tags,
          summary:
            'Change a task or complete, cancel or reopen it (send the version read; 409 with the current one if stale)',
          params: s.IdParams,
          body: s.TaskUpdate,
          response: { 200: s.Task },
        },
      },
      async (request) => tasks.updateTask(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/offices/:id/work-overview',
      {
        schema: {
          operationId: 'getOfficeWorkOverview',
          tags,
          summary:
            "A coordinator's view of an office: open and overdue tasks per person, overdue tasks, open and inactive cases",
          params: s.IdParams,
          response: { 200: s.OfficeOverview },
        },
      },
      async (request) => tasks.officeOverview(actorOf(request), request.params.id, requestLanguage(request)),
    );
  };
