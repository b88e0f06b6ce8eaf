import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type CohortFailure, cohortService } from '../../app/cohorts/cohort-service.js';
import type { Result } from '../../core/shared/result.js';
import { storableText } from '../../core/shared/storable-text.js';
import type { Database } from '../../db/index.js';
import type { ActorEnv } from '../auth/actor-env.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam, readQuery } from '../read-body.js';

const createSchema = z.strictObject({
  name: storableText().trim().min(1, 'Name the cohort').max(120, 'At most 120 characters'),
});
const joinSchema = z.strictObject({
  token: storableText().trim().min(1, 'Paste the invitation link').max(200),
});
const shareSchema = z.strictObject({
  acgmeId: storableText().trim().min(1, 'Name a program').max(20),
  key: storableText().trim().min(1, 'Name the fact').max(40),
});
const factsQuerySchema = z.strictObject({ acgmeId: storableText().trim().min(1).max(20).optional() });

const uuid = z.uuid();

function unwrap<T>(result: Result<T, CohortFailure>): T {
  if (result.ok) return result.value;
  throw new ProblemError(result.error.status, result.error.title, result.error.issues);
}

/** An id that is not even a uuid names no cohort: the same 404 as one the user is not in. */
function idParam(c: Context, name: string, what: 'cohort' | 'invitation' | 'shared fact'): string {
  const value = readParam(c, name);
  if (!uuid.safeParse(value).success) {
    throw new ProblemError(404, `No such ${what}`, [{ path: name, message: `Not a ${what} you can see` }]);
  }
  return value;
}

/**
 * Cohorts and their pooled research (hosted mode only: a cohort is between accounts). Every handler acts for the
 * signed-in user through their own scope; nothing about a cohort they are not in is told, not even that it exists.
 */
export function cohortRoutes(db: Database, now: () => Date) {
  const serviceFor = (c: Context<ActorEnv>) => cohortService(db.forOwner(c.var.actor.userId), now);
  return new Hono<ActorEnv>()
    .get('/', async (c) => c.json({ items: await serviceFor(c).list() }))
    .post('/', async (c) => {
      const { name } = await readBody(c, createSchema);
      return c.json(unwrap(await serviceFor(c).create(name)), 201);
    })
    .post('/join', async (c) => {
      const { token } = await readBody(c, joinSchema);
      return c.json(unwrap(await serviceFor(c).join(token)));
    })
    .get('/facts', async (c) => {
      const { acgmeId } = readQuery(c, factsQuerySchema);
      const groups = unwrap(await serviceFor(c).facts(acgmeId !== undefined ? { acgmeId } : {}));
      return c.json({ groups });
    })
    .get('/:cohortId', async (c) =>
      c.json(unwrap(await serviceFor(c).detail(idParam(c, 'cohortId', 'cohort')))),
    )
    .get('/:cohortId/members', async (c) => {
      const detail = unwrap(await serviceFor(c).detail(idParam(c, 'cohortId', 'cohort')));
      return c.json({ items: detail.members });
    })
    .post('/:cohortId/invitations', async (c) =>
      c.json(unwrap(await serviceFor(c).invite(idParam(c, 'cohortId', 'cohort'))), 201),
    )
    .delete('/:cohortId/invitations/:invitationId', async (c) => {
      const cohortId = idParam(c, 'cohortId', 'cohort');
      const invitationId = idParam(c, 'invitationId', 'invitation');
      return c.json(unwrap(await serviceFor(c).revoke(cohortId, invitationId)));
    })
    .post('/:cohortId/leave', async (c) =>
      c.json(unwrap(await serviceFor(c).leave(idParam(c, 'cohortId', 'cohort')))),
    )
    .get('/:cohortId/facts', async (c) => {
      const cohortId = idParam(c, 'cohortId', 'cohort');
      const { acgmeId } = readQuery(c, factsQuerySchema);
      const groups = unwrap(
        await serviceFor(c).facts({ cohortId, ...(acgmeId !== undefined ? { acgmeId } : {}) }),
      );
      return c.json({ groups });
    })
    .post('/:cohortId/facts', async (c) => {
      const cohortId = idParam(c, 'cohortId', 'cohort');
      const body = await readBody(c, shareSchema);
      return c.json(unwrap(await serviceFor(c).share({ cohortId, ...body })), 201);
    })
    .post('/:cohortId/facts/:factId/confirmations', async (c) => {
      const cohortId = idParam(c, 'cohortId', 'cohort');
      const factId = idParam(c, 'factId', 'shared fact');
      return c.json(unwrap(await serviceFor(c).confirm(cohortId, factId)));
    });
}
