import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import type { Services } from '../../server/services';
import { Task } from '../tasks/schemas';
import * as s from './schemas';

const tags = ['assistance'];

export const assistanceRoutes =
  ({ assistance }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/arrivals',
      {
        schema: {
          operationId: 'listArrivals',
          tags,
          summary:
            "The pending-arrivals board: a post's arrivals of one day (today by default), by expected time, with status",
          querystring: s.ArrivalBoardQuery,
          response: { 200: s.ArrivalBoard },
        },
      },
      async (request) => assistance.board(actorOf(request), request.query),
    );

    app.post(
      '/api/v1/arrivals',
      {
        schema: {
          operationId: 'createArrival',
          tags,
          summary:
            'Record an arrival announced beforehand, or one found at the post (received at once, its protocols start); a new traveller goes through the duplicate check',
          body: s.ArrivalCreate,
          response: { 201: s.ArrivalDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await assistance.createArrival(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/arrivals/:id',
      {
        schema: {
          operationId: 'getArrival',
          tags,
          summary: 'One arrival with its protocol checklist',
          params: s.IdParams,
          response: { 200: s.ArrivalDetail },
        },
      },
      async (request) => assistance.getArrival(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/arrivals/:id',
      {
        schema: {
          operationId: 'updateArrival',
          tags,
          summary:
            'Correct an arrival (send the version read; 409 if stale); a category set on a received arrival starts its protocol',
          params: s.IdParams,
          body: s.ArrivalUpdate,
          response: { 200: s.ArrivalDetail },
        },
      },
      async (request) => assistance.updateArrival(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/arrivals/:id/receive',
      {
        schema: {
          operationId: 'receiveArrival',
          tags,
          summary:
            'The traveller is at the post: link or register them, record who received them and when, start the protocols',
          params: s.IdParams,
          body: s.ArrivalReceive,
          response: { 200: s.ArrivalDetail },
        },
      },
      async (request) => assistance.receiveArrival(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/arrivals/:id/no-show',
      {
        schema: {
          operationId: 'markArrivalNoShow',
          tags,
          summary: 'The announced traveller did not show up at the post',
          params: s.IdParams,
          body: s.ArrivalNoShow,
          response: { 200: s.ArrivalDetail },
        },
      },
      async (request) => assistance.markNoShow(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/arrivals/:id/tasks',
      {
        schema: {
          operationId: 'createArrivalTask',
          tags,
          summary: "Add a task by hand to an arrival's checklist",
          params: s.IdParams,
          body: s.ArrivalTaskCreate,
          response: { 201: Task },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await assistance.addArrivalTask(actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/protocols',
      {
        schema: {
          operationId: 'listProtocols',
          tags,
          summary: 'The protocols ("hojas de ruta") per category, each in the version applied now',
          response: { 200: s.ProtocolList },
        },
      },
      async (request) => assistance.listProtocols(actorOf(request)),
    );

    app.get(
      '/api/v1/protocols/:id/versions',
      {
        schema: {
          operationId: 'listProtocolVersions',
          tags,
          summary: "A protocol's versions, newest first",
          params: s.IdParams,
          response: { 200: s.ProtocolVersions },
        },
      },
      async (request) => assistance.protocolVersions(actorOf(request), request.params.id),
    );

    app.put(
      '/api/v1/protocols/:id',
      {
        schema: {
          operationId: 'updateProtocol',
          tags,
          summary:
            "Save a protocol's steps as a new version, applied from now on (send the version read; 409 if stale)",
          params: s.IdParams,
          body: s.ProtocolUpdate,
          response: { 200: s.Protocol },
        },
      },
      async (request) => assistance.updateProtocol(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/protocol-report',
      {
        schema: {
          operationId: 'getProtocolReport',
          tags,
          summary:
            'Per protocol and step, over a period: steps done on time, late, pending, overdue, cancelled',
          querystring: s.ProtocolReportQuery,
          response: { 200: s.ProtocolReport },
        },
      },
      async (request) => assistance.protocolReport(actorOf(request), request.query),
    );
  };
