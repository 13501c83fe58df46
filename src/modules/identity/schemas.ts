import { z } from 'zod';
import { ROLES } from '../../domain/identity/roles';

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });

export const SignInBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
});

export const SignInResponse = z.object({
  secondFactor: z.enum(['none', 'verify', 'enrol']),
  csrfToken: z.string(),
});

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    status: z.enum(['active', 'deactivated']),
    organizationId: z.uuid(),
    organizationName: z.string(),
    /** The kind of the user's organization (e.g. 'employer', 'public_agency'): what some pages are for. */
    organizationKind: z.string(),
    officeIds: z.array(z.uuid()),
    secondFactorEnabled: z.boolean(),
    mustChangePassword: z.boolean().optional(),
    lastSignInAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const SessionResponse = z.object({
  user: UserSchema,
  csrfToken: z.string(),
  secondFactorPending: z.boolean(),
  abilities: z.object({
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
    listUsers: z.boolean(),
    /** Office staff: find, read and register the persons of their offices. */
    workWithPersons: z.boolean(),
    /** Coordinators and caseworkers: import spreadsheets of persons into their offices. */
    importPersons: z.boolean(),
  }),
});

export const SecondFactorBody = z.object({ code: z.string().trim().min(6).max(20) });

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });

export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000),
});

export const UserCreateBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(2).max(200),
  role: RoleSchema,
  organizationId: z.uuid(),
  officeIds: z.array(z.uuid()).max(50).default([]),
});

export const UserUpdateBody = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(2).max(200).optional(),
  role: RoleSchema.optional(),
  officeIds: z.array(z.uuid()).max(50).optional(),
});

export const UserListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(320).optional().describe('Email of the last user of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const UserIdParams = z.object({ id: z.uuid() });

export const TemporaryPasswordResponse = z.object({ temporaryPassword: z.string() });

export const ApiTokenCreateBody = z.object({
  name: z.string().trim().min(2).max(100),
  scopes: z.array(z.enum(['read', 'write'])).min(1),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.enum(['read', 'write'])),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const NetworkResponse = z.object({
  organizations: z.array(
    z.object({ id: z.uuid(), name: z.string(), shortName: z.string(), kind: z.string() }),
  ),
  offices: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.string(),
      organizationId: z.uuid(),
      municipalityCode: z.string(),
      municipalityName: z.string(),
      departmentName: z.string(),
    }),
  ),
});
