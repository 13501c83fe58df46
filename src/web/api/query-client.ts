import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { forgetSession, refreshSession, SESSION_QUERY_KEY } from '../session/session';
import { ApiError, isProblemOf } from './client';

/**
 * The app's query client. Any answer saying the session is gone (expired, revoked, user deactivated) sends the
 * user to sign in again; one saying a sign-in step is missing reloads the session so the guards show that step.
 */
export function createQueryClient(): QueryClient {
  let queryClient: QueryClient;
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (queryKey?.[0] === SESSION_QUERY_KEY[0]) return;
    if (isProblemOf(error, 'unauthorized')) forgetSession(queryClient);
    else if (isProblemOf(error, 'second-factor-required') || isProblemOf(error, 'password-change-required')) {
      void refreshSession(queryClient);
    }
  };
  queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        // A 4xx answer will not change by asking again; a dropped connection on a slow network may.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
