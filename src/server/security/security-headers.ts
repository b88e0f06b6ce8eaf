import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The web app is a Vite build served from this origin: module scripts (the shell, and one chunk per page loaded
 * when that page is opened — all under /assets, so 'self' covers them) and a stylesheet,
 * an inline SVG favicon (data:), React style props (set through the DOM, which CSP does not govern), an
 * offline map drawn as SVG from bundled data, and downloads through blob: links (navigations, not fetches).
 * Nothing inline, nothing from elsewhere, so the policy can be this strict.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every response, pages and API alike: the policy above, no framing (clickjacking), no
 * MIME sniffing, no cross-origin embedding of our responses or sharing of our window.
 *
 * Referrer-Policy is `same-origin`, not `no-referrer`: under `no-referrer` browsers send `Origin: null` on our
 * own pages' POSTs, which the same-origin check would have to trust or refuse. HSTS is left to the TLS proxy of
 * a hosted install: over plain http on 127.0.0.1 browsers ignore it.
 *
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: false,
  });
}
