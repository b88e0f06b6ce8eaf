import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { programFactsSchema } from '../../core/catalog/program.js';
import { SPECIALTY_IDS } from '../../core/catalog/specialty.js';
import { CENSUS_DIVISIONS, isStateCode } from '../../core/geo/census.js';
import { storableText } from '../../core/shared/storable-text.js';
import type { OwnerDatabase } from '../../db/index.js';
import { PROGRAM_SORT_KEYS, type ProgramFilter } from '../../db/programs-repository.js';
import { jsonOnce } from '../json-once.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody, readParam, readQuery } from '../read-body.js';

const commaList = storableText()
  .optional()
  .transform((value) =>
    value
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      : [],
  );

const programsQuerySchema = z.object({
  state: commaList.pipe(z.array(storableText().toUpperCase().refine(isStateCode, 'Unknown U.S. state'))),
  division: commaList.pipe(z.array(z.enum(CENSUS_DIVISIONS))),
  q: storableText().trim().max(200).optional(),
  specialty: z.enum(SPECIALTY_IDS).optional(),
});

/** A page small enough to answer fast and large enough for a table a person reads. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number()
    .int('Whole number')
    .min(min, `At least ${min}`)
    .max(max, `At most ${max.toLocaleString('en-US')}`)
    .default(fallback);

const programPageQuerySchema = programsQuerySchema.extend({
  page: wholeNumber(1, 1_000_000, 1),
  limit: wholeNumber(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  sort: z.enum(PROGRAM_SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

function filterOf(query: z.infer<typeof programsQuerySchema>): ProgramFilter {
  return {
    states: query.state,
    divisions: query.division,
    ...(query.q ? { search: query.q } : {}),
    ...(query.specialty ? { specialty: query.specialty } : {}),
  };
}

/**
 * A weak ETag from the catalog's version (which names its owner) and the request's path and query: the same question about the same
 * catalog has the same answer, so a client that sends it back gets a 304 without the catalog being read.
 */
function catalogEtag(c: Context, catalogVersion: string): string {
  const url = new URL(c.req.url);
  const digest = createHash('sha256')
    .update(`${catalogVersion}\n${url.pathname}?${url.searchParams.toString()}`)
    .digest('base64url')
    .slice(0, 27);
  return `W/"${digest}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): the W/ prefix does not matter, `*` matches anything. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((candidate) => candidate.trim())
    .some((candidate) => candidate === '*' || candidate.replace(/^W\//, '') === opaque);
}

/** Answers kept per routes instance: pages people flip through, and the map, for the current catalog. */
const KEPT_ANSWERS = 32;

/**
 * Answers a catalog read: 304 when the client already holds the answer (If-None-Match), else the answer built
 * for this ETag before, else `build()`'s. The ETag names the owner, the owner's catalog version and the query,
 * so a kept answer is exactly what `build()` would give that owner — never another owner's, even when their
 * catalogs' versions coincide (two empty catalogs); a changed catalog has new ETags, and old answers age out.
 */
function catalogAnswers() {
  const answers = new Map<string, object>();
  /**
   * Per owner, the catalog version last read and the data version just before: while nothing at all has been
   * written since (one cheap snapshot query), the catalog cannot have changed, and its version — a scan of every
   * program — need not be read again. The data version already names its owner.
   */
  const known = new Map<string, { data: string; catalog: string }>();
  const catalogVersion = async (db: OwnerDatabase): Promise<string> => {
    const data = await db.dataVersion();
    const kept = known.get(db.ownerId);
    if (kept?.data === data) return kept.catalog;
    const catalog = `${db.ownerId}/${await db.programs.version()}`;
    known.delete(db.ownerId);
    known.set(db.ownerId, { data, catalog });
    if (known.size > KEPT_ANSWERS) known.delete(known.keys().next().value as string);
    return catalog;
  };
  return async <T extends object>(c: Context<OwnerEnv>, build: () => Promise<T>) => {
    const etag = catalogEtag(c, await catalogVersion(c.var.db));
    // no-cache: keep it, but ask again each time (the ETag makes asking cheap).
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    // The map holds answers to different questions; the ETag names this one, so its answer is a T.
    let answer = answers.get(etag) as T | undefined;
    if (answer) {
      answers.delete(etag); // most recently used last
    } else {
      answer = await build();
      if (answers.size >= KEPT_ANSWERS) answers.delete(answers.keys().next().value as string);
    }
    answers.set(etag, answer);
    return jsonOnce(c, answer);
  };
}

export function programRoutes() {
  const answer = catalogAnswers();
  return (
    new Hono<OwnerEnv>()
      .get('/', async (c) => {
        const query = readQuery(c, programPageQuerySchema);
        return answer(c, async () => {
          const found = await c.var.db.programs.page(filterOf(query), {
            ...(query.sort ? { sort: query.sort } : {}),
            descending: query.dir === 'desc',
            offset: (query.page - 1) * query.limit,
            limit: query.limit,
          });
          return {
            total: found.total,
            synthetic: found.synthetic,
            page: query.page,
            limit: query.limit,
            pages: Math.ceil(found.total / query.limit),
            items: found.items,
          };
        });
      })
      .get('/map', async (c) => {
        const query = readQuery(c, programsQuerySchema);
        return answer(c, async () => {
          const items = await c.var.db.programs.points(filterOf(query));
          return { total: items.length, synthetic: items.filter((p) => p.synthetic).length, items };
        });
      })
      .get('/:acgmeId', async (c) => {
        const acgmeId = readParam(c, 'acgmeId');
        const program = await c.var.db.programs.get(acgmeId);
        if (!program) throw new ProblemError(404, `No program with ACGME id ${acgmeId}`);
        return c.json(program);
      })
      // The research facts, edited in the app: the body is the whole set, so a fact left out is unknown again.
      .put('/:acgmeId/facts', async (c) => {
        const acgmeId = readParam(c, 'acgmeId');
        const facts = await readBody(c, programFactsSchema.strict());
        const program = await c.var.db.programs.get(acgmeId);
        if (!program) throw new ProblemError(404, `No program with ACGME id ${acgmeId}`);
        const edited = { ...program, facts };
        await c.var.db.programs.upsertMany([edited]);
        return c.json(edited);
      })
  );
}
