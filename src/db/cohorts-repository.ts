import { randomUUID } from 'node:crypto';
import { type ColumnType, type Kysely, sql } from 'kysely';
import type { ProgramFactKey } from '../core/catalog/program.js';

type Stamp = ColumnType<Date | string, Date | string | undefined, Date | string>;

/** The tables of migration 0012, seen by members (they are not in DatabaseSchema: only this file reads them). */
export type CohortTables = {
  cohorts: { id: string; name: string; created_by: string; created_at: Stamp };
  cohort_members: { cohort_id: string; user_id: string; joined_at: Stamp };
  cohort_invitations: {
    id: string;
    cohort_id: string;
    token_hash: string;
    created_by: string;
    created_at: Stamp;
    expires_at: Date | string;
    revoked_at: Date | string | null;
  };
  cohort_facts: {
    id: string;
    cohort_id: string;
    user_id: string;
    acgme_id: string;
    program_name: string;
    fact_key: string;
    value: ColumnType<unknown, string, string>;
    source: string;
    as_of: string;
    shared_at: Stamp;
  };
  cohort_fact_confirmations: { fact_id: string; cohort_id: string; user_id: string; confirmed_at: Stamp };
  users: { id: string; email: string };
};

export interface CohortRecord {
  id: string;
  name: string;
  createdAt: string;
  members: number;
  /** True for the member who created it. */
  createdByYou: boolean;
}

export interface CohortMemberRecord {
  email: string;
  joinedAt: string;
  you: boolean;
}

export interface InvitationRecord {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface InvitationLookup {
  id: string;
  cohortId: string;
  cohortName: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface SharedFactRecord {
  id: string;
  cohortId: string;
  acgmeId: string;
  programName: string;
  key: string;
  /** As stored: the service checks it against the fact's schema before anyone reads it as a fact. */
  value: unknown;
  source: string;
  asOf: string;
  sharedBy: string;
  sharedByYou: boolean;
  sharedAt: string;
  confirmations: number;
  confirmedByYou: boolean;
}

export interface NewSharedFact {
  cohortId: string;
  acgmeId: string;
  programName: string;
  key: ProgramFactKey;
  value: boolean | number;
  source: string;
  asOf: string;
  at: Date;
}

/**
 * One member's view of their cohorts. Every read is limited to cohorts the owner belongs to (row-level
 * security walls it off again on PostgreSQL); every write is the owner's own membership, share or confirmation.
 */
export interface CohortRepository {
  create(name: string, at: Date): Promise<CohortRecord>;
  listMine(): Promise<CohortRecord[]>;
  /** Null when there is no such cohort or the owner is not in it: the two are one answer. */
  get(cohortId: string): Promise<CohortRecord | null>;
  members(cohortId: string): Promise<CohortMemberRecord[]>;
  addInvitation(cohortId: string, tokenHash: string, expiresAt: Date, at: Date): Promise<InvitationRecord>;
  invitations(cohortId: string): Promise<InvitationRecord[]>;
  /** False when the invitation is not this cohort's or was revoked already. */
  revokeInvitation(cohortId: string, invitationId: string, at: Date): Promise<boolean>;
  /** The invitation a token's hash names, whoever asks: holding the token is the permission. */
  invitationByTokenHash(tokenHash: string): Promise<InvitationLookup | null>;
  /** False when the owner already was a member. */
  join(cohortId: string, at: Date): Promise<boolean>;
  /** Leaving takes the owner's shares and confirmations with them. False when not a member. */
  leave(cohortId: string): Promise<boolean>;
  /** Replaces the owner's earlier share of the same fact (and with it the confirmations it had). */
  share(fact: NewSharedFact): Promise<SharedFactRecord>;
  /** False when the share is not in the cohort (or is gone); true also when confirmed before. */
  confirm(cohortId: string, factId: string, at: Date): Promise<boolean>;
  facts(cohortId: string, acgmeId?: string): Promise<SharedFactRecord[]>;
  /** Every share in every cohort the owner is in, for the programs given (all when omitted). */
  factsForMe(acgmeIds?: readonly string[]): Promise<SharedFactRecord[]>;
}

export function createCohortRepository(database: Kysely<any>, ownerId: string): CohortRepository {
  const db = database as Kysely<CohortTables>;
  const myCohorts = () =>
    db.selectFrom('cohort_members').select('cohort_id').where('cohort_members.user_id', '=', ownerId);

  async function cohortsWhere(cohortId?: string): Promise<CohortRecord[]> {
    let query = db
      .selectFrom('cohorts')
      .where('cohorts.id', 'in', myCohorts())
      .select((eb) => [
        'cohorts.id',
        'cohorts.name',
        'cohorts.created_at',
        'cohorts.created_by',
        eb
          .selectFrom('cohort_members as m')
          .whereRef('m.cohort_id', '=', 'cohorts.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('members'),
      ])
      .orderBy('cohorts.created_at')
      .orderBy('cohorts.id');
    if (cohortId !== undefined) query = query.where('cohorts.id', '=', cohortId);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: iso(row.created_at),
      members: Number(row.members ?? 0),
      createdByYou: row.created_by === ownerId,
    }));
  }

  async function factsWhere(filter: {
    cohortId?: string;
    acgmeIds?: readonly string[];
  }): Promise<SharedFactRecord[]> {
    let query = db
      .selectFrom('cohort_facts as f')
      .leftJoin('users as u', (join) => join.on(sql`u.id::text`, '=', sql.ref('f.user_id')))
      .where('f.cohort_id', 'in', myCohorts())
      .select((eb) => [
        'f.id',
        'f.cohort_id',
        'f.acgme_id',
        'f.program_name',
        'f.fact_key',
        'f.value',
        'f.source',
        'f.as_of',
        'f.user_id',
        'f.shared_at',
        'u.email',
        eb
          .selectFrom('cohort_fact_confirmations as c')
          .whereRef('c.fact_id', '=', 'f.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('confirmations'),
        eb
          .exists(
            eb
              .selectFrom('cohort_fact_confirmations as c')
              .whereRef('c.fact_id', '=', 'f.id')
              .where('c.user_id', '=', ownerId)
              .select('c.fact_id'),
          )
          .as('confirmed_by_you'),
      ])
      .orderBy('f.acgme_id')
      .orderBy('f.fact_key')
      .orderBy('f.shared_at');
    if (filter.cohortId !== undefined) query = query.where('f.cohort_id', '=', filter.cohortId);
    if (filter.acgmeIds !== undefined) {
      if (filter.acgmeIds.length === 0) return [];
      query = query.where('f.acgme_id', 'in', [...filter.acgmeIds]);
    }
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      cohortId: row.cohort_id,
      acgmeId: row.acgme_id,
      programName: row.program_name,
      key: row.fact_key,
      value: row.value,
      source: row.source,
      asOf: row.as_of,
      sharedBy: row.email ?? 'a former account',
      sharedByYou: row.user_id === ownerId,
      sharedAt: iso(row.shared_at),
      confirmations: Number(row.confirmations ?? 0),
      confirmedByYou: Boolean(row.confirmed_by_you),
    }));
  }

  async function isMember(cohortId: string): Promise<boolean> {
    const row = await db
      .selectFrom('cohort_members')
      .select('user_id')
      .where('cohort_id', '=', cohortId)
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row !== undefined;
  }

  return {
    async create(name, at) {
      const id = randomUUID();
      await db.insertInto('cohorts').values({ id, name, created_by: ownerId, created_at: at }).execute();
      await db
        .insertInto('cohort_members')
        .values({ cohort_id: id, user_id: ownerId, joined_at: at })
        .execute();
      return { id, name, createdAt: at.toISOString(), members: 1, createdByYou: true };
    },

    listMine: () => cohortsWhere(),

    async get(cohortId) {
      return (await cohortsWhere(cohortId))[0] ?? null;
    },

    async members(cohortId) {
      const rows = await db
        .selectFrom('cohort_members as m')
        .leftJoin('users as u', (join) => join.on(sql`u.id::text`, '=', sql.ref('m.user_id')))
        .where('m.cohort_id', '=', cohortId)
        .where('m.cohort_id', 'in', myCohorts())
        .select(['m.user_id', 'm.joined_at', 'u.email'])
        .orderBy('m.joined_at')
        .orderBy('u.email')
        .execute();
      return rows.map((row) => ({
        email: row.email ?? 'a former account',
        joinedAt: iso(row.joined_at),
        you: row.user_id === ownerId,
      }));
    },

    async addInvitation(cohortId, tokenHash, expiresAt, at) {
      const id = randomUUID();
      await db
        .insertInto('cohort_invitations')
        .values({
          id,
          cohort_id: cohortId,
          token_hash: tokenHash,
          created_by: ownerId,
          created_at: at,
          expires_at: expiresAt,
          revoked_at: null,
        })
        .execute();
      return { id, createdAt: at.toISOString(), expiresAt: expiresAt.toISOString(), revokedAt: null };
    },

    async invitations(cohortId) {
      const rows = await db
        .selectFrom('cohort_invitations')
        .where('cohort_id', '=', cohortId)
        .where('cohort_id', 'in', myCohorts())
        .select(['id', 'created_at', 'expires_at', 'revoked_at'])
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        createdAt: iso(row.created_at),
        expiresAt: iso(row.expires_at),
        revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
      }));
    },

    async revokeInvitation(cohortId, invitationId, at) {
      const result = await db
        .updateTable('cohort_invitations')
        .set({ revoked_at: at })
        .where('id', '=', invitationId)
        .where('cohort_id', '=', cohortId)
        .where('cohort_id', 'in', myCohorts())
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async invitationByTokenHash(tokenHash) {
      const { rows } = await sql<{
        id: string;
        cohort_id: string;
        cohort_name: string;
        expires_at: Date | string;
        revoked_at: Date | string | null;
      }>`select * from matchwise_invitation(${tokenHash})`.execute(db);
      const row = rows[0];
      if (!row) return null;
      return {
        id: row.id,
        cohortId: row.cohort_id,
        cohortName: row.cohort_name,
        expiresAt: new Date(row.expires_at),
        revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
      };
    },

    async join(cohortId, at) {
      const result = await db
        .insertInto('cohort_members')
        .values({ cohort_id: cohortId, user_id: ownerId, joined_at: at })
        .onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async leave(cohortId) {
      if (!(await isMember(cohortId))) return false;
      await db
        .deleteFrom('cohort_fact_confirmations')
        .where('cohort_id', '=', cohortId)
        .where('user_id', '=', ownerId)
        .execute();
      await db
        .deleteFrom('cohort_facts')
        .where('cohort_id', '=', cohortId)
        .where('user_id', '=', ownerId)
        .execute();
      await db
        .deleteFrom('cohort_members')
        .where('cohort_id', '=', cohortId)
        .where('user_id', '=', ownerId)
        .execute();
      return true;
    },

    async share(fact) {
      await db
        .deleteFrom('cohort_facts')
        .where('cohort_id', '=', fact.cohortId)
        .where('user_id', '=', ownerId)
        .where('acgme_id', '=', fact.acgmeId)
        .where('fact_key', '=', fact.key)
        .execute();
      const id = randomUUID();
      await db
        .insertInto('cohort_facts')
        .values({
          id,
          cohort_id: fact.cohortId,
          user_id: ownerId,
          acgme_id: fact.acgmeId,
          program_name: fact.programName,
          fact_key: fact.key,
          value: JSON.stringify(fact.value),
          source: fact.source,
          as_of: fact.asOf,
          shared_at: fact.at,
        })
        .execute();
      const stored = (await factsWhere({ cohortId: fact.cohortId, acgmeIds: [fact.acgmeId] })).find(
        (row) => row.id === id,
      );
      if (!stored) throw new Error('A shared fact was not readable right after it was stored');
      return stored;
    },

    async confirm(cohortId, factId, at) {
      const fact = await db
        .selectFrom('cohort_facts')
        .select('id')
        .where('id', '=', factId)
        .where('cohort_id', '=', cohortId)
        .where('cohort_id', 'in', myCohorts())
        .executeTakeFirst();
      if (!fact) return false;
      await db
        .insertInto('cohort_fact_confirmations')
        .values({ fact_id: factId, cohort_id: cohortId, user_id: ownerId, confirmed_at: at })
        .onConflict((oc) => oc.columns(['fact_id', 'user_id']).doNothing())
        .execute();
      return true;
    },

    facts: (cohortId, acgmeId) =>
      factsWhere({ cohortId, ...(acgmeId !== undefined ? { acgmeIds: [acgmeId] } : {}) }),

    factsForMe: (acgmeIds) => factsWhere(acgmeIds ? { acgmeIds } : {}),
  };
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
