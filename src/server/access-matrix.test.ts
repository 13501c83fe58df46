/**
 * Walks every operation of the OpenAPI document × every role (and an anonymous caller) and checks the expected
 * allow or deny. An operation missing from EXPECTED fails the suite, so a new route cannot land without a
 * decision about who may call it.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { DEMO_USERS } from '../demo/network';
import { SHIPPED_INSTRUMENTS } from '../domain/assessment/shipped';
import { ROLES, type Role } from '../domain/identity/roles';
import { signInFully, type TestSession } from '../testing/sessions';
import { createTestApp } from '../testing/test-app';

interface Fixture {
  targetUserId: string;
  personId: string;
  secondPersonId: string;
  householdId: string;
  consentId: string;
  mergePair: [string, string];
  mergeId: string;
  personVersion: () => Promise<number>;
  targetVersion: () => Promise<number>;
  organizationId: string;
  officeId: string;
  importId: string;
}

interface Expectation {
  /** Roles allowed; every other role must get 403 or 404. */
  allow: readonly Role[] | 'all';
  /** For operations on the caller's own records, where another id is simply not found. */
  notFoundWhenAllowed?: boolean;
  /** The operation ends the session it is called with: use a fresh one. */
  endsSession?: boolean;
  /** The records the path names: {id} is the target user unless said otherwise. */
  id?: (fixture: Fixture) => string;
  params?: (fixture: Fixture) => Record<string, string>;
  request?: (fixture: Fixture, role: Role) => Promise<Partial<InjectOptions>> | Partial<InjectOptions>;
}

const ADMIN = ['network_admin'] as const;
const OFFICE_STAFF = ['office_coordinator', 'caseworker', 'reception_officer'] as const;
/** Staff of the Barranquilla centre, where the fixture person is registered. */
const CENTRE_STAFF = ['office_coordinator', 'caseworker'] as const;
/** Arrivals: reception officers and coordinators (of their posts). */
const ARRIVAL_STAFF = ['reception_officer', 'office_coordinator'] as const;
const PROTOCOL_READERS = [
  'network_admin',
  'office_coordinator',
  'caseworker',
  'reception_officer',
  'analyst',
] as const;
const person = (f: Fixture) => f.personId;
const UNKNOWN_ID = '00000000-0000-7000-8000-00000000abcd';

const DIRECTORY_EDITORS = ['network_admin', 'office_coordinator'] as const;
const DIRECTORY_SERVICE_ID = '01900000-0000-7000-8000-00000000d1a1';
const DIRECTORY_LOCATION_ID = '01900000-0000-7000-8000-00000000d1a2';
/** A service and a place of the fixture's organization, with fixed ids, inserted the first time they are needed. */
async function directoryFixture(f: Fixture): Promise<Partial<InjectOptions>> {
  await database.db
    .insertInto('directory_location')
    .values({ id: DIRECTORY_LOCATION_ID, organization_id: f.organizationId, name: 'Sede de la matriz' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await database.db
    .insertInto('directory_service')
    .values({
      id: DIRECTORY_SERVICE_ID,
      organization_id: f.organizationId,
      name: 'Servicio de la matriz',
      category: 'food_aid',
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return {};
}

/** Courses are the network's offer: the administrator, office staff and partners' focal points read them. */
const ENTERPRISE_COURSE_READERS = [
  'network_admin',
  'office_coordinator',
  'caseworker',
  'partner_focal_point',
] as const;
const MATCHING_VACANCY_ID = '01900000-0000-7000-8000-0000000e7a01';
/** A vacancy of SENA (acting as an employer) with a verification in date, inserted the first time it is needed. */
async function matchingFixture(): Promise<Partial<InjectOptions>> {
  const sena = await database.db
    .selectFrom('organization')
    .select('id')
    .where('short_name', '=', 'SENA')
    .executeTakeFirstOrThrow();
  const existing = await database.db
    .selectFrom('vacancy')
    .select('id')
    .where('id', '=', MATCHING_VACANCY_ID)
    .executeTakeFirst();
  if (!existing) {
    const admin = await database.db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'network_admin')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('employer_verification')
      .values({
        id: '01900000-0000-7000-8000-0000000e7a02',
        organization_id: sena.id,
        legal_registration: true,
        formal_contracts: true,
        social_security: true,
        minimum_wage_or_more: true,
        safe_conditions: true,
        non_discrimination: true,
        verified_by: admin.id,
        verified_at: new Date(),
        valid_until: '2099-12-31',
      })
      .execute();
    await database.db
      .insertInto('vacancy')
      .values({
        id: MATCHING_VACANCY_ID,
        organization_id: sena.id,
        title: 'Vacante de la matriz',
        ciuo_code: '7531',
        municipality_code: '08001',
        contract_type: 'fixed_term',
        monthly_wage: 1_750_905,
        opens_on: '2026-01-01',
        posted_by: admin.id,
      })
      .execute();
  }
  return {};
}
/** Who refers from the fixture's case: its office's staff, and the administrator. */
const REFERRERS = ['network_admin', 'office_coordinator', 'caseworker'] as const;
/** A partner's step on a referral that does not exist: focal points and the admin reach it (404). */
const PARTNER_STEP = {
  allow: ['network_admin', 'partner_focal_point'],
  notFoundWhenAllowed: true,
  id: () => UNKNOWN_ID,
} as const;

/** Deduplication runs: the administrator (whole registry) and coordinators (their offices). */
const DEDUP_USERS = ['network_admin', 'office_coordinator'] as const;
const DEDUP_RUN_STEP = { allow: DEDUP_USERS, notFoundWhenAllowed: true, id: () => UNKNOWN_ID } as const;

/** Employment staff see every employer and vacancy; with the focal points, who see their own organization's. */
const EMPLOYMENT_STAFF = ['network_admin', 'office_coordinator', 'caseworker'] as const;
const EMPLOYMENT_VIEWERS = [...EMPLOYMENT_STAFF, 'partner_focal_point'] as const;
/** A step on an application that does not exist: staff and focal points reach it (404). */
const APPLICATION_STEP = {
  allow: EMPLOYMENT_VIEWERS,
  notFoundWhenAllowed: true,
  id: () => UNKNOWN_ID,
} as const;
const EMPLOYER_CHECKS_PASS = {
  legalRegistration: true,
  formalContracts: true,
  socialSecurity: true,
  minimumWageOrMore: true,
  safeConditions: true,
  nonDiscrimination: true,
};
const VACANCY_FIELDS = {
  title: 'Vacante de la matriz',
  ciuoCode: '9321',
  municipalityCode: '08001',
  contractType: 'fixed_term',
  monthlyWage: 2_000_000,
  opensOn: '2026-12-01',
};
async function demoEmployerId(): Promise<string> {
  const row = await database.db
    .selectFrom('organization')
    .select('id')
    .where('short_name', '=', 'Textiles del Caribe')
    .executeTakeFirstOrThrow();
  return row.id;
}

const EXPECTED: Record<string, Expectation> = {
  getSession: { allow: 'all' },
  verifySecondFactor: { allow: 'all', request: () => ({ payload: { code: '123456' } }) },
  signOut: { allow: 'all', endsSession: true },
  changeOwnPassword: {
    allow: 'all',
    request: () => ({
      payload: { currentPassword: 'not the current one', newPassword: 'una frase larga y propia 42' },
    }),
  },
  startTotpEnrolment: { allow: 'all' },
  confirmTotpEnrolment: { allow: 'all', request: () => ({ payload: { code: '123456' } }) },
  disableTotp: { allow: 'all' },
  listApiTokens: { allow: 'all' },
  createApiToken: { allow: 'all', request: () => ({ payload: { name: 'Matriz', scopes: ['read'] } }) },
  revokeApiToken: {
    allow: 'all',
    notFoundWhenAllowed: true,
    request: () => ({ url: `/api/v1/auth/tokens/${UNKNOWN_ID}` }),
  },
  getNetwork: { allow: 'all' },
  listUsers: { allow: ['network_admin', 'office_coordinator'] },
  createUser: {
    allow: ADMIN,
    request: (f, role) => ({
      payload: {
        email: `matriz.${role}@ruta.example`,
        displayName: `Matriz ${role}`,
        role: 'caseworker',
        organizationId: f.organizationId,
        officeIds: [f.officeId],
      },
    }),
  },
  getUser: { allow: ['network_admin', 'office_coordinator'] },
  updateUser: {
    allow: ADMIN,
    request: async (f) => ({
      payload: { version: await f.targetVersion(), displayName: 'Persona de la matriz' },
    }),
  },
  deactivateUser: { allow: ADMIN },
  reactivateUser: { allow: ADMIN },
  resetUserPassword: { allow: ADMIN },
  listAuditEntries: { allow: ADMIN },
  searchPersons: { allow: OFFICE_STAFF, request: () => ({ query: { q: 'Matriz' } }) },
  checkPersonDuplicates: {
    allow: OFFICE_STAFF,
    request: () => ({ payload: { givenName1: 'Matriz', surname1: 'Prueba' } }),
  },
  registerPerson: {
    allow: CENTRE_STAFF,
    request: (f, role) => ({
      payload: {
        officeId: f.officeId,
        givenName1: 'Registro',
        surname1: `Matriz ${role}`,
        populationGroup: 'venezuelan_migrant',
        acknowledgeDuplicates: true,
      },
    }),
  },
  getPerson: { allow: CENTRE_STAFF, id: person },
  getPersonTimeline: { allow: CENTRE_STAFF, id: person },
  listPersonHouseholds: { allow: CENTRE_STAFF, id: person },
  createHousehold: {
    allow: CENTRE_STAFF,
    request: (f) => ({
      payload: { officeId: f.officeId, members: [{ personId: f.secondPersonId, relationship: 'head' }] },
    }),
  },
  getHousehold: { allow: CENTRE_STAFF, id: (f) => f.householdId },
  addHouseholdMember: {
    allow: CENTRE_STAFF,
    id: (f) => f.householdId,
    request: (f) => ({ payload: { personId: f.personId, relationship: 'spouse' } }),
  },
  removeHouseholdMember: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: (f) => f.householdId,
    params: (f) => ({ personId: f.personId }),
  },
  listConsents: { allow: CENTRE_STAFF, id: person },
  mergePersons: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    request: async (f) => {
      const [survivorId, mergedId] = f.mergePair;
      const versions = await database.db
        .selectFrom('person')
        .select(['id', 'version'])
        .where('id', 'in', f.mergePair)
        .execute();
      const version = (id: string) => versions.find((v) => v.id === id)?.version ?? 1;
      return {
        payload: {
          survivorId,
          mergedId,
          survivorVersion: version(survivorId),
          mergedVersion: version(mergedId),
        },
      };
    },
  },
  undoPersonMerge: { allow: CENTRE_STAFF, notFoundWhenAllowed: true, id: (f) => f.mergeId },
  recordConsent: {
    allow: CENTRE_STAFF,
    id: person,
    request: () => ({ payload: { purpose: 'contact', givenBy: 'self', method: 'verbal' } }),
  },
  revokeConsent: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: person,
    params: (f) => ({ consentId: f.consentId }),
  },
  updatePerson: {
    allow: CENTRE_STAFF,
    id: person,
    request: async (f) => ({ payload: { version: await f.personVersion(), preferredName: 'Mati' } }),
  },
  exportAuditEntries: { allow: ADMIN },
  uploadImportFile: {
    allow: CENTRE_STAFF,
    request: (f) => ({
      query: { officeId: f.officeId, fileName: 'matriz.csv' },
      headers: { 'content-type': 'text/csv' },
      payload: 'Nombres;Apellidos\r\nMatriz;Importación\r\n',
    }),
  },
  listImports: { allow: CENTRE_STAFF },
  // Deduplication: administrators and coordinators; only coordinators read pairs (a run or pair that does not
  // exist is a 404 to them).
  listDedupRuns: { allow: DEDUP_USERS },
  startDedupRun: {
    allow: DEDUP_USERS,
    notFoundWhenAllowed: true,
    request: () => ({ payload: { scope: 'import', importJobId: UNKNOWN_ID } }),
  },
  getDedupRun: DEDUP_RUN_STEP,
  cancelDedupRun: DEDUP_RUN_STEP,
  resumeDedupRun: DEDUP_RUN_STEP,
  listDedupPairs: { allow: ['office_coordinator'], notFoundWhenAllowed: true, id: () => UNKNOWN_ID },
  getDedupPair: { allow: ['office_coordinator'], notFoundWhenAllowed: true, id: () => UNKNOWN_ID },
  decideDedupPair: {
    allow: ['office_coordinator'],
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { decision: 'different', version: 1 } }),
  },
  getDedupThresholds: { allow: DEDUP_USERS },
  applyDedupThresholds: { allow: ADMIN, request: () => ({ payload: { same: 0.99, review: 0.5 } }) },
  getImport: { allow: CENTRE_STAFF, id: (f) => f.importId },
  setImportMapping: {
    allow: CENTRE_STAFF,
    id: (f) => f.importId,
    request: () => ({ payload: { mapping: ['givenNames', 'surnames'], defaultPopulationGroup: 'returnee' } }),
  },
  previewImport: { allow: CENTRE_STAFF, id: (f) => f.importId },
  startImport: {
    allow: CENTRE_STAFF,
    id: (f) => f.importId,
    request: () => ({ payload: { mode: 'skipInvalid' } }),
  },
  cancelImport: { allow: CENTRE_STAFF, id: (f) => f.importId },
  downloadImportErrors: { allow: CENTRE_STAFF, id: (f) => f.importId },
  listAssessmentInstruments: { allow: 'all' },
  importAssessmentInstrument: {
    allow: ADMIN,
    request: () => ({ payload: { ...SHIPPED_INSTRUMENTS[0], key: 'matriz_importada' } }),
  },
  getAssessmentInstrumentVersion: {
    allow: 'all',
    request: async () => ({
      url: `/api/v1/assessment-instrument-versions/${await activeHouseholdVersionId()}`,
    }),
  },
  supersedeAssessmentInstrumentVersion: {
    allow: ADMIN,
    notFoundWhenAllowed: true,
    request: () => ({ url: `/api/v1/assessment-instrument-versions/${UNKNOWN_ID}/supersede` }),
  },
  startAssessment: {
    allow: CENTRE_STAFF,
    request: (f) => ({ payload: { subjectType: 'household', subjectId: f.householdId } }),
  },
  getAssessment: { allow: CENTRE_STAFF, request: async (f) => ({ url: await assessmentUrl(f) }) },
  saveAssessmentDraft: {
    allow: CENTRE_STAFF,
    request: async (f) => ({
      url: await assessmentUrl(f),
      payload: { version: 1, answers: { sisben: 'si' } },
    }),
  },
  completeAssessment: {
    allow: CENTRE_STAFF,
    request: async (f) => ({ url: `${await assessmentUrl(f)}/complete`, payload: { version: 1 } }),
  },
  listHouseholdAssessments: { allow: CENTRE_STAFF, id: (f) => f.householdId },
  listPersonAssessments: { allow: CENTRE_STAFF, id: person },
  getAssessmentIndicator: { allow: ['network_admin', 'office_coordinator', 'analyst'] },
  setAssessmentIndicatorTarget: {
    allow: ['network_admin', 'office_coordinator'],
    request: (f) => ({ payload: { officeId: f.officeId, targetShare: 0.7 } }),
  },
  getCharacterization: { allow: CENTRE_STAFF, id: person },
  getCharacterizationVersion: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: person,
    params: () => ({ number: '1' }),
  },
  getCharacterizationDraft: { allow: CENTRE_STAFF, id: person },
  saveCharacterizationDraft: {
    allow: CENTRE_STAFF,
    id: person,
    request: () => ({ payload: { version: 0, answers: { lifeProject: 'Matriz' }, occupations: [] } }),
  },
  completeCharacterization: { allow: CENTRE_STAFF, id: person, request: () => ({ payload: { version: 1 } }) },
  listPersonNeeds: { allow: CENTRE_STAFF, id: person },
  listHouseholdNeeds: { allow: CENTRE_STAFF, id: (f) => f.householdId },
  listHouseholdMemberNeeds: { allow: CENTRE_STAFF, id: (f) => f.householdId },
  createNeed: {
    allow: CENTRE_STAFF,
    request: (f) => ({
      payload: { personId: f.personId, dimension: 'social', description: 'Matriz', severity: 'low' },
    }),
  },
  updateNeed: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { version: 1, status: 'met' } }),
  },
  listOfficeOpenNeeds: { allow: ['office_coordinator'], id: (f) => f.officeId },
  listProgrammes: { allow: 'all' },
  // Programme administration: network administrators only. A stale version is a 409, i.e. allowed.
  listProgrammeRecords: { allow: ADMIN },
  createProgramme: {
    allow: ADMIN,
    request: (_f, role) => ({
      payload: {
        key: `matriz-${role.replaceAll('_', '-')}`,
        name: { es: 'Programa de la matriz', en: 'Matrix programme' },
        requiresPlanApproval: false,
        requiresClosureApproval: false,
      },
    }),
  },
  updateProgramme: {
    allow: ADMIN,
    params: () => ({ key: 'plan-retorno-emprendimiento' }),
    request: () => ({ payload: { version: 999, requiresClosureApproval: false } }),
  },
  // The service directory: everyone reads; administrators and coordinators edit any organization's entries, a
  // focal point only its own (the fixture's organization is the Barranquilla centre's, not SENA). Stale versions
  // answer 409, i.e. allowed.
  listDirectoryServices: { allow: 'all' },
  getDirectoryService: { allow: 'all', id: () => DIRECTORY_SERVICE_ID, request: directoryFixture },
  createDirectoryService: {
    allow: DIRECTORY_EDITORS,
    request: (f) => ({
      payload: { organizationId: f.organizationId, name: 'Servicio de la matriz', category: 'food_aid' },
    }),
  },
  updateDirectoryService: {
    allow: DIRECTORY_EDITORS,
    id: () => DIRECTORY_SERVICE_ID,
    request: async (f) => ({
      ...(await directoryFixture(f)),
      payload: {
        organizationId: f.organizationId,
        name: 'Servicio de la matriz',
        category: 'food_aid',
        version: 999,
      },
    }),
  },
  listDirectoryLocations: { allow: 'all' },
  getDirectoryLocation: { allow: 'all', id: () => DIRECTORY_LOCATION_ID, request: directoryFixture },
  createDirectoryLocation: {
    allow: DIRECTORY_EDITORS,
    request: (f) => ({ payload: { organizationId: f.organizationId, name: 'Sede de la matriz' } }),
  },
  updateDirectoryLocation: {
    allow: DIRECTORY_EDITORS,
    id: () => DIRECTORY_LOCATION_ID,
    request: async (f) => ({
      ...(await directoryFixture(f)),
      payload: { organizationId: f.organizationId, name: 'Sede de la matriz', version: 999 },
    }),
  },
  listDirectoryOrganizations: { allow: 'all' },
  updateDirectoryOrganizationProfile: {
    allow: DIRECTORY_EDITORS,
    id: (f) => f.organizationId,
    request: () => ({ payload: { description: 'Perfil de la matriz', version: 999 } }),
  },
  listCases: { allow: CENTRE_STAFF },
  openCase: {
    allow: CENTRE_STAFF,
    request: (f) => ({
      payload: { personId: f.secondPersonId, programmeKey: 'plan-retorno-atencion-inmediata' },
    }),
  },
  listCasePendingApprovals: { allow: ['office_coordinator'] },
  getCase: { allow: CENTRE_STAFF, request: async (f) => ({ url: await caseUrl(f) }) },
  transitionCase: {
    allow: CENTRE_STAFF,
    request: async (f) => ({
      url: `${await caseUrl(f)}/transitions`,
      payload: { version: await caseVersion(), action: 'hold', reason: 'Matriz' },
    }),
  },
  submitCasePlan: {
    allow: CENTRE_STAFF,
    request: async (f) => ({
      url: `${await caseUrl(f)}/plan/submit`,
      payload: { version: await caseVersion() },
    }),
  },
  decideCase: {
    allow: ['office_coordinator'],
    request: async (f) => ({
      url: `${await caseUrl(f)}/decisions`,
      payload: { version: await caseVersion(), subject: 'plan', decision: 'approve' },
    }),
  },
  setCaseCategories: {
    allow: CENTRE_STAFF,
    request: async (f) => ({
      url: `${await caseUrl(f)}/categories`,
      payload: { version: await caseVersion(), categories: ['other_vulnerability'] },
    }),
  },
  reassignCase: {
    allow: ['office_coordinator'],
    request: async (f) => ({
      url: `${await caseUrl(f)}/reassign`,
      payload: { version: await caseVersion(), caseworkerId: await demoCaseworkerId() },
    }),
  },
  requestCaseTransfer: {
    allow: CENTRE_STAFF,
    request: async (f) => ({
      url: `${await caseUrl(f)}/transfer`,
      payload: { version: await caseVersion(), toOfficeId: await bogotaOfficeId(), reason: 'Matriz' },
    }),
  },
  // Only the receiving office's coordinators decide; no demo user coordinates Bogotá, so everyone gets 404.
  decideCaseTransfer: {
    allow: ['office_coordinator'],
    notFoundWhenAllowed: true,
    request: async (f) => ({
      url: `${await caseUrl(f)}/transfer/decision`,
      payload: { version: await caseVersion(), decision: 'accept' },
    }),
  },
  addCaseGoal: {
    allow: CENTRE_STAFF,
    request: async (f) => ({
      url: `${await caseUrl(f)}/goals`,
      payload: { version: await caseVersion(), dimension: 'social', description: 'Matriz' },
    }),
  },
  updateCaseGoal: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    request: async (f) => ({
      url: `${await caseUrl(f)}/goals/${UNKNOWN_ID}`,
      payload: { version: await caseVersion(), description: 'Matriz' },
    }),
  },
  addCaseAction: {
    allow: CENTRE_STAFF,
    request: async (f) => ({
      url: `${await caseUrl(f)}/actions`,
      payload: {
        version: await caseVersion(),
        goalId: UNKNOWN_ID,
        description: 'Matriz',
        responsible: { kind: 'person' },
      },
    }),
  },
  updateCaseAction: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    request: async (f) => ({
      url: `${await caseUrl(f)}/actions/${UNKNOWN_ID}`,
      payload: { version: await caseVersion(), status: 'done' },
    }),
  },
  getCaseHistory: { allow: CENTRE_STAFF, request: async (f) => ({ url: `${await caseUrl(f)}/history` }) },
  listCaseNotes: { allow: CENTRE_STAFF, request: async (f) => ({ url: `${await caseUrl(f)}/notes` }) },
  addCaseNote: {
    allow: CENTRE_STAFF,
    request: async (f) => ({ url: `${await caseUrl(f)}/notes`, payload: { body: 'Matriz' } }),
  },
  listPersonCases: { allow: CENTRE_STAFF, id: person },
  listHouseholdCases: { allow: CENTRE_STAFF, id: (f) => f.householdId },
  getMyWork: { allow: OFFICE_STAFF },
  listTasks: { allow: OFFICE_STAFF },
  createTask: {
    allow: CENTRE_STAFF,
    request: (f) => ({ payload: { officeId: f.officeId, title: 'Matriz' } }),
  },
  getTask: { allow: CENTRE_STAFF, request: async () => ({ url: `/api/v1/tasks/${await centreTaskId()}` }) },
  updateTask: {
    allow: CENTRE_STAFF,
    request: async () => ({
      url: `/api/v1/tasks/${await centreTaskId()}`,
      payload: { version: 999, title: 'Matriz' },
    }),
  },
  getOfficeWorkOverview: { allow: ['office_coordinator'], id: (f) => f.officeId },
  listArrivals: { allow: ARRIVAL_STAFF },
  createArrival: {
    allow: ['reception_officer'],
    request: async () => ({
      payload: {
        officeId: await airportOfficeId(),
        kind: 'announced',
        transport: 'air',
        expectedAt: new Date().toISOString(),
        travellerName: 'Matriz de Acceso',
      },
    }),
  },
  getArrival: { allow: ['reception_officer'], request: async () => ({ url: await arrivalUrl() }) },
  updateArrival: {
    allow: ['reception_officer'],
    request: async () => ({ url: await arrivalUrl(), payload: { version: 999, notes: 'Matriz' } }),
  },
  receiveArrival: {
    allow: ['reception_officer'],
    request: async () => ({ url: `${await arrivalUrl()}/receive`, payload: { version: 999 } }),
  },
  markArrivalNoShow: {
    allow: ['reception_officer'],
    request: async () => ({ url: `${await arrivalUrl()}/no-show`, payload: { version: 999 } }),
  },
  createArrivalTask: {
    allow: ['reception_officer'],
    request: async () => ({ url: `${await arrivalUrl()}/tasks`, payload: { title: 'Matriz' } }),
  },
  listProtocols: { allow: PROTOCOL_READERS },
  listProtocolVersions: {
    allow: PROTOCOL_READERS,
    request: async () => ({ url: `/api/v1/protocols/${await deportedProtocolId()}/versions` }),
  },
  updateProtocol: {
    allow: ['network_admin', 'office_coordinator'],
    request: async () => ({
      url: `/api/v1/protocols/${await deportedProtocolId()}`,
      payload: {
        version: 999,
        name: { es: 'Matriz', en: 'Matrix' },
        steps: [{ id: 'matriz', title: { es: 'Paso', en: 'Step' }, dueOffsetMinutes: 10 }],
      },
    }),
  },
  getProtocolReport: { allow: ['network_admin', 'office_coordinator', 'analyst'] },
  // The hand-off of an arrival: its post's staff (the demo's reception officer); the case team reads the arrival.
  getArrivalHandoff: {
    allow: ['reception_officer'],
    request: async () => ({ url: `${await arrivalUrl()}/handoff` }),
  },
  handOffArrival: {
    allow: ['reception_officer'],
    request: async () => ({
      url: `${await arrivalUrl()}/handoff`,
      payload: {
        version: 999,
        officeId: await bogotaOfficeId(),
        programmeKey: 'plan-retorno-atencion-inmediata',
      },
    }),
  },
  getCaseArrival: { allow: CENTRE_STAFF, request: async (f) => ({ url: `${await caseUrl(f)}/arrival` }) },
  // Referrals: the case's office staff check and list, its team sends and withdraws (a goal missing: 400 for the
  // allowed); partners' focal points answer their organization's; the administrator everything. Reception
  // officers and analysts never see them; the report is for coordinators, analysts, partners and the admin.
  checkReferral: {
    allow: REFERRERS,
    request: async (f) => {
      await directoryFixture(f);
      return { url: `${await caseUrl(f)}/referral-check`, query: { serviceId: DIRECTORY_SERVICE_ID } };
    },
  },
  sendReferral: {
    allow: REFERRERS,
    request: async (f) => ({
      url: `${await caseUrl(f)}/referrals`,
      payload: { serviceId: DIRECTORY_SERVICE_ID, reason: 'Matriz' },
    }),
  },
  listCaseReferrals: { allow: REFERRERS, request: async (f) => ({ url: `${await caseUrl(f)}/referrals` }) },
  listReferralInbox: { allow: ['network_admin', 'partner_focal_point'] },
  getReferral: {
    allow: [...REFERRERS, 'partner_focal_point'],
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
  },
  acceptReferral: { ...PARTNER_STEP, request: () => ({ payload: { version: 1 } }) },
  declineReferral: { ...PARTNER_STEP, request: () => ({ payload: { version: 1, reason: 'Matriz' } }) },
  startReferral: { ...PARTNER_STEP, request: () => ({ payload: { version: 1 } }) },
  completeReferral: { ...PARTNER_STEP, request: () => ({ payload: { version: 1, outcome: 'achieved' } }) },
  markReferralNotAttended: { ...PARTNER_STEP, request: () => ({ payload: { version: 1 } }) },
  withdrawReferral: {
    allow: REFERRERS,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { version: 1, reason: 'Matriz' } }),
  },
  referralReport: { allow: ['network_admin', 'office_coordinator', 'analyst', 'partner_focal_point'] },
  // HSDS exchange: every signed-in user downloads the package; administrators and coordinators import one (an
  // empty body reaches the package check: 422 for them, 403 for the others).
  exportHsdsPackage: { allow: 'all' },
  importHsdsPackage: {
    allow: ['network_admin', 'office_coordinator'],
    request: () => ({ headers: { 'content-type': 'application/zip' }, payload: Buffer.alloc(0) }),
  },
  // Employment: staff see employers and vacancies, an employer's focal point its own (the matrix's focal point is
  // SENA's, not an employer: it lists nothing and reaches no employer). Administrators and coordinators verify and
  // edit profiles; coordinators and caseworkers propose people; the person's office staff keep the registration.
  listEmployers: { allow: EMPLOYMENT_VIEWERS },
  getEmployer: {
    allow: EMPLOYMENT_STAFF,
    request: async () => ({ url: `/api/v1/employment/employers/${await demoEmployerId()}` }),
  },
  updateEmployerProfile: {
    allow: ['network_admin', 'office_coordinator'],
    request: async () => ({
      url: `/api/v1/employment/employers/${await demoEmployerId()}/profile`,
      payload: { version: 999, taxId: '900000000-1' },
    }),
  },
  verifyEmployer: {
    allow: ['network_admin', 'office_coordinator'],
    request: async () => ({
      url: `/api/v1/employment/employers/${await demoEmployerId()}/verifications`,
      payload: { ...EMPLOYER_CHECKS_PASS, validUntil: '2000-01-01' },
    }),
  },
  listVacancies: { allow: EMPLOYMENT_VIEWERS },
  createVacancy: {
    allow: EMPLOYMENT_STAFF,
    request: async () => ({
      payload: { organizationId: await demoEmployerId(), ...VACANCY_FIELDS, ciuoCode: '9999' },
    }),
  },
  getVacancy: { allow: EMPLOYMENT_VIEWERS, notFoundWhenAllowed: true, id: () => UNKNOWN_ID },
  updateVacancy: {
    allow: EMPLOYMENT_VIEWERS,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { version: 1, ...VACANCY_FIELDS, status: 'open' } }),
  },
  proposeCandidate: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: (f) => ({ payload: { personId: f.personId } }),
  },
  listVacancyApplications: { allow: EMPLOYMENT_VIEWERS, notFoundWhenAllowed: true, id: () => UNKNOWN_ID },
  scheduleInterview: {
    ...APPLICATION_STEP,
    request: () => ({ payload: { version: 1, interviewAt: '2026-12-09T15:00:00-05:00' } }),
  },
  hireCandidate: { ...APPLICATION_STEP, request: () => ({ payload: { version: 1, hiredOn: '2026-12-10' } }) },
  markNotHired: { ...APPLICATION_STEP, request: () => ({ payload: { version: 1, reason: 'Matriz' } }) },
  withdrawApplication: {
    ...APPLICATION_STEP,
    request: () => ({ payload: { version: 1, reason: 'Matriz' } }),
  },
  listPlacementFollowUps: { allow: EMPLOYMENT_STAFF },
  recordPlacementFollowUp: {
    allow: EMPLOYMENT_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { stillEmployed: true } }),
  },
  getEmploymentServiceRegistration: { allow: CENTRE_STAFF, params: (f) => ({ personId: f.personId }) },
  saveEmploymentServiceRegistration: {
    allow: CENTRE_STAFF,
    params: (f) => ({ personId: f.personId }),
    request: () => ({ payload: { version: 999, registeredOn: '2026-01-05', status: 'registered' } }),
  },
  listPersonJobApplications: { allow: CENTRE_STAFF, params: (f) => ({ personId: f.personId }) },
  // Matching: staff ask for a vacancy's candidates (among their offices' people), and so does the employer's focal
  // point (SENA's here, verified); a person's job profile and suggested vacancies are for the staff of the person's
  // offices (the administrator does not read persons' records); the labour demand aggregates for the administrator,
  // coordinators and analysts.
  listVacancyCandidates: {
    allow: ['network_admin', 'office_coordinator', 'caseworker', 'partner_focal_point'],
    id: () => MATCHING_VACANCY_ID,
    request: () => matchingFixture(),
  },
  listPersonVacancies: { allow: CENTRE_STAFF, params: (f) => ({ personId: f.personId }) },
  getJobProfile: { allow: CENTRE_STAFF, params: (f) => ({ personId: f.personId }) },
  saveJobProfile: {
    allow: CENTRE_STAFF,
    params: (f) => ({ personId: f.personId }),
    request: () => ({
      payload: {
        version: 999,
        ciuoCodes: ['7531'],
        skills: [],
        educationLevel: null,
        experienceMonths: 0,
        municipalityCode: null,
        availability: null,
        seeking: true,
      },
    }),
  },
  refreshJobProfile: { allow: CENTRE_STAFF, params: (f) => ({ personId: f.personId }) },
  getLabourDemand: { allow: ['network_admin', 'office_coordinator', 'analyst'] },
  // Entrepreneurship: courses for the administrator, office staff and partners' focal points (their own
  // organization's); a person's enrolments, units and financing for the staff of the person's offices, with the
  // course's organization and the intermediary on their side of an enrolment or application; aggregates for the
  // administrator, coordinators and analysts.
  listEnterpriseCourses: { allow: [...ENTERPRISE_COURSE_READERS] },
  createEnterpriseCourse: {
    allow: [...ADMIN, ...CENTRE_STAFF],
    request: (f) => ({
      payload: {
        organizationId: f.organizationId,
        name: 'Curso de la matriz',
        kind: 'complementary',
        modality: 'virtual',
        hours: 20,
        startsOn: '2026-11-02',
      },
    }),
  },
  getEnterpriseCourse: { allow: ENTERPRISE_COURSE_READERS, notFoundWhenAllowed: true, id: () => UNKNOWN_ID },
  updateEnterpriseCourse: {
    allow: ENTERPRISE_COURSE_READERS,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { version: 1 } }),
  },
  enrolInEnterpriseCourse: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: (f) => ({ payload: { personId: f.personId, officeId: f.officeId } }),
  },
  updateEnterpriseEnrolment: {
    allow: [...CENTRE_STAFF, 'partner_focal_point'],
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { version: 1 } }),
  },
  listProductiveUnits: { allow: CENTRE_STAFF },
  createProductiveUnit: {
    allow: CENTRE_STAFF,
    request: (f) => ({
      payload: { personId: f.personId, officeId: f.officeId, name: 'Unidad de la matriz', sector: 'I' },
    }),
  },
  getProductiveUnit: { allow: CENTRE_STAFF, notFoundWhenAllowed: true, id: () => UNKNOWN_ID },
  updateProductiveUnit: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { version: 1 } }),
  },
  addProductiveUnitSupport: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { kind: 'training', providedOn: '2026-11-02' } }),
  },
  addProductiveUnitFollowUp: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { visitedOn: '2026-11-02' } }),
  },
  createFinancingApplication: {
    allow: CENTRE_STAFF,
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: (f) => ({
      payload: {
        line: 'microcredit',
        intermediaryOrganizationId: f.organizationId,
        amountRequested: 1_000_000,
      },
    }),
  },
  listFinancingApplications: { allow: [...CENTRE_STAFF, 'partner_focal_point'] },
  updateFinancingApplication: {
    allow: [...CENTRE_STAFF, 'partner_focal_point'],
    notFoundWhenAllowed: true,
    id: () => UNKNOWN_ID,
    request: () => ({ payload: { version: 1 } }),
  },
  getPersonEnterprise: { allow: CENTRE_STAFF, id: person },
  enterpriseSummary: { allow: ['network_admin', 'office_coordinator', 'analyst'] },
};

interface Operation {
  method: string;
  path: string;
  operationId: string;
  isPublic: boolean;
}

let app: FastifyInstance;
let database: DatabaseHandle;
let operations: Operation[];
let fixture: Fixture;
const sessions = new Map<Role, TestSession>();
const totpSecrets = new Map<Role, string>();

let assessmentId: string | undefined;
/** One draft application of the fixture household, started by the caseworker the first time it is needed. */
async function assessmentUrl(f: Fixture): Promise<string> {
  if (!assessmentId) {
    const started = await (sessions.get('caseworker') as TestSession).request({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { subjectType: 'household', subjectId: f.householdId },
    });
    assessmentId = started.json().id as string;
  }
  return `/api/v1/assessments/${assessmentId}`;
}

let caseId: string | undefined;
/** One case of the fixture person, opened by the caseworker the first time it is needed. */
async function caseUrl(f: Fixture): Promise<string> {
  if (!caseId) {
    const opened = await (sessions.get('caseworker') as TestSession).request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { personId: f.personId, programmeKey: 'plan-retorno-insercion-laboral' },
    });
    caseId = opened.json().id as string;
  }
  return `/api/v1/cases/${caseId}`;
}

async function caseVersion(): Promise<number> {
  const row = await database.db
    .selectFrom('case')
    .select('version')
    .where('id', '=', caseId as string)
    .executeTakeFirst();
  return row?.version ?? 1;
}

async function demoCaseworkerId(): Promise<string> {
  const row = await database.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'gestor@ruta.example')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function bogotaOfficeId(): Promise<string> {
  const row = await database.db
    .selectFrom('office')
    .select('id')
    .where('name', '=', 'Oficina de Atención al Migrante – Bogotá')
    .executeTakeFirstOrThrow();
  return row.id;
}

let centreTask: string | undefined;
/** One task of the Barranquilla centre, created by its caseworker the first time it is needed. */
async function centreTaskId(): Promise<string> {
  if (!centreTask) {
    const created = await (sessions.get('caseworker') as TestSession).request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { officeId: fixture.officeId, title: 'Tarea de la matriz' },
    });
    centreTask = created.json().id as string;
  }
  return centreTask;
}

async function airportOfficeId(): Promise<string> {
  const office = await database.db
    .selectFrom('office')
    .select('id')
    .where('kind', '=', 'airport_arrival_point')
    .executeTakeFirstOrThrow();
  return office.id;
}

let arrivalId: string | undefined;
/** One arrival announced at El Dorado by its reception officer, created the first time it is needed. */
async function arrivalUrl(): Promise<string> {
  if (!arrivalId) {
    const created = await (sessions.get('reception_officer') as TestSession).request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: {
        officeId: await airportOfficeId(),
        kind: 'announced',
        transport: 'air',
        expectedAt: new Date().toISOString(),
        travellerName: 'Llegada de la matriz',
        categories: ['deported'],
      },
    });
    arrivalId = created.json().id as string;
  }
  return `/api/v1/arrivals/${arrivalId}`;
}

async function deportedProtocolId(): Promise<string> {
  const row = await database.db
    .selectFrom('protocol')
    .select('id')
    .where('category', '=', 'deported')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function activeHouseholdVersionId(): Promise<string> {
  const row = await database.db
    .selectFrom('assessment_instrument_version as v')
    .innerJoin('assessment_instrument as i', 'i.id', 'v.instrument_id')
    .select('v.id')
    .where('i.key', '=', 'hogar_integracion')
    .where('v.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = Object.entries(
    document.paths as Record<string, Record<string, { operationId?: string; security?: unknown[] }>>,
  ).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      operationId: op.operationId ?? `${method} ${path}`,
      isPublic: Array.isArray(op.security) && op.security.length === 0,
    })),
  );
  for (const role of ROLES) {
    const demoUser = DEMO_USERS.find((user) => user.role === role);
    if (!demoUser) throw new Error(`no demo user for ${role}`);
    const signedIn = await signInFully(app, demoUser.email);
    sessions.set(role, signedIn.session);
    if (signedIn.totpSecret) totpSecrets.set(role, signedIn.totpSecret);
  }
  const office = await database.db
    .selectFrom('office')
    .select(['id', 'organization_id'])
    .where('name', '=', 'Centro Intégrate Barranquilla')
    .executeTakeFirstOrThrow();
  const created = await sessions.get('network_admin')?.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      email: 'objetivo.matriz@ruta.example',
      displayName: 'Objetivo de la matriz',
      role: 'caseworker',
      organizationId: office.organization_id,
      officeIds: [office.id],
    },
  });
  const targetUserId = created?.json().user.id as string;
  const registered = await sessions.get('caseworker')?.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: office.id,
      givenName1: 'Persona',
      surname1: 'De la Matriz',
      populationGroup: 'returnee',
    },
  });
  const personId = registered?.json().id as string;
  const caseworker = sessions.get('caseworker') as TestSession;
  const second = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: office.id,
      givenName1: 'Segunda',
      surname1: 'Persona Matriz',
      populationGroup: 'host_community',
    },
  });
  const secondPersonId = second.json().id as string;
  const household = await caseworker.request({
    method: 'POST',
    url: '/api/v1/households',
    payload: { officeId: office.id, members: [{ personId, relationship: 'head' }] },
  });
  const consent = await caseworker.request({
    method: 'POST',
    url: `/api/v1/persons/${personId}/consents`,
    payload: { purpose: 'assistance', givenBy: 'self', method: 'written' },
  });
  const registerPair = async (label: string) => {
    const ids: string[] = [];
    for (const suffix of ['uno', 'dos']) {
      const response = await caseworker.request({
        method: 'POST',
        url: '/api/v1/persons',
        payload: {
          officeId: office.id,
          givenName1: `${label} ${suffix}`,
          surname1: 'Fusión',
          populationGroup: 'returnee',
          acknowledgeDuplicates: true,
        },
      });
      ids.push(response.json().id as string);
    }
    return ids as [string, string];
  };
  const mergePair = await registerPair('Matriz');
  const [undoSurvivor, undoMerged] = await registerPair('Deshacer');
  const merged = await caseworker.request({
    method: 'POST',
    url: '/api/v1/person-merges',
    payload: { survivorId: undoSurvivor, mergedId: undoMerged, survivorVersion: 1, mergedVersion: 1 },
  });
  const importFile = await caseworker.request({
    method: 'POST',
    url: '/api/v1/imports',
    query: { officeId: office.id, fileName: 'matriz.csv' },
    headers: { 'content-type': 'text/csv' },
    payload: 'Nombres;Apellidos\r\nMatriz;Importación\r\n',
  });
  fixture = {
    importId: importFile.json().job.id as string,
    targetUserId,
    personId,
    mergePair,
    mergeId: merged.json().mergeId as string,
    secondPersonId,
    householdId: household.json().id as string,
    consentId: consent.json().id as string,
    personVersion: async () =>
      (
        await database.db
          .selectFrom('person')
          .select('version')
          .where('id', '=', personId)
          .executeTakeFirstOrThrow()
      ).version,
    organizationId: office.organization_id,
    officeId: office.id,
    targetVersion: async () =>
      (
        await database.db
          .selectFrom('app_user')
          .select('version')
          .where('id', '=', targetUserId)
          .executeTakeFirstOrThrow()
      ).version,
  };
});
afterAll(() => app.close());

function urlFor(operation: Operation): string {
  const expectation = EXPECTED[operation.operationId];
  const params: Record<string, string> = {
    id: expectation?.id?.(fixture) ?? fixture.targetUserId,
    ...(expectation?.params?.(fixture) ?? {}),
  };
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

async function sessionFor(role: Role, fresh: boolean): Promise<TestSession> {
  if (!fresh) return sessions.get(role) as TestSession;
  const demoUser = DEMO_USERS.find((user) => user.role === role);
  return (await signInFully(app, demoUser?.email as string, totpSecrets.get(role))).session;
}

describe('route × role access matrix', () => {
  it('has an expectation for every operation, and no stale ones', () => {
    const protectedIds = operations.filter((op) => !op.isPublic).map((op) => op.operationId);
    expect(
      protectedIds.filter((id) => !(id in EXPECTED)),
      'operations without an access expectation',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((id) => !protectedIds.includes(id)),
      'expectations without an operation',
    ).toEqual([]);
  });

  it('refuses anonymous callers on every protected operation, and lets them reach public ones', async () => {
    for (const operation of operations) {
      const response = await app.inject({
        method: operation.method as InjectOptions['method'],
        url: urlFor(operation),
      });
      if (operation.isPublic) {
        expect(response.statusCode, `${operation.operationId} is public`).not.toBe(401);
      } else {
        expect(response.statusCode, `${operation.operationId} anonymous`).toBe(401);
      }
    }
  });

  it('answers anonymous callers of the public service finder with 200', async () => {
    const serviceId = '01900000-0000-7000-8000-0000000f1d01';
    await database.db
      .insertInto('directory_service')
      .values({
        id: serviceId,
        organization_id: fixture.organizationId,
        name: 'Servicio público de la matriz',
        category: 'legal_advice',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (const url of [
      '/api/v1/public/services?need=legal_documentation&municipality=08001',
      `/api/v1/public/services/${serviceId}`,
      '/api/v1/public/municipalities?q=barranquilla',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('allows and denies each role as expected', async () => {
    const results: string[] = [];
    let checks = 0;
    for (const operation of operations.filter((op) => !op.isPublic)) {
      const expectation = EXPECTED[operation.operationId] as Expectation;
      for (const role of ROLES) {
        const allowed = expectation.allow === 'all' || expectation.allow.includes(role);
        const session = await sessionFor(role, Boolean(expectation.endsSession));
        const extra = (await expectation.request?.(fixture, role)) ?? {};
        const response = await session.request({
          method: operation.method as InjectOptions['method'],
          url: urlFor(operation),
          ...extra,
        });
        const type = String(response.headers['content-type'] ?? '').includes('problem')
          ? response.json().type
          : null;
        const denied =
          response.statusCode === 403 ||
          (response.statusCode === 404 && !(allowed && expectation.notFoundWhenAllowed)) ||
          type === 'urn:ruta:problem:unauthorized';
        checks++;
        if (denied === allowed) {
          results.push(
            `${operation.operationId} as ${role}: expected ${allowed ? 'allow' : 'deny'}, got ${response.statusCode} ${type ?? ''}`,
          );
        }
      }
    }
    expect(results).toEqual([]);
    expect(checks).toBe(Object.keys(EXPECTED).length * ROLES.length);
  }, 300_000);
});
