import type { Context, MiddlewareHandler } from 'hono';
import { problemBody, problemResponse } from '../problem.js';

/** The names a loopback-bound server answers to, whatever else is configured. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/** Listening on every interface: the bound address says nothing about the names clients use. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host name of a `Host` header or configured entry, in the form URL parsing gives (`[::1]` for IPv6,
 * lowercase, no port, no trailing dot); null when it is not a host at all.
 */
export function hostName(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || /[/?#@\s]/.test(trimmed)) return null;
  // A bare IPv6 address ("::1") is how HOST is usually written; URL parsing needs it in brackets.
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') && trimmed.split(':').length > 2;
  try {
    const { hostname } = new URL(`http://${bracketed ? `[${trimmed}]` : trimmed}`);
    return hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** `host[:port]` the client addressed: the Host header, or the URL's host for in-process `app.request`. */
export function requestHost(c: Context): string {
  return (c.req.header('host') ?? new URL(c.req.url).host).trim().toLowerCase();
}

export function isWildcardAddress(address: string): boolean {
  return WILDCARD_ADDRESSES.has(address.trim());
}

/** `MATCHWISE_ALLOWED_HOSTS=matchwise.example.com, 10.0.0.5` → the list of names. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Answers only requests addressed to the names this server is meant to have: the loopback names and
 * `names` (hosted names, or the specific address it is bound to). A DNS-rebinding page reaches the server
 * under the attacker's own name, so refusing unknown names keeps such a page from reading or writing
 * anything; the port is not compared, since a rebinding page uses the server's own port anyway.
 *
 * @example
 * app.use('*', allowedHosts(['matchwise.example.com']));
 */
export function allowedHosts(names: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set<string>(LOOPBACK_NAMES);
  for (const name of names) {
    const host = hostName(name);
    if (host === null) throw new Error(`Not a host name: "${name}" (in the allowed hosts)`);
    if (!isWildcardAddress(host)) allowed.add(host);
  }
  return async function allowedHostsMiddleware(c, next) {
    const addressed = requestHost(c);
    const name = hostName(addressed);
    if (name === null || !allowed.has(name)) {
      return problemResponse(
        c,
        problemBody(421, 'This server does not answer to that host name', [
          {
            path: 'Host',
            // The answer may reach a rebinding page, so it names no configured host.
            message: `Not a name of this server: "${addressed.slice(0, 100)}" (a hosted name goes in MATCHWISE_ALLOWED_HOSTS)`,
          },
        ]),
      );
    }
    await next();
  };
}
