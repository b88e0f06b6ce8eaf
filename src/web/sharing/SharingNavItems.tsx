import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { authApi } from '../account/auth-api.js';

/** "Advisors" (whom I share with) and "Advisees" (who shares with me), in hosted mode only. */
export function SharingNavItems() {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me, staleTime: Number.POSITIVE_INFINITY });
  if (me.data?.mode !== 'hosted') return null;
  return (
    <>
      <li>
        <NavLink to="/advisors">Advisors</NavLink>
      </li>
      <li>
        <NavLink to="/advisees" end>
          Advisees
        </NavLink>
      </li>
    </>
  );
}
