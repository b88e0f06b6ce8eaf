import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsService } from '../../app/accounts/accounts-service.js';
import { accountsFor } from '../../app/hosted-mode.js';
import { addApplications, moveApplication } from '../../app/season/season-service.js';
import { drLee } from '../../core/network/test-support.js';
import type { Recommendation } from '../../core/smartpick/index.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { seasonProfile } from '../testing/season-profile.js';

const PASSWORD = 'correct horse battery';
/** 1 December 2026: interview season of the 2027 Match. */
const START = new Date('2026-12-01T10:00:00Z');
const PROGRAM_IDS = Array.from({ length: 12 }, (_, i) => `12035210${String(i).padStart(2, '0')}`);

const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';

/**
 * Ann (applicant) shares with Bo (her advisor); Cy has an account and no grant. Every request goes through the
 * hosted app with each one's session cookie.
 */
describeEachEngine('advisor sharing (hosted API)', (engine) => {
  let db: Database;
  let app: Hono;
  let accounts: AccountsService;
  let clock: Date;
  const ids: Record<'ann' | 'bo' | 'cy', string> = { ann: '', bo: '', cy: '' };
  const cookies: Record<'ann' | 'bo' | 'cy', string> = { ann: '', bo: '', cy: '' };
  const as = (who: keyof typeof cookies, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', cookie: cookies[who] },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const invite = async (scopes: string[]) => {
    const response = await as('ann', 'POST', '/api/advisors', { scopes, note: 'Dr. Bo, advising office' });
    expect(response.status).toBe(201);
    return (await response.json()) as { token: string; link: string; advisor: { id: string; state: string } };
  };
  /** Logs in afresh (a session idles out when the test moves the clock weeks ahead). */
  const login = async (who: keyof typeof cookies) => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${who}@example.org`, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    cookies[who] = cookieOf(response);
  };
  const accept = (who: keyof typeof cookies, token: string) =>
    as(who, 'POST', '/api/invitations/accept', { token });

  beforeAll(async () => {
    db = await engine.open();
    clock = START;
    accounts = accountsFor(db, () => clock);
    for (const who of ['ann', 'bo', 'cy'] as const) {
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
    for (const who of ['ann', 'bo', 'cy'] as const) await login(who);
    // Ann's data: profile, 12 programs, 4 applications sent, a mentor.
    const ann = db.forOwner(ids.ann);
    await ann.profiles.save(seasonProfile(10));
    await ann.programs.upsertMany(
      PROGRAM_IDS.map((acgmeId, i) => testProgram({ acgmeId, name: `Ann’s program ${i}` })),
    );
    await addApplications(ann, PROGRAM_IDS.slice(0, 4), START);
    for (const acgmeId of PROGRAM_IDS.slice(0, 4)) {
      const moved = await moveApplication(ann, acgmeId, 'applied', {
        at: new Date('2026-09-25T14:00:00Z'),
        details: { feeDollars: 35 },
      });
      expect(moved.ok).toBe(true);
    }
    await ann.contacts.insert(drLee);
  });
  afterAll(async () => db?.close());

  it('invites by a one-time link whose token is not stored, listed as pending with its scopes', async () => {
    const { token, link, advisor } = await invite(['list']);
    expect(link).toBe(`/advisees/accept#${token}`);
    expect(advisor.state).toBe('pending');
    const stored = await db.kysely
      .selectFrom('advisor_grants' as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const listed = (await (await as('ann', 'GET', '/api/advisors')).json()) as { advisors: unknown[] };
    expect(listed.advisors).toEqual([
      expect.objectContaining({
        scopes: ['list'],
        state: 'pending',
        advisorEmail: null,
        note: 'Dr. Bo, advising office',
      }),
    ]);

    const accepted = await accept('bo', token);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ adviseeId: ids.ann });
    const again = await accept('cy', token);
    expect(again.status).toBe(410);
    expect(((await again.json()) as { title: string }).title).toMatch(/already been used/);
  });

  it('shows the advisor the same P(match) now the applicant’s own My list shows — one model, one answer', async () => {
    const response = await as('bo', 'GET', '/api/advisees');
    expect(response.status).toBe(200);
    const { advisees, rule } = (await response.json()) as {
      rule: string;
      advisees: { id: string; email: string; pMatchNow: number | null; overdueTasks: number | null }[];
    };
    expect(rule).toMatch(/below 50%/);
    expect(advisees).toHaveLength(1);
    // Ann's own My list, through her own session.
    const mine = (await (await as('ann', 'POST', '/api/smartpick/recommend', {})).json()) as Recommendation;
    expect(mine.pMatch.now?.probability).toEqual(expect.any(Number));
    expect(advisees[0]).toMatchObject({
      id: ids.ann,
      email: 'ann@example.org',
      pMatchNow: mine.pMatch.now?.probability,
      // "network" is not shared: no task count, not a zero.
      overdueTasks: null,
    });
    const list = await as('bo', 'GET', `/api/advisees/${ids.ann}/list`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { pMatch: { now: { probability: number } } }).pMatch.now.probability).toBe(
      mine.pMatch.now?.probability,
    );
  });

  it('keeps a "list" grant to the list: network, season and comments are 403, read-only everywhere', async () => {
    for (const section of ['network', 'season']) {
      const response = await as('bo', 'GET', `/api/advisees/${ids.ann}/${section}`);
      expect(response.status, section).toBe(403);
      expect(await response.text()).not.toMatch(/Dr\. Lee|Ann’s program|ann@/);
    }
    const comment = await as('bo', 'POST', `/api/advisees/${ids.ann}/comments`, {
      acgmeId: PROGRAM_IDS[0],
      body: 'Apply early here',
    });
    expect(comment.status).toBe(403);
    // The advisor's own API routes act on the advisor's data, never the advisee's.
    expect(
      ((await (await as('bo', 'GET', '/api/advisors')).json()) as { advisors: unknown[] }).advisors,
    ).toEqual([]);
  });

  it('gives someone who is not an advisor nothing of the applicant’s, the same 404 as for an unknown id', async () => {
    const paths = ['', '/list', '/season', '/network', '/comments'];
    for (const path of paths) {
      const response = await as('cy', 'GET', `/api/advisees/${ids.ann}${path}`);
      const unknown = await as('cy', 'GET', `/api/advisees/00000000-0000-4000-8000-000000000000${path}`);
      expect(response.status, path).toBe(404);
      const text = await response.text();
      expect(text).toBe(await unknown.text());
      expect(text).not.toMatch(/ann|Dr\. Lee|program 0/i);
    }
    const comment = await as('cy', 'POST', `/api/advisees/${ids.ann}/comments`, {
      acgmeId: PROGRAM_IDS[0],
      body: 'x',
    });
    expect(comment.status).toBe(404);
    expect(
      ((await (await as('cy', 'GET', '/api/advisees')).json()) as { advisees: unknown[] }).advisees,
    ).toEqual([]);
    expect(((await (await as('cy', 'GET', '/api/audit')).json()) as { entries: unknown[] }).entries).toEqual(
      [],
    );
    expect(((await (await as('cy', 'GET', '/api/comments')).json()) as { unread: number }).unread).toBe(0);
    // Nor can Cy revoke Ann's grants.
    const annGrants = (await (await as('ann', 'GET', '/api/advisors')).json()) as {
      advisors: { id: string }[];
    };
    const grantId = annGrants.advisors[0]?.id as string;
    expect((await as('cy', 'DELETE', `/api/advisors/${grantId}`)).status).toBe(404);
  });

  it('lets a "network" + "comment" grant read contacts and comment; the applicant sees the comment and marks it read', async () => {
    const { token } = await invite(['network', 'comment']);
    expect((await accept('bo', token)).status).toBe(200);
    // The newer grant replaced the older one: the list is no longer shared.
    expect((await as('bo', 'GET', `/api/advisees/${ids.ann}/list`)).status).toBe(403);
    const network = await as('bo', 'GET', `/api/advisees/${ids.ann}/network`);
    expect(network.status).toBe(200);
    expect(JSON.stringify(await network.json())).toContain(drLee.name);
    const [summary] = (
      (await (await as('bo', 'GET', '/api/advisees')).json()) as {
        advisees: {
          overdueTasks: number | null;
          letters: { ready: boolean } | null;
          pMatchNow: number | null;
        }[];
      }
    ).advisees;
    expect(summary?.overdueTasks).toEqual(expect.any(Number));
    expect(summary?.letters?.ready).toBe(true);
    expect(summary?.pMatchNow).toBeNull();

    const commented = await as('bo', 'POST', `/api/advisees/${ids.ann}/comments`, {
      acgmeId: PROGRAM_IDS[0],
      body: 'Their IMG share is high: apply early',
    });
    expect(commented.status).toBe(201);
    const missing = await as('bo', 'POST', `/api/advisees/${ids.ann}/comments`, {
      acgmeId: '9999999999',
      body: 'Nowhere',
    });
    expect(missing.status).toBe(404);

    const seen = (await (await as('ann', 'GET', `/api/comments?acgmeId=${PROGRAM_IDS[0]}`)).json()) as {
      unread: number;
      comments: { id: string; authorEmail: string; body: string; readAt: string | null }[];
    };
    expect(seen.unread).toBe(1);
    expect(seen.comments).toEqual([
      expect.objectContaining({
        authorEmail: 'bo@example.org',
        body: 'Their IMG share is high: apply early',
        readAt: null,
      }),
    ]);
    const read = await as('ann', 'POST', `/api/comments/${seen.comments[0]?.id}/read`);
    expect(read.status).toBe(200);
    expect(((await (await as('ann', 'GET', '/api/comments')).json()) as { unread: number }).unread).toBe(0);
    // Bo cannot mark Ann's comments: his own comments are elsewhere.
    expect((await as('bo', 'POST', `/api/comments/${seen.comments[0]?.id}/read`)).status).toBe(404);
  });

  it('cuts a revoked advisor off at the very next request', async () => {
    const { advisors } = (await (await as('ann', 'GET', '/api/advisors')).json()) as {
      advisors: { id: string; state: string; scopes: string[] }[];
    };
    const live = advisors.find((advisor) => advisor.state === 'active');
    expect(live?.scopes).toEqual(['network', 'comment']);
    expect((await as('bo', 'GET', `/api/advisees/${ids.ann}/network`)).status).toBe(200);
    const revoked = await as('ann', 'DELETE', `/api/advisors/${live?.id}`);
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { advisor: { state: string } }).advisor.state).toBe('revoked');
    expect((await as('bo', 'GET', `/api/advisees/${ids.ann}/network`)).status).toBe(404);
    expect(
      (
        await as('bo', 'POST', `/api/advisees/${ids.ann}/comments`, {
          acgmeId: PROGRAM_IDS[0],
          body: 'still here?',
        })
      ).status,
    ).toBe(404);
    expect(
      ((await (await as('bo', 'GET', '/api/advisees')).json()) as { advisees: unknown[] }).advisees,
    ).toEqual([]);
    expect((await as('ann', 'DELETE', `/api/advisors/${live?.id}`)).status).toBe(404);
  });

  it('says an invitation expired, was withdrawn, is unknown, or is the applicant’s own', async () => {
    const stale = await invite(['list']);
    const withdrawn = await invite(['list']);
    const own = await invite(['list']);
    expect((await as('ann', 'DELETE', `/api/advisors/${withdrawn.advisor.id}`)).status).toBe(200);
    clock = new Date(START.getTime() + 15 * 86_400_000);
    await login('bo');
    const expired = await accept('bo', stale.token);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { title: string }).title).toBe(
      'This invitation has expired: ask the applicant for a new one',
    );
    const gone = await accept('bo', withdrawn.token);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { title: string }).title).toMatch(/withdrawn/);
    expect((await accept('bo', 'made-up-token')).status).toBe(404);
    clock = START;
    await login('ann');
    await login('bo');
    expect((await accept('ann', own.token)).status).toBe(422);
    const { advisors } = (await (await as('ann', 'GET', '/api/advisors')).json()) as {
      advisors: { id: string; state: string }[];
    };
    expect(advisors.find((advisor) => advisor.id === stale.advisor.id)?.state).toBe('pending');
  });

  it('keeps an audit log the applicant reads: grants, views, comments and revocations, with who', async () => {
    const response = await as('ann', 'GET', '/api/audit');
    expect(response.status).toBe(200);
    const { entries } = (await response.json()) as { entries: { actorEmail: string; action: string }[] };
    const seen = new Set(entries.map((entry) => `${entry.actorEmail} ${entry.action}`));
    for (const expected of [
      'ann@example.org grant.invited',
      'bo@example.org grant.accepted',
      'bo@example.org advisor.viewed-summary',
      'bo@example.org advisor.viewed-list',
      'bo@example.org advisor.viewed-network',
      'bo@example.org advisor.commented',
      'ann@example.org grant.revoked',
    ]) {
      expect(seen, expected).toContain(expected);
    }
    // Cy's refused attempts read nothing and so are not views of Ann's data.
    expect([...seen].some((line) => line.startsWith('cy@'))).toBe(false);
    // Bo's own log holds none of it.
    expect(((await (await as('bo', 'GET', '/api/audit')).json()) as { entries: unknown[] }).entries).toEqual(
      [],
    );
  });
});

describe('advisor sharing in local mode', () => {
  it('does not exist: there are no accounts to share between', async () => {
    const { openDatabase } = await import('../../db/index.js');
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const app = createApp({ db, logger: createLogger('silent') });
      expect((await app.request('/api/advisees')).status).toBe(404);
      expect((await app.request('/api/audit')).status).toBe(404);
    } finally {
      await db.close();
    }
  });
});
