import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import type { Services } from '../../server/services';
import * as s from './schemas';

const TAGS = ['directory'];

export const directoryRoutes =
  ({ directory }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/directory/services',
      {
        schema: {
          operationId: 'listDirectoryServices',
          tags: TAGS,
          summary:
            "The network's services, searched (name, description, organization; accents do not matter) and filtered by category, need dimension, municipality (national services and those with a place there), organization and status",
          querystring: s.ServiceListQuery,
          response: { 200: s.ServiceList },
        },
      },
      async (request) => directory.listServices(actorOf(request), request.query),
    );

    app.post(
      '/api/v1/directory/services',
      {
        schema: {
          operationId: 'createDirectoryService',
          tags: TAGS,
          summary:
            'Add a service with its eligibility, places, hours and contacts (administrators, coordinators; a focal point for its own organization)',
          body: s.ServiceCreate,
          response: { 201: s.ServiceDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await directory.createService(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/directory/services/:id',
      {
        schema: {
          operationId: 'getDirectoryService',
          tags: TAGS,
          summary:
            'One service: eligibility, how to apply, capacity and service-level days, places with hours, contacts',
          params: s.IdParams,
          response: { 200: s.ServiceDetail },
        },
      },
      async (request) => directory.getService(actorOf(request), request.params.id),
    );

    app.put(
      '/api/v1/directory/services/:id',
      {
        schema: {
          operationId: 'updateDirectoryService',
          tags: TAGS,
          summary:
            "Replace a service's fields, places, hours and contacts, its status included (send the version read; 409 with the current service if stale)",
          params: s.IdParams,
          body: s.ServiceUpdate,
          response: { 200: s.ServiceDetail },
        },
      },
      async (request) => directory.updateService(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/directory/locations',
      {
        schema: {
          operationId: 'listDirectoryLocations',
          tags: TAGS,
          summary: 'The places where services are delivered, by organization or municipality',
          querystring: s.LocationListQuery,
          response: { 200: s.LocationList },
        },
      },
      async (request) => directory.listLocations(actorOf(request), request.query),
    );

    app.post(
      '/api/v1/directory/locations',
      {
        schema: {
          operationId: 'createDirectoryLocation',
          tags: TAGS,
          summary: 'Add a place with its address, DIVIPOLA municipality, coordinates and opening hours',
          body: s.LocationCreate,
          response: { 201: s.LocationDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await directory.createLocation(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/directory/locations/:id',
      {
        schema: {
          operationId: 'getDirectoryLocation',
          tags: TAGS,
          summary: 'One place, its opening hours and the services delivered there',
          params: s.IdParams,
          response: { 200: s.LocationDetail },
        },
      },
      async (request) => directory.getLocation(actorOf(request), request.params.id),
    );

    app.put(
      '/api/v1/directory/locations/:id',
      {
        schema: {
          operationId: 'updateDirectoryLocation',
          tags: TAGS,
          summary:
            "Replace a place's address, coordinates and opening hours (send the version read; 409 if stale)",
          params: s.IdParams,
          body: s.LocationUpdate,
          response: { 200: s.LocationDetail },
        },
      },
      async (request) => directory.updateLocation(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/directory/organizations',
      {
        schema: {
          operationId: 'listDirectoryOrganizations',
          tags: TAGS,
          summary:
            "The network's organizations with their directory profile, contacts and how many services they list",
          response: { 200: s.OrganizationList },
        },
      },
      async (request) => directory.listOrganizations(actorOf(request)),
    );

    app.put(
      '/api/v1/directory/organizations/:id/profile',
      {
        schema: {
          operationId: 'updateDirectoryOrganizationProfile',
          tags: TAGS,
          summary:
            "Replace an organization's description, email, website and contacts (send the version read; 409 if stale)",
          params: s.IdParams,
          body: s.OrganizationProfileUpdate,
          response: { 200: s.OrganizationProfile },
        },
      },
      async (request) =>
        directory.updateOrganizationProfile(actorOf(request), request.params.id, request.body),
    );
  };
