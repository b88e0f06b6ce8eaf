import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { authApi } from './auth-api.js';

/** "Account" in the main navigation, in hosted mode only: local mode has no account to show. */
export function AccountNavItem() {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me, staleTime: Number.POSITIVE_INFINITY });
  if (me.data?.mode !== 'hosted') return null;
  return (
    <li>
      <NavLink to="/account">Account</NavLink>
    </li>
  );
}
