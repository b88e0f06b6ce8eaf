/**
 * How long a login must wait after recent failures. A few mistakes cost nothing; past them each further
 * failure doubles the wait, up to a ceiling, so guessing at one account (or from one address across many
 * accounts) slows to a handful of tries an hour while the owner, after a typo or two, never notices.
 */
export interface ThrottleRule {
  /** Failures within `windowMs` that cost nothing. */
  free: number;
  /** The first wait, doubled for every failure after it. */
  baseMs: number;
  maxMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

const MINUTE = 60_000;

export const ACCOUNT_RULE: ThrottleRule = {
  free: 5,
  baseMs: 2_000,
  maxMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};
/** An address may be a whole office behind one NAT: more room, same shape. */
export const ADDRESS_RULE: ThrottleRule = {
  free: 20,
  baseMs: 2_000,
  maxMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};

/**
 * Milliseconds left to wait at `now`, given the failures' times (oldest first, already within the window); 0
 * when a try is allowed.
 */
export function waitBeforeNextTry(failures: readonly Date[], rule: ThrottleRule, now: Date): number {
  const over = failures.length - rule.free;
  const last = failures.at(-1);
  if (over < 0 || !last) return 0;
  const wait = Math.min(rule.baseMs * 2 ** over, rule.maxMs);
  return Math.max(0, last.getTime() + wait - now.getTime());
}
