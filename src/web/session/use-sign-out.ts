import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signOut } from './session';

/** Signing out: the guards take the browser to the sign-in page once the session is gone. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => signOut(queryClient) });
}
