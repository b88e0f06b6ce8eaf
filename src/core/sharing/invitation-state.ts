/** An invitation as stored: the link's state follows from these dates alone. */
export interface InvitationDates {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * - pending: the link can still be accepted
 * - active: accepted; the advisor has access until it is revoked (acceptance ends the link's expiry)
 * - expired: never accepted, and past its date
 * - revoked: withdrawn by the applicant, before or after acceptance
 */
export type InvitationState = 'pending' | 'active' | 'expired' | 'revoked';

/** @example invitationState({ expiresAt, acceptedAt: null, revokedAt: null }, now) // 'pending' */
export function invitationState(invitation: InvitationDates, now: Date): InvitationState {
  if (invitation.revokedAt !== null) return 'revoked';
  if (invitation.acceptedAt !== null) return 'active';
  return now.getTime() >= invitation.expiresAt.getTime() ? 'expired' : 'pending';
}
