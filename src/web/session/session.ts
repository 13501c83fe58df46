import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { User } from '../api/identity';

export interface Abilities {
  manageUsers: boolean;
  listUsers: boolean;
  readAudit: boolean;
  /** Office staff: the people list, person and household pages. */
  workWithPersons: boolean;
  /** Coordinators and caseworkers: spreadsheet imports. */
  importPersons: boolean;
}

/** `GET /api/v1/auth/session`: who is signed in, the CSRF token for writes, and what they may do. */
export interface Session {
  user: User;
  csrfToken: string;
  secondFactorPending: boolean;
  abilities: Abilities;
}

export type SecondFactor = 'none' | 'verify' | 'enrol';

/**
 * Where a visitor is on the way in: signed out, between the password and the second step (to verify a code or,
 * for administrators, to set up the app), with a temporary password to replace, or ready to work.
 */
export type Stage = 'signed-out' | 'second-factor' | 'enrol' | 'change-password' | 'ready';

export const SESSION_QUERY_KEY = ['session'] as const;

export const sessionQuery = queryOptions({
  queryKey: SESSION_QUERY_KEY,
  queryFn: async ({ signal }): Promise<Session | null> => {
    try {
      const session = await api.get<Session>('/api/v1/auth/session', { signal });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  // A sign-out in another tab, or a deactivation by an administrator, shows when the user comes back here.
  refetchOnWindowFocus: true,
});

export function stageOf(session: Session | null | undefined): Stage {
  if (!session) return 'signed-out';
  if (session.secondFactorPending) return session.user.secondFactorEnabled ? 'second-factor' : 'enrol';
  if (session.user.mustChangePassword) return 'change-password';
  return 'ready';
}

export const STAGE_PATHS: Record<Exclude<Stage, 'ready'>, string> = {
  'signed-out': '/sign-in',
  'second-factor': '/sign-in/second-factor',
  enrol: '/sign-in/enrol',
  'change-password': '/sign-in/change-password',
};

export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in session, for pages that only render once it is ready (inside the session guard). */
export function useReadySession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useReadySession is only for pages behind the session guard.');
  return data;
}

/**
 * After a password or second step was accepted: forget anything cached for whoever used this browser before,
 * and load the new session (the guards then move the user on).
 */
export async function startSession(queryClient: QueryClient, csrfToken: string): Promise<void> {
  setCsrfToken(csrfToken);
  signedOutByUser = false;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
}

/** Reloads the session after a step of the sign-in changed it (second factor, enrolment, new password). */
export async function refreshSession(queryClient: QueryClient): Promise<void> {
  await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
}

let signedOutByUser = false;

/** True after the user signed out themselves (not when the session expired), until the next sign-in. */
export function wasSignedOutByUser(): boolean {
  return signedOutByUser;
}

/**
 * Ends the session on the server and drops everything cached in this tab, so nothing of the previous user stays
 * in memory; the guards then send the browser to the sign-in page.
 */
export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api.post<void>('/api/v1/auth/sign-out');
  } catch (error) {
    // 401: the session had already ended (expired, or closed in another tab): the user is signed out anyway.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  forgetSession(queryClient, true);
}

/** Treats the session as gone (signed out, expired, revoked elsewhere). */
export function forgetSession(queryClient: QueryClient, byUser = false): void {
  setCsrfToken(null);
  signedOutByUser = byUser;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  queryClient.setQueryData(SESSION_QUERY_KEY, null);
}

/** Where to go after signing in: the page the user asked for, if it is one of Ruta's own pages. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/sign-in' || next.startsWith('/sign-in/') || next.startsWith('/sign-in?')) return '/';
  return next;
}
