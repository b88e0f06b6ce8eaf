import { createHash, randomBytes } from 'node:crypto';
import { factLabel, factValueText } from '../../core/catalog/cohort-facts.js';
import type { ProgramFactKey } from '../../core/catalog/program.js';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import type {
  CohortMemberRecord,
  CohortRecord,
  InvitationRecord,
  SharedFactRecord,
} from '../../db/cohorts-repository.js';
import type { OwnerDatabase } from '../../db/index.js';
import { isFactKey, parseSharedFact } from './cohort-catalog.js';

/** How long an invitation link works: long enough to reach a class by email, short enough to go stale. */
export const INVITATION_DAYS = 14;

/** Why a cohort request cannot be done. A cohort the user is not in is 404 with the same words as none at all. */
export interface CohortFailure {
  status: 404 | 410 | 422;
  title: string;
  issues: FieldIssue[];
}

export interface CohortDetail {
  cohort: CohortRecord;
  members: CohortMemberRecord[];
  invitations: InvitationRecord[];
}

export interface CreatedInvitation {
  invitation: InvitationRecord;
  /** Shown once: only its hash is stored. */
  token: string;
  /** Where the link leads in the web app; the token rides in the fragment, so it never reaches a server log. */
  joinPath: string;
}

/** One value of one fact at one program, with everyone who shared it. */
export interface SharedValue {
  value: boolean | number;
  valueText: string;
  shares: SharedFactRecord[];
}

/** A fact shared at a program: one value, or — when members disagree — every value side by side. */
export interface SharedFactGroup {
  acgmeId: string;
  programName: string;
  key: ProgramFactKey;
  label: string;
  conflict: boolean;
  values: SharedValue[];
}

type Outcome<T> = Promise<Result<T, CohortFailure>>;

const NO_COHORT: CohortFailure = {
  status: 404,
  title: 'No such cohort',
  issues: [{ path: 'cohortId', message: 'Not a cohort you are in' }],
};

/**
 * Cohorts for the acting user (`db` is theirs): creating and joining, invitation links, and pooled research.
 * Every answer about a cohort the user is not in is {@link NO_COHORT}, whether it exists or not.
 */
export function cohortService(db: OwnerDatabase, now: () => Date = () => new Date()) {
  const member = async (cohortId: string) => (await db.cohorts.get(cohortId)) !== null;

  return {
    async create(name: string): Outcome<CohortRecord> {
      return ok(await db.transaction((repos) => repos.cohorts.create(name, now())));
    },

    list: () => db.cohorts.listMine(),

    async detail(cohortId: string): Outcome<CohortDetail> {
      const cohort = await db.cohorts.get(cohortId);
      if (!cohort) return err(NO_COHORT);
      const [members, invitations] = await Promise.all([
        db.cohorts.members(cohortId),
        db.cohorts.invitations(cohortId),
      ]);
      return ok({ cohort, members, invitations });
    },

    async invite(cohortId: string): Outcome<CreatedInvitation> {
      if (!(await member(cohortId))) return err(NO_COHORT);
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const expiresAt = new Date(at.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
      const invitation = await db.cohorts.addInvitation(cohortId, hashToken(token), expiresAt, at);
      return ok({ invitation, token, joinPath: `/cohorts#join=${token}` });
    },

    async revoke(cohortId: string, invitationId: string): Outcome<{ revoked: true }> {
      if (!(await db.cohorts.revokeInvitation(cohortId, invitationId, now()))) {
        return err({
          status: 404,
          title: 'No such invitation',
          issues: [{ path: 'invitationId', message: 'Not an open invitation of a cohort you are in' }],
        });
      }
      return ok({ revoked: true });
    },

    /** Joins the cohort a link names; an unknown link is 404, an expired or revoked one says which. */
    async join(token: string): Outcome<{ cohort: CohortRecord; alreadyMember: boolean }> {
      const found = await db.cohorts.invitationByTokenHash(hashToken(token));
      if (!found) {
        return err({
          status: 404,
          title: 'This invitation link is not valid',
          issues: [{ path: 'token', message: 'Check that the whole link was copied' }],
        });
      }
      if (found.revokedAt) {
        return err({
          status: 410,
          title: 'This invitation link was revoked',
          issues: [{ path: 'token', message: 'Ask a member of the cohort for a new link' }],
        });
      }
      if (found.expiresAt.getTime() <= now().getTime()) {
        return err({
          status: 410,
          title: 'This invitation link has expired',
          issues: [
            {
              path: 'token',
              message: `It expired on ${found.expiresAt.toISOString().slice(0, 10)}: ask a member for a new link`,
            },
          ],
        });
      }
      const joined = await db.cohorts.join(found.cohortId, now());
      const cohort = await db.cohorts.get(found.cohortId);
      if (!cohort) throw new Error('A cohort just joined is not visible to its new member');
      return ok({ cohort, alreadyMember: !joined });
    },

    async leave(cohortId: string): Outcome<{ left: true }> {
      const left = await db.transaction((repos) => repos.cohorts.leave(cohortId));
      return left ? ok({ left: true }) : err(NO_COHORT);
    },

    /**
     * Shares one of the user's own research facts — its value, source and date as they entered them — with a
     * cohort. Only program facts can be shared: the user's notes on a program are another table, never read here.
     */
    async share(input: { cohortId: string; acgmeId: string; key: string }): Outcome<SharedFactRecord> {
      if (!(await member(input.cohortId))) return err(NO_COHORT);
      if (!isFactKey(input.key)) {
        return err({
          status: 422,
          title: 'Not a research fact',
          issues: [{ path: 'key', message: `Unknown fact "${input.key}"` }],
        });
      }
      const program = await db.programs.get(input.acgmeId);
      if (!program) {
        return err({
          status: 404,
          title: `No program with ACGME id ${input.acgmeId}`,
          issues: [{ path: 'acgmeId', message: 'Not in your catalog' }],
        });
      }
      // A demo program does not exist: its facts are generated, not research anyone could check.
      if (program.synthetic) {
        return err({
          status: 422,
          title: 'Demo programs are synthetic: their facts are not research to share',
          issues: [{ path: 'acgmeId', message: `${program.acgmeId} is from the generated demo catalog` }],
        });
      }
      const fact = program.facts[input.key];
      if (!fact) {
        return err({
          status: 422,
          title: 'Enter this fact on the program’s page first',
          issues: [{ path: 'key', message: `${factLabel(input.key)} is unknown in your research` }],
        });
      }
      return ok(
        await db.cohorts.share({
          cohortId: input.cohortId,
          acgmeId: program.acgmeId,
          programName: program.name,
          key: input.key,
          value: fact.value,
          source: fact.source,
          asOf: fact.asOf,
          at: now(),
        }),
      );
    },

    async confirm(cohortId: string, factId: string): Outcome<{ confirmed: true }> {
      const shared = (await db.cohorts.facts(cohortId)).find((fact) => fact.id === factId);
      if (!shared) {
        return err({
          status: 404,
          title: 'No such shared fact',
          issues: [{ path: 'factId', message: 'Not shared with a cohort you are in' }],
        });
      }
      if (shared.sharedByYou) {
        return err({
          status: 422,
          title: 'You shared this fact',
          issues: [{ path: 'factId', message: 'Confirmations come from the other members who checked it' }],
        });
      }
      await db.cohorts.confirm(cohortId, factId, now());
      return ok({ confirmed: true });
    },

    /** What a cohort shares (or all the user's cohorts, with no cohort given), grouped by program and fact. */
    async facts(filter: { cohortId?: string; acgmeId?: string }): Outcome<SharedFactGroup[]> {
      if (filter.cohortId !== undefined && !(await member(filter.cohortId))) return err(NO_COHORT);
      const records =
        filter.cohortId !== undefined
          ? await db.cohorts.facts(filter.cohortId, filter.acgmeId)
          : await db.cohorts.factsForMe(filter.acgmeId !== undefined ? [filter.acgmeId] : undefined);
      return ok(groupShares(records));
    },
  };
}

export type CohortService = ReturnType<typeof cohortService>;

/** SHA-256 of a link's token: what is stored, so a copy of the database holds no working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Shares grouped by program and fact, values side by side; never merged, whatever they say. */
export function groupShares(records: readonly SharedFactRecord[]): SharedFactGroup[] {
  const groups = new Map<string, SharedFactGroup>();
  for (const record of records) {
    const fact = parseSharedFact(record);
    if (!fact) continue;
    const id = `${record.acgmeId}\u0000${fact.key}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        acgmeId: record.acgmeId,
        programName: record.programName,
        key: fact.key,
        label: factLabel(fact.key),
        conflict: false,
        values: [],
      };
      groups.set(id, group);
    }
    let value = group.values.find((candidate) => candidate.value === fact.value);
    if (!value) {
      value = { value: fact.value, valueText: factValueText(fact.key, fact.value), shares: [] };
      group.values.push(value);
    }
    value.shares.push(record);
    group.conflict = group.values.length > 1;
  }
  return [...groups.values()];
}
