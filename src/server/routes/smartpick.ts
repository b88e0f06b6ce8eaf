import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { readSmartPickSettings, saveSmartPickSettings } from '../../app/smartpick/budget-settings.js';
import { ComputeAbortedError } from '../../app/smartpick/compute-pool.js';
import type { SmartPickFailure, SmartPickService } from '../../app/smartpick/smartpick-service.js';
import type { Result } from '../../core/shared/result.js';
import { storableText } from '../../core/shared/storable-text.js';
import { smartPickSettingsSchema } from '../../core/smartpick/settings-schema.js';
import type { OwnerDatabase } from '../../db/index.js';
import { jsonOnce } from '../json-once.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody } from '../read-body.js';

const overridesSchema = z.object({ settings: smartPickSettingsSchema.partial().optional() });

const whatIfChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step2ck'), delta: z.number().int('Whole number').min(-100).max(100) }),
  z.object({
    kind: z.literal('usce'),
    months: z.number().min(0.5, 'At least half a month').max(36),
    usceKind: z.enum(['hands-on', 'observership', 'research']).optional(),
  }),
  z.object({ kind: z.literal('rotation'), acgmeId: storableText().trim().min(1) }),
  z.object({ kind: z.literal('signal'), count: z.number().int().min(1).max(20).optional() }),
]);

/**
 * Runs a SmartPick computation for this request, dropped if the client goes away first. Nobody reads the
 * answer then; 499 (nginx's "client closed request") marks it in the request log instead of an error.
 */
async function computed<R extends Response>(
  c: Context,
  compute: (signal: AbortSignal) => Promise<R>,
): Promise<R | Response> {
  try {
    return await compute(c.req.raw.signal);
  } catch (error) {
    if (error instanceof ComputeAbortedError) return new Response(null, { status: 499 });
    throw error;
  }
}

function unwrap<T>(result: Result<T, SmartPickFailure>): T {
  if (!result.ok) throw new ProblemError(result.error.status, result.error.title, result.error.issues);
  return result.value;
}

/** My list's API. The budget in its settings is the profile's (budget-settings.ts): one budget, one place. */
/** My list. `smartpick` gives the acting user's SmartPick: its cache and its data are that user's alone. */
export function smartpickRoutes(smartpick: (db: OwnerDatabase) => SmartPickService) {
  return new Hono<OwnerEnv>()
    .get('/settings', async (c) => c.json(await readSmartPickSettings(c.var.db)))
    .put('/settings', async (c) =>
      c.json(await saveSmartPickSettings(c.var.db, await readBody(c, smartPickSettingsSchema))),
    )
    .post('/recommend', async (c) => {
      const { settings } = await readBody(c, overridesSchema);
      // A cached list is the same object each time: serialize and gzip its hundreds of kilobytes once.
      return computed(c, async (signal) =>
        jsonOnce(c, unwrap(await smartpick(c.var.db).recommend(settings, { signal }))),
      );
    })
    .post('/explain', async (c) => {
      const body = await readBody(
        c,
        overridesSchema.extend({ acgmeId: storableText().trim().min(1, 'Name a program') }),
      );
      return computed(c, async (signal) =>
        c.json(unwrap(await smartpick(c.var.db).explain(body.acgmeId, body.settings, { signal }))),
      );
    })
    .post('/what-if', async (c) => {
      const body = await readBody(c, overridesSchema.extend({ change: whatIfChangeSchema }));
      return computed(c, async (signal) =>
        c.json(unwrap(await smartpick(c.var.db).whatIf(body.change, body.settings, { signal }))),
      );
    })
    .get('/export.csv', async (c) => {
      const csv = unwrap(await smartpick(c.var.db).exportCsv());
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="matchwise-list.csv"',
      });
    });
}
