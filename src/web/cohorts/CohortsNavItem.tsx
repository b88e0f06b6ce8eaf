import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { authApi } from '../account/auth-api.js';

/** "Cohorts" in the main navigation, in hosted mode only: a cohort is between accounts. */
export function CohortsNavItem() {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me, staleTime: Number.POSITIVE_INFINITY });
  if (me.data?.mode !== 'hosted') return null;
  return (
    <li>
      <NavLink to="/cohorts">Cohorts</NavLink>
    </li>
  );
}
