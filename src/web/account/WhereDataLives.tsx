import { useQuery } from '@tanstack/react-query';
import { authApi } from './auth-api.js';

/**
 * The footer's line on where the data is: on this computer in local mode, on the server in hosted mode (saying
 * "your computer" there would be untrue).
 */
export function WhereDataLives() {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me, staleTime: Number.POSITIVE_INFINITY });
  if (me.data?.mode === 'hosted') {
    return (
      <p>Your data is kept on this Matchwise server, in your account, apart from every other account.</p>
    );
  }
  return <p>Matchwise runs on your computer; your data stays here.</p>;
}
