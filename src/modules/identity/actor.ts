import type { Role } from '../../domain/identity/roles';

/** Where a request came from, for the audit log. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type TokenScope = 'read' | 'write';

/** The signed-in user a service acts for: who, in which role, organization and offices. */
export interface Actor {
  userId: string;
  role: Role;
  organizationId: string;
  officeIds: string[];
  /** DIVIPOLA department codes of those offices: the territories the user works in. */
  territoryCodes: string[];
  /** How the request was authenticated: a browser session, or a personal API token with scopes. */
  via: 'session' | 'token';
  scopes: TokenScope[];
  context: RequestContext;
}
