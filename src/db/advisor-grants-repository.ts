import type { Kysely } from 'kysely';
import { type AdvisorScope, advisorScopesSchema } from '../core/sharing/advisor-scopes.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { Jsonb } from './schema.js';

/** Migration 0013's grants table: it links two accounts, so nobody owns it (src/db/owners.test.ts says so). */
export type AdvisorGrantTables = {
  advisor_grants: {
    id: string;
    applicant_id: string;
    advisor_id: string | null;
    token_hash: string;
    scopes: Jsonb;
    note: string;
    created_at: Date | string;
    expires_at: Date | string;
    accepted_at: Date | string | null;
    revoked_at: Date | string | null;
  };
  users: { id: string; email: string };
};

export interface AdvisorGrant {
  id: string;
  applicantId: string;
  applicantEmail: string;
  advisorId: string | null;
  advisorEmail: string | null;
  scopes: AdvisorScope[];
  note: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * Invitations and grants. Every read names the account it is for (the applicant's grants, the advisor's, or
 * one token's hash): there is no "every grant".
 */
export interface AdvisorGrantsRepository {
  create(grant: {
    id: string;
    applicantId: string;
    tokenHash: string;
    scopes: AdvisorScope[];
    note: string;
    at: Date;
    expiresAt: Date;
  }): Promise<void>;
  byTokenHash(tokenHash: string): Promise<AdvisorGrant | null>;
  /** Sets the advisor on a grant still unaccepted and unrevoked; false when someone got there first. */
  accept(id: string, advisorId: string, at: Date): Promise<boolean>;
  /** The applicant's grants, newest first. */
  forApplicant(applicantId: string): Promise<AdvisorGrant[]>;
  /** The advisor's accepted, unrevoked grants. */
  liveForAdvisor(advisorId: string): Promise<AdvisorGrant[]>;
  /** The one accepted, unrevoked grant between the two (the newest, should there be more). */
  live(applicantId: string, advisorId: string): Promise<AdvisorGrant | null>;
  /** Revokes one of the applicant's grants; false when it is not theirs or already revoked. */
  revoke(applicantId: string, id: string, at: Date): Promise<AdvisorGrant | null>;
}

export function createAdvisorGrantsRepository(db: Kysely<AdvisorGrantTables>): AdvisorGrantsRepository {
  const withEmails = () =>
    db
      .selectFrom('advisor_grants as g')
      .innerJoin('users as applicant', 'applicant.id', 'g.applicant_id')
      .leftJoin('users as advisor', 'advisor.id', 'g.advisor_id')
      .selectAll('g')
      .select(['applicant.email as applicant_email', 'advisor.email as advisor_email']);
  type Row = Awaited<ReturnType<ReturnType<typeof withEmails>['executeTakeFirstOrThrow']>>;
  const toGrant = (row: Row): AdvisorGrant => ({
    id: row.id,
    applicantId: row.applicant_id,
    applicantEmail: row.applicant_email,
    advisorId: row.advisor_id,
    advisorEmail: row.advisor_email,
    scopes: parseStoredRow(advisorScopesSchema, row.scopes, `advisor grant ${row.id}`),
    note: row.note,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    acceptedAt: row.accepted_at === null ? null : new Date(row.accepted_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  });

  return {
    async create(grant) {
      await db
        .insertInto('advisor_grants')
        .values({
          id: grant.id,
          applicant_id: grant.applicantId,
          token_hash: grant.tokenHash,
          scopes: JSON.stringify(grant.scopes),
          note: grant.note,
          created_at: grant.at,
          expires_at: grant.expiresAt,
        })
        .execute();
    },
    async byTokenHash(tokenHash) {
      const row = await withEmails().where('g.token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toGrant(row) : null;
    },
    async accept(id, advisorId, at) {
      const result = await db
        .updateTable('advisor_grants')
        .set({ advisor_id: advisorId, accepted_at: at })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async forApplicant(applicantId) {
      const rows = await withEmails()
        .where('g.applicant_id', '=', applicantId)
        .orderBy('g.created_at', 'desc')
        .execute();
      return rows.map(toGrant);
    },
    async liveForAdvisor(advisorId) {
      const rows = await withEmails()
        .where('g.advisor_id', '=', advisorId)
        .where('g.revoked_at', 'is', null)
        .orderBy('applicant.email')
        .execute();
      return rows.map(toGrant);
    },
    async live(applicantId, advisorId) {
      const row = await withEmails()
        .where('g.applicant_id', '=', applicantId)
        .where('g.advisor_id', '=', advisorId)
        .where('g.revoked_at', 'is', null)
        .orderBy('g.accepted_at', 'desc')
        .executeTakeFirst();
      return row ? toGrant(row) : null;
    },
    async revoke(applicantId, id, at) {
      const result = await db
        .updateTable('advisor_grants')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('applicant_id', '=', applicantId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      const row = await withEmails().where('g.id', '=', id).executeTakeFirst();
      return row ? toGrant(row) : null;
    },
  };
}
