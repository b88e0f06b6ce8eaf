import { randomUUID } from 'node:crypto';
import { lettersReadiness } from '../../core/network/letters-readiness.js';
import { bucketTasks } from '../../core/network/playbook/task-state.js';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import { type AdvisorScope, INVITATION_LIFETIME_DAYS } from '../../core/sharing/advisor-scopes.js';
import { type AtRisk, atRisk } from '../../core/sharing/at-risk.js';
import { type InvitationState, invitationState } from '../../core/sharing/invitation-state.js';
import type { Recommendation } from '../../core/smartpick/index.js';
import { currentMatchYear } from '../../core/smartpick/match-year.js';
import type { AdvisorComment } from '../../db/advisor-comments-repository.js';
import type { AdvisorGrant, AdvisorGrantsRepository } from '../../db/advisor-grants-repository.js';
import type { AuditEntry } from '../../db/audit-log-repository.js';
import type { OwnerDatabase } from '../../db/index.js';
import { newSecret, secretId } from '../accounts/secrets.js';
import { loadNetwork, trackedTasks } from '../network/network-service.js';
import { applicationViews, rankListView, seasonTotals, timelineView } from '../season/season-service.js';
import type { SmartPickService } from '../smartpick/smartpick-service.js';
import { todayIso } from '../today.js';

/** A signed-in account as sharing sees it: its id, and its email for the other side's pages and audit log. */
export interface Account {
  userId: string;
  email: string;
}

export interface SharingDependencies {
  grants: AdvisorGrantsRepository;
  /** One owner's data: the only way this service reads an applicant's rows. */
  ownerData(ownerId: string): OwnerDatabase;
  /** SmartPick over one owner's data: the same service the applicant's own My list uses. */
  smartpickFor(owner: OwnerDatabase): SmartPickService;
  now: () => Date;
}

/** A grant as the applicant sees it on their Advisors page. */
export interface AdvisorView {
  id: string;
  advisorEmail: string | null;
  note: string;
  scopes: AdvisorScope[];
  state: InvitationState;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** Why a request about an advisee is refused. Neither kind says whether the account exists. */
export type AccessDenied = { kind: 'no-advisee' } | { kind: 'not-shared'; scope: AdvisorScope };

export type AcceptFailure = { kind: 'unknown' | 'used' | 'expired' | 'revoked' | 'own' };

export interface AdviseeSummary {
  id: string;
  email: string;
  scopes: AdvisorScope[];
  since: string;
  /** P(match) now from the applicant's own My list; null before an application is sent or when not shared. */
  pMatchNow: number | null;
  /** The plan's P(match) for the list the budget buys, when "list" is shared and SmartPick can answer. */
  pMatchPlan: number | null;
  /** Why there is no number, when there is none and "list" is shared. */
  oddsNote: string | null;
  overdueTasks: number | null;
  letters: { ready: boolean; have: number; usFamilyMedicine: number; message: string } | null;
  applicationsOpen: string;
  risk: AtRisk;
}

export type AdviseeSection = 'list' | 'season' | 'network';

/**
 * Advisor sharing (hosted mode). Every advisee read goes the same way: find the live grant between this
 * advisor and the named applicant, check the scope, then read through that applicant's owner scope — so the
 * code that reads never holds a query without an owner, and a revoked grant stops the very next request.
 */
export function createSharingService({ grants, ownerData, smartpickFor, now }: SharingDependencies) {
  async function audit(ownerId: string, actor: Account, action: string, detail = '') {
    await ownerData(ownerId).auditLog.record({
      at: now(),
      actorId: actor.userId,
      actorEmail: actor.email,
      action,
      detail,
    });
  }

  /** The advisee's data, if the advisor holds a live grant with `scope`. */
  async function access(
    advisor: Account,
    adviseeId: string,
    scope: AdvisorScope | null,
  ): Promise<Result<{ grant: AdvisorGrant; owner: OwnerDatabase }, AccessDenied>> {
    if (!UUID.test(adviseeId)) return err({ kind: 'no-advisee' });
    const grant = await grants.live(adviseeId, advisor.userId);
    if (!grant) return err({ kind: 'no-advisee' });
    if (scope !== null && !grant.scopes.includes(scope)) return err({ kind: 'not-shared', scope });
    return ok({ grant, owner: ownerData(adviseeId) });
  }

  async function summary(grant: AdvisorGrant, owner: OwnerDatabase): Promise<AdviseeSummary> {
    const at = now();
    const year = currentMatchYear(at);
    const timeline = await timelineView(owner, { year, now: at });
    const applicationsOpen =
      timeline.items.find((item) => item.id === 'applications-open')?.date ?? `${year - 1}-09-01`;
    let pMatchNow: number | null = null;
    let pMatchPlan: number | null = null;
    let oddsNote: string | null = null;
    if (grant.scopes.includes('list')) {
      const list = await smartpickFor(owner).recommend();
      if (list.ok) {
        pMatchPlan = list.value.pMatch.probability;
        pMatchNow = list.value.pMatch.now?.probability ?? null;
        if (pMatchNow === null) oddsNote = 'No application sent yet';
      } else oddsNote = list.error.title;
    }
    let overdueTasks: number | null = null;
    let letters: AdviseeSummary['letters'] = null;
    if (grant.scopes.includes('network')) {
      overdueTasks = bucketTasks(await trackedTasks(owner, at), at).overdue.length;
      const [board, profile] = await Promise.all([owner.letters.list(), owner.profiles.get()]);
      const readiness = lettersReadiness(board, undefined, profile?.profile.letters ?? null);
      letters = {
        ready: readiness.ready,
        have: readiness.have.total,
        usFamilyMedicine: readiness.have.usFamilyMedicine,
        message: readiness.message,
      };
    }
    return {
      id: grant.applicantId,
      email: grant.applicantEmail,
      scopes: grant.scopes,
      since: (grant.acceptedAt ?? grant.createdAt).toISOString(),
      pMatchNow,
      pMatchPlan,
      oddsNote,
      overdueTasks,
      letters,
      applicationsOpen,
      risk: atRisk({
        pMatchNow,
        overdueTasks,
        lettersReady: letters?.ready ?? null,
        applicationsOpen,
        today: todayIso(at),
      }),
    };
  }

  return {
    /** A new invitation link's one-time token: shown once, only its hash is kept. */
    async invite(applicant: Account, input: { scopes: AdvisorScope[]; note: string }) {
      const token = newSecret();
      const at = now();
      const id = randomUUID();
      await grants.create({
        id,
        applicantId: applicant.userId,
        tokenHash: secretId(token),
        scopes: input.scopes,
        note: input.note,
        at,
        expiresAt: new Date(at.getTime() + INVITATION_LIFETIME_DAYS * DAY_MS),
      });
      await audit(
        applicant.userId,
        applicant,
        'grant.invited',
        `${input.scopes.join(', ')}${noteText(input.note)}`,
      );
      const advisors = await grants.forApplicant(applicant.userId);
      const created = advisors.find((grant) => grant.id === id) as AdvisorGrant;
      return { token, advisor: advisorView(created, at) };
    },

    async advisors(applicant: Account): Promise<AdvisorView[]> {
      const at = now();
      return (await grants.forApplicant(applicant.userId)).map((grant) => advisorView(grant, at));
    },

    /** Null when the applicant has no such grant still in force (someone else's id included). */
    async revoke(applicant: Account, grantId: string): Promise<AdvisorView | null> {
      if (!UUID.test(grantId)) return null;
      const at = now();
      const revoked = await grants.revoke(applicant.userId, grantId, at);
      if (!revoked) return null;
      await audit(
        applicant.userId,
        applicant,
        'grant.revoked',
        revoked.advisorEmail ? `access of ${revoked.advisorEmail}` : 'an invitation not yet accepted',
      );
      return advisorView(revoked, at);
    },

    async accept(advisor: Account, token: string): Promise<Result<{ adviseeId: string }, AcceptFailure>> {
      const grant = await grants.byTokenHash(secretId(token));
      if (!grant) return err({ kind: 'unknown' });
      const state = invitationState(grant, now());
      if (state === 'active') return err({ kind: 'used' });
      if (state === 'expired' || state === 'revoked') return err({ kind: state });
      if (grant.applicantId === advisor.userId) return err({ kind: 'own' });
      // A newer invitation between the same two replaces the older grant's scopes.
      const previous = await grants.live(grant.applicantId, advisor.userId);
      if (!(await grants.accept(grant.id, advisor.userId, now()))) return err({ kind: 'used' });
      if (previous) await grants.revoke(grant.applicantId, previous.id, now());
      await audit(grant.applicantId, advisor, 'grant.accepted', grant.scopes.join(', '));
      return ok({ adviseeId: grant.applicantId });
    },

    /** The advisor's dashboard: one summary per live grant. Each is a view of that advisee's data, logged. */
    async advisees(advisor: Account): Promise<AdviseeSummary[]> {
      const live = await grants.liveForAdvisor(advisor.userId);
      const summaries: AdviseeSummary[] = [];
      for (const grant of live) {
        const owner = ownerData(grant.applicantId);
        summaries.push(await summary(grant, owner));
        await audit(grant.applicantId, advisor, 'advisor.viewed-summary', grant.scopes.join(', '));
      }
      return summaries;
    },

    async adviseeSummary(advisor: Account, adviseeId: string): Promise<Result<AdviseeSummary, AccessDenied>> {
      const allowed = await access(advisor, adviseeId, null);
      if (!allowed.ok) return allowed;
      await audit(adviseeId, advisor, 'advisor.viewed-summary', allowed.value.grant.scopes.join(', '));
      return ok(await summary(allowed.value.grant, allowed.value.owner));
    },

    async list(
      advisor: Account,
      adviseeId: string,
    ): Promise<Result<Result<Recommendation, { title: string; issues: FieldIssue[] }>, AccessDenied>> {
      const allowed = await access(advisor, adviseeId, 'list');
      if (!allowed.ok) return allowed;
      await audit(adviseeId, advisor, 'advisor.viewed-list');
      const list = await smartpickFor(allowed.value.owner).recommend();
      return ok(list.ok ? list : err({ title: list.error.title, issues: list.error.issues }));
    },

    async season(advisor: Account, adviseeId: string) {
      const allowed = await access(advisor, adviseeId, 'season');
      if (!allowed.ok) return allowed;
      await audit(adviseeId, advisor, 'advisor.viewed-season');
      const owner = allowed.value.owner;
      const applications = await applicationViews(owner);
      return ok({
        applications,
        totals: await seasonTotals(owner, applications),
        rankList: await rankListView(owner),
      });
    },

    async network(advisor: Account, adviseeId: string) {
      const allowed = await access(advisor, adviseeId, 'network');
      if (!allowed.ok) return allowed;
      await audit(adviseeId, advisor, 'advisor.viewed-network');
      const owner = allowed.value.owner;
      const at = now();
      const [network, tasks, profile] = await Promise.all([
        loadNetwork(owner),
        trackedTasks(owner, at),
        owner.profiles.get(),
      ]);
      return ok({
        contacts: network.contacts,
        letters: network.letters,
        lettersReadiness: lettersReadiness(network.letters, undefined, profile?.profile.letters ?? null),
        tasks: bucketTasks(tasks, at),
      });
    },

    /** Adds a comment to the applicant's data; only with "comment" shared, and only on a program they hold. */
    async comment(
      advisor: Account,
      adviseeId: string,
      input: { acgmeId: string; body: string },
    ): Promise<Result<AdvisorComment, AccessDenied | { kind: 'no-program' }>> {
      const allowed = await access(advisor, adviseeId, 'comment');
      if (!allowed.ok) return allowed;
      const owner = allowed.value.owner;
      if (!(await owner.programs.get(input.acgmeId))) return err({ kind: 'no-program' });
      const comment = await owner.advisorComments.add({
        id: randomUUID(),
        authorId: advisor.userId,
        authorEmail: advisor.email,
        acgmeId: input.acgmeId,
        body: input.body,
        createdAt: now(),
      });
      await audit(adviseeId, advisor, 'advisor.commented', `on ${input.acgmeId}`);
      return ok(comment);
    },

    /** The comments this advisor wrote to the advisee (any scope: they are the advisor's own words). */
    async commentsWritten(advisor: Account, adviseeId: string) {
      const allowed = await access(advisor, adviseeId, null);
      if (!allowed.ok) return allowed;
      return ok(await allowed.value.owner.advisorComments.list({ authorId: advisor.userId }));
    },

    /** The applicant's comments from advisors, newest first (one program's when `acgmeId` is given). */
    async commentsForMe(applicant: Account, acgmeId?: string) {
      const mine = ownerData(applicant.userId).advisorComments;
      const comments = await mine.list(acgmeId === undefined ? {} : { acgmeId });
      return { comments, unread: await mine.unreadCount() };
    },

    async markCommentRead(applicant: Account, commentId: string): Promise<AdvisorComment | null> {
      return ownerData(applicant.userId).advisorComments.markRead(commentId, now());
    },

    async auditLog(applicant: Account): Promise<AuditEntry[]> {
      return ownerData(applicant.userId).auditLog.list();
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;

const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function noteText(note: string): string {
  return note ? ` (${note})` : '';
}

function advisorView(grant: AdvisorGrant, at: Date): AdvisorView {
  return {
    id: grant.id,
    advisorEmail: grant.advisorEmail,
    note: grant.note,
    scopes: grant.scopes,
    state: invitationState(grant, at),
    createdAt: grant.createdAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    acceptedAt: grant.acceptedAt?.toISOString() ?? null,
    revokedAt: grant.revokedAt?.toISOString() ?? null,
  };
}
