import { request } from '../lib/api/client.js';

export type Me = { mode: 'local'; user: null } | { mode: 'hosted'; user: { id: string; email: string } };

/** Hosted mode's /api/auth calls (docs/api.md). Local mode answers only `me`, with mode 'local'. */
export const authApi = {
  me: () => request<Me>('GET', '/api/auth/me'),
  login: (email: string, password: string) =>
    request<{ user: { id: string; email: string } }>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  logoutEverywhere: () => request<{ endedSessions: number }>('POST', '/api/auth/logout-everywhere'),
  changePassword: (current: string, next: string) =>
    request<{ endedSessions: number }>('POST', '/api/auth/password', { current, next }),
  reset: (token: string, password: string) =>
    request<{ email: string }>('POST', '/api/auth/reset', { token, password }),
};

/** Paths a 401 does not send to the login page: the login itself and the pages around it. */
export const PAGES_WITHOUT_SESSION = ['/login', '/reset'];

/**
 * Where the login page sends the user afterwards: only a path of this site (a `next` of
 * `https://elsewhere` or `//elsewhere` would make the login page an open redirect).
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
