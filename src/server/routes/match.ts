import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import type { RankListService } from '../../app/match/rank-list-service.js';
import { JobLimitError } from '../../app/match/simulation-jobs.js';
import { compileMarket, matchResultToJson } from '../../core/match/json-market.js';
import { solveMatch } from '../../core/match/solve-match.js';
import { storableText } from '../../core/shared/storable-text.js';
import { LOCAL_OWNER_ID } from '../../db/local-owner.js';
import { ProblemError, problemBody, problemResponse } from '../problem.js';
import { readBody, readParam } from '../read-body.js';

/** Solving a posted market runs on the request thread, so its size is bounded well below national scale. */
const MAX_RUN_APPLICANTS = 5000;

const simulationRequestSchema = z.object({
  runs: z
    .number()
    .int('Whole number')
    .min(10, 'At least 10 runs')
    .max(20000, 'At most 20,000 runs')
    .default(1000),
  /** A what-if order of ACGME ids; the saved rank list when left out. */
  rankList: z.array(storableText().trim().min(1, 'ACGME id is required')).max(200).optional(),
  seed: z.number().int().min(0).optional(),
});

type MatchEnv = { Variables: { actor?: Actor } };

/**
 * Whose simulation this is: the acting user the session (hosted) or local middleware set; the local owner
 * where none ran (API tests). In hosted mode no request reaches a route without a session's actor.
 */
function ownerOf(c: Context<MatchEnv>): string {
  return c.var.actor?.userId ?? LOCAL_OWNER_ID;
}

/**
 * `/api/match`: solving a posted market, and rank-list simulations as jobs to poll. A job is its starter's
 * alone: another user's job answers 404, as an unknown one does.
 */
export function matchRoutes(service: RankListService) {
  return new Hono<MatchEnv>()
    .post('/run', async (c) => {
      const compiled = compileMarket(await readBody(c, z.unknown()));
      if (!compiled.ok) throw new ProblemError(422, 'This market cannot be solved', compiled.error);
      if (compiled.value.applicantCount > MAX_RUN_APPLICANTS) {
        throw new ProblemError(413, 'Market too large for the API', [
          {
            path: 'applicants',
            message: `At most ${MAX_RUN_APPLICANTS} applicants; use \`matchwise match run\``,
          },
        ]);
      }
      return c.json(matchResultToJson(compiled.value, solveMatch(compiled.value)));
    })
    .post('/simulations', async (c) => {
      const body = await readBody(c, simulationRequestSchema);
      let started: Awaited<ReturnType<RankListService['start']>>;
      try {
        started = await service.start(ownerOf(c), body);
      } catch (error) {
        if (!(error instanceof JobLimitError)) throw error;
        c.header('Retry-After', String(error.retryAfterSeconds));
        return problemResponse(
          c,
          problemBody(429, 'Too many simulations are running', [
            {
              path: '(request)',
              message: `At most ${error.maxActive} at once: wait for one to finish, or cancel one`,
            },
          ]),
        );
      }
      if (!started.ok)
        throw new ProblemError(started.error.status, started.error.title, started.error.issues);
      return c.json(started.value, 202);
    })
    .get('/simulations/:id', async (c) => {
      const job = await service.get(ownerOf(c), readParam(c, 'id'));
      if (!job)
        throw new ProblemError(404, 'No such simulation', [{ path: 'id', message: 'Unknown or expired' }]);
      return c.json(job);
    })
    .delete('/simulations/:id', async (c) => {
      if (!(await service.cancel(ownerOf(c), readParam(c, 'id')))) {
        throw new ProblemError(404, 'No such simulation', [{ path: 'id', message: 'Unknown or expired' }]);
      }
      return c.body(null, 204);
    });
}
