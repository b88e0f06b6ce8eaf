import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cameOverTls, type ProxyTrust } from './request-origin.js';

export const SESSION_COOKIE = 'matchwise_session';

/**
 * HttpOnly (page scripts never see it), SameSite=Lax (other sites' forms and fetches do not carry it; the API's
 * same-origin rule refuses them anyway), Secure when the request came over TLS, whole-site path.
 */
export function setSessionCookie(c: Context, token: string, expiresAt: Date, trust: ProxyTrust): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: cameOverTls(c, trust),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, trust: ProxyTrust): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: cameOverTls(c, trust),
    httpOnly: true,
    sameSite: 'Lax',
  });
}

export function sessionToken(c: Context): string {
  return getCookie(c, SESSION_COOKIE) ?? '';
}
