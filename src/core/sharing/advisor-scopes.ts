import { z } from 'zod';

/**
 * What an applicant can share with an advisor. Each scope opens a set of read-only pages; "comment" is the one
 * scope that lets the advisor write, and what it writes is a comment, never the applicant's data.
 */
export const ADVISOR_SCOPES = ['list', 'season', 'network', 'comment'] as const;

export type AdvisorScope = (typeof ADVISOR_SCOPES)[number];

/** What each scope lets the advisor see or do, as the invitation page and docs/security.md say it. */
export const SCOPE_DESCRIPTIONS: Record<AdvisorScope, string> = {
  list: 'My list and the odds (P(match), P(match) now)',
  season: 'Applications, interviews and the rank list',
  network: 'Contacts, letters and playbook tasks',
  comment: 'Comment on a program or a list entry',
};

export const advisorScopesSchema = z
  .array(z.enum(ADVISOR_SCOPES))
  .min(1, 'Share at least one thing')
  .transform((scopes) => ADVISOR_SCOPES.filter((scope) => scopes.includes(scope)));

/** How long an invitation link can be accepted: long enough to reach a busy advisor, short enough to go stale. */
export const INVITATION_LIFETIME_DAYS = 14;
