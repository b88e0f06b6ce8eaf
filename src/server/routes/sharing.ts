import { Hono } from 'hono';
import { z } from 'zod';
import type { AccessDenied, Account, SharingService } from '../../app/sharing/sharing-service.js';
import type { Result } from '../../core/shared/result.js';
import { storableText } from '../../core/shared/storable-text.js';
import { advisorScopesSchema } from '../../core/sharing/advisor-scopes.js';
import { AT_RISK_RULE_TEXT } from '../../core/sharing/at-risk.js';
import type { ActorEnv } from '../auth/actor-env.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam, readQuery } from '../read-body.js';

const inviteSchema = z.strictObject({
  scopes: advisorScopesSchema,
  note: storableText().trim().max(200, 'At most 200 characters').default(''),
});
const acceptSchema = z.strictObject({ token: storableText().min(1, 'Paste the invitation link').max(200) });
const commentSchema = z.strictObject({
  acgmeId: storableText().trim().min(1, 'Name a program'),
  body: storableText().trim().min(1, 'Write a comment').max(4000, 'At most 4,000 characters'),
});
const commentsQuerySchema = z.object({ acgmeId: storableText().trim().min(1).optional() });

/** Where the web app accepts an invitation: the token rides in the fragment, which browsers never send. */
export const ACCEPT_PATH = '/advisees/accept';

const ACCEPT_REFUSALS = {
  unknown: [404, 'This invitation link is not valid: ask the applicant for a new one'],
  used: [410, 'This invitation has already been used: ask the applicant for a new one'],
  expired: [410, 'This invitation has expired: ask the applicant for a new one'],
  revoked: [410, 'This invitation was withdrawn by the applicant'],
  own: [422, 'This is your own invitation: send the link to your advisor'],
} as const;

/** The signed-in account: sharing is hosted mode's, where every request past the session check has one. */
function account(c: { var: ActorEnv['Variables'] }): Account {
  const session = c.var.session;
  if (!session)
    throw new ProblemError(401, 'Log in to continue', [{ path: '(session)', message: 'No valid session' }]);
  return { userId: c.var.actor.userId, email: session.email };
}

/** The value, or the refusal as a problem that names neither the advisee nor anything of theirs. */
function allowed<T>(result: Result<T, AccessDenied>): T {
  if (result.ok) return result.value;
  if (result.error.kind === 'not-shared') {
    throw new ProblemError(403, 'Not shared with you', [
      { path: 'scope', message: `The applicant has not shared "${result.error.scope}" with you` },
    ]);
  }
  throw new ProblemError(404, 'No advisee here', [
    { path: 'ownerId', message: 'You have no access to an advisee with this id (never granted, or revoked)' },
  ]);
}

/**
 * Hosted mode's sharing API. The applicant's side: `/advisors` (invite, list, revoke), `/comments` (read and
 * mark read), `/audit`. The advisor's side: `/invitations/accept`, and `/advisees/:ownerId/...`, where every
 * request names the advisee and the service checks a live grant with the needed scope before it reads.
 */
export function sharingRoutes(sharing: SharingService) {
  return new Hono<ActorEnv>()
    .get('/advisors', async (c) => c.json({ advisors: await sharing.advisors(account(c)) }))
    .post('/advisors', async (c) => {
      const input = await readBody(c, inviteSchema);
      const { token, advisor } = await sharing.invite(account(c), input);
      return c.json({ advisor, token, link: `${ACCEPT_PATH}#${token}` }, 201);
    })
    .delete('/advisors/:id', async (c) => {
      const revoked = await sharing.revoke(account(c), readParam(c, 'id'));
      if (!revoked) {
        throw new ProblemError(404, 'No such advisor access', [
          { path: 'id', message: 'Not one of your advisors’ access, or already revoked' },
        ]);
      }
      return c.json({ advisor: revoked });
    })
    .post('/invitations/accept', async (c) => {
      const { token } = await readBody(c, acceptSchema);
      const accepted = await sharing.accept(account(c), token.trim());
      if (!accepted.ok) {
        const [status, title] = ACCEPT_REFUSALS[accepted.error.kind];
        throw new ProblemError(status, title, [{ path: 'token', message: title }]);
      }
      return c.json(accepted.value);
    })
    .get('/advisees', async (c) =>
      c.json({ rule: AT_RISK_RULE_TEXT, advisees: await sharing.advisees(account(c)) }),
    )
    .get('/advisees/:ownerId', async (c) =>
      c.json(allowed(await sharing.adviseeSummary(account(c), readParam(c, 'ownerId')))),
    )
    .get('/advisees/:ownerId/list', async (c) => {
      const list = allowed(await sharing.list(account(c), readParam(c, 'ownerId')));
      if (!list.ok) throw new ProblemError(422, list.error.title, list.error.issues);
      return c.json(list.value);
    })
    .get('/advisees/:ownerId/season', async (c) =>
      c.json(allowed(await sharing.season(account(c), readParam(c, 'ownerId')))),
    )
    .get('/advisees/:ownerId/network', async (c) =>
      c.json(allowed(await sharing.network(account(c), readParam(c, 'ownerId')))),
    )
    .get('/advisees/:ownerId/comments', async (c) =>
      c.json({ comments: allowed(await sharing.commentsWritten(account(c), readParam(c, 'ownerId'))) }),
    )
    .post('/advisees/:ownerId/comments', async (c) => {
      const input = await readBody(c, commentSchema);
      const added = await sharing.comment(account(c), readParam(c, 'ownerId'), input);
      if (added.ok) return c.json({ comment: added.value }, 201);
      if (added.error.kind === 'no-program') {
        throw new ProblemError(404, 'No such program in the applicant’s catalog', [
          { path: 'acgmeId', message: 'Comment on a program the applicant has in their catalog' },
        ]);
      }
      return allowed({ ok: false, error: added.error });
    })
    .get('/comments', async (c) => {
      const { acgmeId } = readQuery(c, commentsQuerySchema);
      return c.json(await sharing.commentsForMe(account(c), acgmeId));
    })
    .post('/comments/:id/read', async (c) => {
      const comment = await sharing.markCommentRead(account(c), readParam(c, 'id'));
      if (!comment)
        throw new ProblemError(404, 'No such comment', [{ path: 'id', message: 'Not one of your comments' }]);
      return c.json({ comment });
    })
    .get('/audit', async (c) => c.json({ entries: await sharing.auditLog(account(c)) }));
}
