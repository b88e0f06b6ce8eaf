import type { Hono } from 'hono';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AccountsService } from '../../app/accounts/accounts-service.js';
import type { SharedFactGroup } from '../../app/cohorts/cohort-service.js';
import { accountsFor } from '../../app/hosted-mode.js';
import type { ExplainedProgram } from '../../app/smartpick/smartpick-service.js';
import type { ProgramFacts } from '../../core/catalog/program.js';
import { usImgProfile } from '../../core/smartpick/test-support.js';
import type { Database } from '../../db/index.js';
import { scopedPostgresDialect } from '../../db/session-scope.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';

const PASSWORD = 'correct horse battery';
const START = new Date('2026-10-01T10:00:00Z');
const PEOPLE = ['ann', 'bo', 'cy', 'dee'] as const;
type Person = (typeof PEOPLE)[number];
/** Albany: the cohort agrees on its IMG share. Boston: the cohort disagrees on it. */
const ALBANY = '1203500001';
const BOSTON = '1203500002';
const NOTE = 'Mention the night-float schedule worry to Dr. Park';

const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';
const width = (range: [number, number]) => range[1] - range[0];
const fact = <T extends boolean | number>(value: T, source: string, asOf = '2026-09-01') => ({
  value,
  source,
  asOf,
});

/**
 * Ann starts a cohort and invites Bo and Cy; Dee has an account and is in no cohort. Bo and Cy research Albany
 * and Boston and share what they found; Ann has researched neither's IMG share herself. Every request goes
 * through the hosted app with each one's session cookie.
 */
describeEachEngine('cohorts: pooled program research (hosted API)', (engine) => {
  let db: Database;
  let app: Hono;
  let accounts: AccountsService;
  let clock: Date;
  let cohortId = '';
  let annBefore: Record<string, ExplainedProgram> = {};
  const ids = {} as Record<Person, string>;
  const cookies = {} as Record<Person, string>;
  const as = async (who: Person, method: string, path: string, body?: unknown): Promise<Response> =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', cookie: cookies[who] },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const json = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as T;
  };
  /** Logs in afresh (a session idles out when a test moves the clock weeks ahead). */
  const login = async (who: Person) => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${who}@example.org`, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    cookies[who] = cookieOf(response);
  };
  const explain = async (who: Person, acgmeId: string) =>
    json<ExplainedProgram>(await as(who, 'POST', '/api/smartpick/explain', { acgmeId }));
  const setFacts = (who: Person, acgmeId: string, facts: ProgramFacts) =>
    as(who, 'PUT', `/api/programs/${acgmeId}/facts`, facts);
  const share = (who: Person, acgmeId: string, key: string) =>
    as(who, 'POST', `/api/cohorts/${cohortId}/facts`, { acgmeId, key });
  const invite = async () =>
    json<{ token: string; joinPath: string; invitation: { id: string } }>(
      await as('ann', 'POST', `/api/cohorts/${cohortId}/invitations`),
      201,
    );

  beforeAll(async () => {
    db = await engine.open();
    clock = START;
    accounts = accountsFor(db, () => clock);
    for (const who of PEOPLE) {
      const added = await accounts.addUser(`${who}@example.org`, PASSWORD);
      if (!added.ok) throw new Error('could not add user');
      ids[who] = added.value.id;
    }
    app = createApp({
      db,
      logger: createLogger('silent'),
      now: () => clock,
      hosted: { accounts, trustProxy: false },
    });
    for (const who of PEOPLE) {
      await login(who);
      // Everyone's own catalog holds both programs, with only J-1 researched.
      const mine = db.forOwner(ids[who]);
      await mine.profiles.save(usImgProfile());
      await mine.programs.upsertMany([
        testProgram({ acgmeId: ALBANY, name: 'Albany Family Medicine' }),
        testProgram({ acgmeId: BOSTON, name: 'Boston Family Medicine' }),
      ]);
    }
    annBefore = { [ALBANY]: await explain('ann', ALBANY), [BOSTON]: await explain('ann', BOSTON) };
    // Four password hashes and two SmartPick runs: slow on a loaded machine, however quick the engine.
  }, 180_000);
  afterAll(async () => db?.close());

  it('lets Ann create a cohort and Bo and Cy join it by her link', async () => {
    const created = await json<{ id: string; name: string; members: number }>(
      await as('ann', 'POST', '/api/cohorts', { name: 'Class of 2027 IMGs' }),
      201,
    );
    expect(created).toMatchObject({ name: 'Class of 2027 IMGs', members: 1 });
    cohortId = created.id;
    const link = await invite();
    expect(link.joinPath).toBe(`/cohorts#join=${link.token}`);
    for (const who of ['bo', 'cy'] as const) {
      const joined = await json<{ cohort: { id: string }; alreadyMember: boolean }>(
        await as(who, 'POST', '/api/cohorts/join', { token: link.token }),
      );
      expect(joined).toMatchObject({ cohort: { id: cohortId }, alreadyMember: false });
    }
    const members = await json<{ items: { email: string; you: boolean }[] }>(
      await as('bo', 'GET', `/api/cohorts/${cohortId}/members`),
    );
    expect(members.items.map((m) => [m.email, m.you])).toEqual([
      ['ann@example.org', false],
      ['bo@example.org', true],
      ['cy@example.org', false],
    ]);
    // The stored invitation is the token's hash, never the token.
    const stored = await db
      .operatorKysely()
      .selectFrom('cohort_invitations' as never)
      .select(sql<string>`token_hash`.as('hash'))
      .execute();
    expect(stored.map((row) => row.hash)).not.toContain(link.token);
  });

  it('shows two members’ shares of one value with who, when, the source and confirmations', async () => {
    await json(await setFacts('bo', ALBANY, { imgShare: fact(0.3, 'program website') }));
    await json(
      await setFacts('cy', ALBANY, { imgShare: fact(0.3, 'program coordinator, email', '2026-08-20') }),
    );
    await json(await share('bo', ALBANY, 'imgShare'), 201);
    await json(await share('cy', ALBANY, 'imgShare'), 201);
    const before = await json<{ groups: SharedFactGroup[] }>(
      await as('ann', 'GET', `/api/cohorts/facts?acgmeId=${ALBANY}`),
    );
    const boShare = before.groups[0]?.values[0]?.shares.find((s) => s.sharedBy === 'bo@example.org');
    await json(await as('ann', 'POST', `/api/cohorts/${cohortId}/facts/${boShare?.id}/confirmations`));
    // Confirming twice still counts once; the sharer cannot confirm their own.
    await json(await as('ann', 'POST', `/api/cohorts/${cohortId}/facts/${boShare?.id}/confirmations`));
    expect(
      (await as('bo', 'POST', `/api/cohorts/${cohortId}/facts/${boShare?.id}/confirmations`)).status,
    ).toBe(422);

    const { groups } = await json<{ groups: SharedFactGroup[] }>(
      await as('ann', 'GET', `/api/cohorts/${cohortId}/facts?acgmeId=${ALBANY}`),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      acgmeId: ALBANY,
      key: 'imgShare',
      label: 'IMG share',
      conflict: false,
    });
    expect(groups[0]?.values[0]?.valueText).toBe('30%');
    expect(
      groups[0]?.values[0]?.shares.map((s) => [
        s.sharedBy,
        s.source,
        s.asOf,
        s.confirmations,
        s.confirmedByYou,
      ]),
    ).toEqual([
      ['bo@example.org', 'program website', '2026-09-01', 1, true],
      ['cy@example.org', 'program coordinator, email', '2026-08-20', 0, false],
    ]);
    expect(groups[0]?.values[0]?.shares[0]?.sharedAt).toBe(START.toISOString());
  });

  it('narrows Ann’s range at Albany with the agreed fact, and "Why?" says it came from her cohort', async () => {
    const after = await explain('ann', ALBANY);
    expect(annBefore[ALBANY]?.interview.unknownFacts).toContain('imgShare');
    expect(after.interview.unknownFacts).not.toContain('imgShare');
    expect(width(after.interview.range)).toBeLessThan(width(annBefore[ALBANY]!.interview.range));
    expect(after.cohort?.used.map((u) => u.says)).toEqual([
      'IMG share 30% from your cohort (2 members, 1 confirmation: program website; program coordinator, email, 2026-09-01)',
    ]);
    // My list reads the same catalog: Albany's IMG share is known there too.
    const list = await json<{
      programs: { acgmeId: string; interview: { unknownFacts: string[] } | null }[];
    }>(await as('ann', 'POST', '/api/smartpick/recommend', {}));
    const albany = list.programs.find((p) => p.acgmeId === ALBANY)?.interview;
    expect(albany?.unknownFacts).toBeDefined();
    expect(albany?.unknownFacts).not.toContain('imgShare');
  });

  it('keeps Ann’s own research over the cohort’s', async () => {
    await json(await setFacts('ann', ALBANY, { imgShare: fact(0.5, 'my call with the coordinator') }));
    const mine = await explain('ann', ALBANY);
    expect(mine.cohort).toBeNull();
    await json(await setFacts('ann', ALBANY, {}));
  });

  it('shows a disagreement side by side and leaves the fact unknown for SmartPick', async () => {
    await json(await setFacts('bo', BOSTON, { imgShare: fact(0.2, 'program website') }));
    await json(await setFacts('cy', BOSTON, { imgShare: fact(0.6, 'FREIDA, 2026 listing') }));
    await json(await share('bo', BOSTON, 'imgShare'), 201);
    await json(await share('cy', BOSTON, 'imgShare'), 201);

    const { groups } = await json<{ groups: SharedFactGroup[] }>(
      await as('ann', 'GET', `/api/cohorts/${cohortId}/facts?acgmeId=${BOSTON}`),
    );
    expect(groups[0]?.conflict).toBe(true);
    expect(groups[0]?.values.map((v) => [v.valueText, v.shares.map((s) => s.sharedBy)])).toEqual([
      ['20%', ['bo@example.org']],
      ['60%', ['cy@example.org']],
    ]);
    const after = await explain('ann', BOSTON);
    expect(after.interview.unknownFacts).toContain('imgShare');
    expect(after.interview.range).toEqual(annBefore[BOSTON]?.interview.range);
    expect(after.cohort?.used).toEqual([]);
    expect(after.cohort?.conflicts.map((c) => c.says)).toEqual([
      'IMG share: your cohort disagrees (20% (1 member) vs 60% (1 member)), so it stays unknown',
    ]);
  });

  it('replaces a member’s older share of the same fact with the newer one', async () => {
    clock = new Date(START.getTime() + 3_600_000);
    await json(
      await setFacts('cy', BOSTON, { imgShare: fact(0.2, 'program coordinator, email', '2026-09-30') }),
    );
    await json(await share('cy', BOSTON, 'imgShare'), 201);
    const { groups } = await json<{ groups: SharedFactGroup[] }>(
      await as('ann', 'GET', `/api/cohorts/${cohortId}/facts?acgmeId=${BOSTON}`),
    );
    expect(groups[0]?.conflict).toBe(false);
    expect(groups[0]?.values[0]?.shares.map((s) => [s.sharedBy, s.asOf])).toEqual([
      ['bo@example.org', '2026-09-01'],
      ['cy@example.org', '2026-09-30'],
    ]);
    expect((await explain('ann', BOSTON)).interview.unknownFacts).not.toContain('imgShare');
  });

  it('never shares personal notes, and shares only facts the member has researched', async () => {
    await json(
      await as('bo', 'PUT', `/api/interview-prep/notes/${ALBANY}`, { whatToMention: NOTE, notes: NOTE }),
    );
    expect((await share('bo', ALBANY, 'notes')).status).toBe(422);
    expect((await share('bo', ALBANY, 'whatToMention')).status).toBe(422);
    expect((await share('bo', ALBANY, 'rural')).status).toBe(422);
    for (const who of ['ann', 'cy'] as const) {
      const seen = await Promise.all([
        as(who, 'GET', '/api/cohorts/facts').then((r) => r.text()),
        as(who, 'GET', `/api/cohorts/${cohortId}`).then((r) => r.text()),
        as(who, 'GET', `/api/interview-prep/notes/${ALBANY}`).then((r) => r.text()),
      ]);
      for (const text of seen) expect(text).not.toContain('night-float');
    }
  });

  it('refuses to share a fact of a synthetic demo program: generated facts are not research', async () => {
    const demo = 'DEMO-000001';
    await db
      .forOwner(ids.bo)
      .programs.upsertMany([
        testProgram({ acgmeId: demo, name: 'Demo Family Medicine Program (synthetic)', synthetic: true }),
      ]);
    const refused = await share('bo', demo, 'visaJ1');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('synthetic');
    const seen = await as('ann', 'GET', '/api/cohorts/facts').then((r) => r.text());
    expect(seen).not.toContain(demo);
  });

  it('shows a non-member nothing: no cohort, no members, no facts, and 404s that name nothing', async () => {
    expect(await json(await as('dee', 'GET', '/api/cohorts'))).toEqual({ items: [] });
    expect(await json(await as('dee', 'GET', '/api/cohorts/facts'))).toEqual({ groups: [] });
    const attempts = [
      as('dee', 'GET', `/api/cohorts/${cohortId}`),
      as('dee', 'GET', `/api/cohorts/${cohortId}/members`),
      as('dee', 'GET', `/api/cohorts/${cohortId}/facts`),
      as('dee', 'POST', `/api/cohorts/${cohortId}/invitations`),
      as('dee', 'POST', `/api/cohorts/${cohortId}/leave`),
      share('dee', ALBANY, 'visaJ1'),
      as('dee', 'GET', '/api/cohorts/00000000-0000-4000-8000-000000000000'),
    ];
    const answers = await Promise.all(attempts);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    for (const body of bodies) expect(body).not.toMatch(/Class of 2027|ann@|bo@|cy@|Albany/);
    // The first and the last — a real cohort and none at all — are one answer.
    expect(bodies[0]).toBe(bodies[6]);
    expect((await explain('dee', ALBANY)).cohort).toBeNull();
  });

  it('refuses a revoked link and an expired link, saying which, and an unknown one', async () => {
    const revoked = await invite();
    await json(await as('ann', 'DELETE', `/api/cohorts/${cohortId}/invitations/${revoked.invitation.id}`));
    const refusedRevoked = await as('dee', 'POST', '/api/cohorts/join', { token: revoked.token });
    expect(refusedRevoked.status).toBe(410);
    expect((await refusedRevoked.json()).title).toBe('This invitation link was revoked');

    const expiring = await invite();
    clock = new Date(clock.getTime() + 15 * 24 * 3_600_000);
    for (const who of PEOPLE) await login(who);
    const refusedExpired = await as('dee', 'POST', '/api/cohorts/join', { token: expiring.token });
    expect(refusedExpired.status).toBe(410);
    expect((await refusedExpired.json()).title).toBe('This invitation link has expired');

    expect((await as('dee', 'POST', '/api/cohorts/join', { token: 'not-a-real-token' })).status).toBe(404);
    expect(await json(await as('dee', 'GET', '/api/cohorts'))).toEqual({ items: [] });
  });

  it('lets a member leave, taking their shares with them', async () => {
    await json(await as('cy', 'POST', `/api/cohorts/${cohortId}/leave`));
    expect(await json(await as('cy', 'GET', '/api/cohorts'))).toEqual({ items: [] });
    expect((await as('cy', 'GET', `/api/cohorts/${cohortId}`)).status).toBe(404);
    const { groups } = await json<{ groups: SharedFactGroup[] }>(
      await as('ann', 'GET', '/api/cohorts/facts'),
    );
    const sharers = groups.flatMap((g) => g.values.flatMap((v) => v.shares.map((s) => s.sharedBy)));
    expect(sharers).not.toContain('cy@example.org');
    expect(sharers).toContain('bo@example.org');
  });

  it.runIf(engine.name === 'postgres')(
    'walls cohort rows off on PostgreSQL for a connection whose owner is not a member',
    async () => {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
      const connectionOf = (ownerId: string) =>
        new Kysely<any>({ dialect: scopedPostgresDialect(pool, rows[0]!.schema, { ownerId }) });
      try {
        const count = async (ownerId: string, table: string) => {
          const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
            connectionOf(ownerId),
          );
          return result.rows[0]?.n;
        };
        for (const table of ['cohorts', 'cohort_members', 'cohort_invitations', 'cohort_facts']) {
          expect(await count(ids.dee, table), table).toBe(0);
          expect(await count(ids.bo, table), table).toBeGreaterThan(0);
        }
        // Dee cannot write herself into the cohort, nor a share into it, past the service.
        await expect(
          sql`insert into cohort_facts (id, cohort_id, user_id, acgme_id, program_name, fact_key, value, source, as_of)
            values (gen_random_uuid(), ${cohortId}, ${ids.dee}, ${ALBANY}, 'x', 'rural', 'true', 'x', '2026-09-01')`.execute(
            connectionOf(ids.dee),
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await pool.end();
      }
    },
  );
});
