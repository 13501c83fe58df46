import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ForbiddenPage } from '../routes/forbidden';
import { type Abilities, STAGE_PATHS, safeNext, stageOf, useSession, wasSignedOutByUser } from './session';
import { SessionErrorPage, SessionLoading } from './session-status';

/** `/sign-in…?next=<where the user wanted to go>`, without a `next` for the home page. */
function stagePath(path: string, next: string): string {
  const target = safeNext(next);
  return target === '/' ? path : `${path}?${new URLSearchParams({ next: target })}`;
}

/**
 * The pages of the app proper: shown only to a signed-in user who has finished every sign-in step. Anyone else
 * goes to the step they are at, and comes back here afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <SessionLoading />;
  if (session.isError)
    return <SessionErrorPage error={session.error} onRetry={() => void session.refetch()} />;
  const stage = stageOf(session.data);
  if (stage === 'ready') return children;
  const here = `${location.pathname}${location.search}${location.hash}`;
  // After signing out on purpose, the next person to sign in on this computer starts from the home page.
  const next = stage === 'signed-out' && wasSignedOutByUser() ? '/' : here;
  return <Navigate to={stagePath(STAGE_PATHS[stage], next)} replace />;
}

/**
 * One page of the sign-in (password, second step, enrolment, new password): shown while the user is at that
 * step; otherwise they are moved to the step they are at, or to where they were going once they are in.
 */
export function SignInStep({ stage, children }: { stage: keyof typeof STAGE_PATHS; children: ReactNode }) {
  const session = useSession();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));

  if (session.isPending) return <SessionLoading />;
  if (session.isError)
    return <SessionErrorPage error={session.error} onRetry={() => void session.refetch()} />;
  const current = stageOf(session.data);
  if (current === stage) return children;
  if (current === 'ready') return <Navigate to={next} replace />;
  return <Navigate to={stagePath(STAGE_PATHS[current], next)} replace />;
}

/** Pages for some roles only: the others see "Sin acceso" (distinct from "not found"). */
export function RequireAbility({ ability }: { ability: keyof Abilities }) {
  const session = useSession();
  if (!session.data?.abilities[ability]) return <ForbiddenPage />;
  return <Outlet />;
}
