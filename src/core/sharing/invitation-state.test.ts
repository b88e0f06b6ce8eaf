import { describe, expect, it } from 'vitest';
import { invitationState } from './invitation-state.js';

const expiresAt = new Date('2026-12-15T10:00:00Z');

describe('an advisor invitation’s state', () => {
  it('is pending until its date, then expired', () => {
    const link = { expiresAt, acceptedAt: null, revokedAt: null };
    expect(invitationState(link, new Date('2026-12-15T09:59:59Z'))).toBe('pending');
    expect(invitationState(link, expiresAt)).toBe('expired');
  });

  it('is active once accepted, past the link’s date too, until revoked', () => {
    const accepted = { expiresAt, acceptedAt: new Date('2026-12-02T00:00:00Z'), revokedAt: null };
    expect(invitationState(accepted, new Date('2027-03-01T00:00:00Z'))).toBe('active');
    expect(invitationState({ ...accepted, revokedAt: new Date('2026-12-03T00:00:00Z') }, expiresAt)).toBe(
      'revoked',
    );
  });
});
