import type { Context } from 'hono';

/**
 * Whether to trust X-Forwarded-Proto / X-Forwarded-For: only when a reverse proxy you run sets them
 * (MATCHWISE_TRUST_PROXY=1). Otherwise any client could claim to be any address and dodge the slow-down.
 */
export interface ProxyTrust {
  trustProxy: boolean;
}

/** True when the browser reached us over TLS: then the session cookie is Secure. */
export function cameOverTls(c: Context, { trustProxy }: ProxyTrust): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}

/**
 * The client's address for the per-address slow-down. Behind a trusted proxy, the address that proxy saw
 * (the last X-Forwarded-For entry: earlier ones are whatever the client sent); otherwise the socket's.
 */
export function clientAddress(c: Context, { trustProxy }: ProxyTrust): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  // @hono/node-server passes the Node request as env.incoming; app.request() in tests has none.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
