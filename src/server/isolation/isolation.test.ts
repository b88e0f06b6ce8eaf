import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDatabase, RIVERSIDE } from '../../app/backup/backup-fixtures.js';
import { exportBackup } from '../../app/backup/backup-service.js';
import { accountsFor } from '../../app/hosted-mode.js';
import { describeEachEngine, type TestDatabase } from '../../db/testing/engines.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';

/**
 * Issue 13's acceptance for hosted isolation: for every endpoint of the API, user B can neither read nor change
 * user A's data. B's reads are compared before and after A's data exists (any leak — a row, a count, an ETag,
 * a line of an export — makes them differ), every answer B gets is searched for A's data, B aims every
 * mutating route at A's ids, and A's whole backup is the same afterwards.
 *
 * Every route must be classified below: a new route that is not fails the test, so it cannot pass silently.
 */

const PASSWORD = 'correct horse battery';
const NOW = new Date('2026-12-01T10:00:00Z');

/** Strings only A's data holds (backup-fixtures' applicant and her network). */
const A_MARKERS = [
  'Amina',
  'Anna Lee',
  'anna.lee@',
  'Omar Haddad',
  'Riverside Family',
  'Riverside Health',
  'Lakeshore Family',
  'AAFP National',
  'Print CVs',
  'Warm team',
  'ann@example.org',
];

/** How B calls a route aimed at A: path parameters, body, and the statuses that prove A's row was not reached. */
interface Probe {
  params?: Record<string, string>;
  body?: unknown;
  /** Omitted: any status (the route acts on B's own data only; A's backup is compared afterwards). */
  expect?: number[];
}

const NOT_FOUND = [404];
const contactIdOfA = { id: 'c-lee' };

/**
 * Every API route, by `METHOD path`. GETs are read as B twice (before and after A's data exists); the rest
 * are called as B with A's ids. Routes of accounts, sharing and cohorts act on B's own account or on what
 * someone granted B — never A's applicant data unasked.
 */
const ROUTES: Record<string, Probe> = {
  'GET /api/health': {},
  'GET /api/auth/me': {},
  'POST /api/auth/login': { body: { email: 'ann@example.org', password: 'wrong password' }, expect: [401] },
  'POST /api/auth/logout': {},
  'POST /api/auth/logout-everywhere': {},
  'POST /api/auth/password': {
    body: { current: 'wrong', next: 'another long password' },
    expect: [400, 401, 403],
  },
  'POST /api/auth/reset': {
    body: { token: 'not-a-token', password: 'another long password' },
    expect: [400, 404, 410],
  },
  'GET /api/programs': {},
  'GET /api/programs/map': {},
  'GET /api/programs/:acgmeId': { params: { acgmeId: RIVERSIDE }, expect: NOT_FOUND },
  'PUT /api/programs/:acgmeId/facts': { params: { acgmeId: RIVERSIDE }, body: {}, expect: NOT_FOUND },
  'POST /api/catalog/demo': {},
  'DELETE /api/catalog/demo': {},
  'GET /api/imports': {},
  'POST /api/imports/preview': { body: {} },
  'POST /api/imports': { body: {} },
  'GET /api/profile': {},
  'PUT /api/profile': { body: {} },
  'GET /api/profile/export': {},
  'POST /api/profile/import': { body: {} },
  'GET /api/smartpick/settings': {},
  'PUT /api/smartpick/settings': { body: {} },
  'POST /api/smartpick/recommend': { body: {} },
  'POST /api/smartpick/explain': { body: { acgmeId: RIVERSIDE }, expect: [404, 409, 422] },
  'POST /api/smartpick/what-if': { body: { change: { kind: 'pin', acgmeId: RIVERSIDE } } },
  'GET /api/smartpick/export.csv': {},
  'GET /api/network/settings': {},
  'PUT /api/network/settings': { body: {} },
  'GET /api/contacts': {},
  'GET /api/contacts/duplicates': {},
  'GET /api/contacts/export.csv': {},
  'GET /api/contacts/export.vcf': {},
  'GET /api/contacts/:id': { params: contactIdOfA, expect: NOT_FOUND },
  'POST /api/contacts': { body: { name: 'Ben’s own contact' } },
  'PUT /api/contacts/:id': { params: contactIdOfA, body: { name: 'Renamed by B' }, expect: NOT_FOUND },
  'DELETE /api/contacts/:id': { params: contactIdOfA, expect: NOT_FOUND },
  'POST /api/contacts/:id/interactions': {
    params: contactIdOfA,
    body: { kind: 'meeting', date: '2026-11-30' },
    expect: NOT_FOUND,
  },
  'POST /api/contacts/merge': { body: { keepId: 'c-lee', mergeId: 'c-omar' }, expect: NOT_FOUND },
  'POST /api/contacts/import/preview': { body: {} },
  'POST /api/contacts/import': { body: {} },
  'DELETE /api/interactions/:id': { params: { id: 'i-fair' }, expect: NOT_FOUND },
  'GET /api/letters': {},
  'GET /api/letters/readiness': {},
  'POST /api/letters': { body: { writerContactId: 'c-lee', kind: 'us-family-medicine' }, expect: [400] },
  'PUT /api/letters/:id': {
    params: { id: 'l-lee' },
    body: { writerContactId: 'c-lee', kind: 'us-family-medicine' },
    expect: [400, 404],
  },
  'DELETE /api/letters/:id': { params: { id: 'l-lee' }, expect: NOT_FOUND },
  'GET /api/events': {},
  'POST /api/events': { body: { name: 'B’s fair', startDate: '2026-12-01', endDate: '2026-12-01' } },
  'PUT /api/events/:id': {
    params: { id: 'e-aafp' },
    body: { name: 'Renamed by B', startDate: '2026-07-30', endDate: '2026-08-01' },
    expect: NOT_FOUND,
  },
  'DELETE /api/events/:id': { params: { id: 'e-aafp' }, expect: NOT_FOUND },
  'POST /api/events/:id/people': {
    params: { id: 'e-aafp' },
    body: { name: 'Someone B met' },
    expect: NOT_FOUND,
  },
  'GET /api/tasks': {},
  'GET /api/tasks/export.ics': {},
  // Task ids name situations, not rows: B may record a state under any id, and it is B's own row.
  'PUT /api/tasks/:id/state': { params: { id: 'mentor-update:c-lee' }, body: { status: 'done' } },
  'GET /api/templates': {},
  'POST /api/compose/render': {
    body: { templateId: 'thank-you-rotation', contactId: 'c-lee' },
    expect: [400, 404],
  },
  'POST /api/compose/eml': {
    body: { templateId: 'thank-you-rotation', contactId: 'c-lee' },
    expect: [400, 404],
  },
  'GET /api/applications': {},
  'POST /api/applications': { body: { acgmeIds: [RIVERSIDE] }, expect: [400, 404, 422] },
  'PATCH /api/applications/:acgmeId': {
    params: { acgmeId: RIVERSIDE },
    body: { notes: 'B was here' },
    expect: NOT_FOUND,
  },
  'POST /api/applications/:acgmeId/stage': {
    params: { acgmeId: RIVERSIDE },
    body: { stage: 'applied' },
    expect: NOT_FOUND,
  },
  'DELETE /api/applications/:acgmeId': { params: { acgmeId: RIVERSIDE }, expect: NOT_FOUND },
  'GET /api/season/timeline': {},
  'PUT /api/season/timeline/:year': { params: { year: '2027' }, body: {} },
  'GET /api/season/calendar.ics': {},
  'GET /api/interview-prep/questions': {},
  'GET /api/interview-prep/practice': {},
  'POST /api/interview-prep/practice': { body: {} },
  'DELETE /api/interview-prep/practice/:id': { params: { id: 'pr-1' }, expect: NOT_FOUND },
  'GET /api/interview-prep/notes/:acgmeId': { params: { acgmeId: RIVERSIDE }, expect: NOT_FOUND },
  'PUT /api/interview-prep/notes/:acgmeId': {
    params: { acgmeId: RIVERSIDE },
    body: { whatToMention: '', notes: 'B was here' },
    expect: NOT_FOUND,
  },
  'GET /api/rank-list': {},
  'PUT /api/rank-list': { body: {} },
  'POST /api/match/run': { body: {} },
  'POST /api/match/simulations': { body: { runs: 10 } },
  'GET /api/match/simulations/:id': { params: { id: 'a-job-of-someone-else' }, expect: NOT_FOUND },
  'DELETE /api/match/simulations/:id': { params: { id: 'a-job-of-someone-else' }, expect: NOT_FOUND },
  'GET /api/backup': {},
  'POST /api/backup/preview': { body: {} },
  'POST /api/backup/restore': { body: {} },
};

/** Routes of advisor sharing and cohorts: B holds no grant from A and belongs to no cohort of A's. */
const SHARED_BY_GRANT =
  /^(GET|POST|PUT|PATCH|DELETE) \/api\/(advisors|invitations|advisees|comments|audit|cohorts)\b/;

function probeOf(key: string, annId: string): Probe | undefined {
  const probe = ROUTES[key];
  if (probe) return probe;
  if (!SHARED_BY_GRANT.test(key)) return undefined;
  return { params: { ownerId: annId, id: 'x', cohortId: 'x', invitationId: 'x', factId: 'x' }, body: {} };
}

function pathOf(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
}

describeEachEngine('isolation between hosted users (issue 13)', (engine) => {
  let db: TestDatabase;
  let app: Hono;
  let annId = '';
  let annCookie = '';
  let benCookie = '';

  const send = async (method: string, path: string, cookie: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, etag: response.headers.get('etag'), text: await response.text() };
  };

  const apiRoutes = () =>
    [
      ...new Set(
        app.routes
          .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
          .map((r) => `${r.method} ${r.path}`),
      ),
    ]
      .filter((key) => !key.includes('*'))
      .sort();

  const benReadsEverything = async () => {
    const answers: Record<string, unknown> = {};
    for (const key of apiRoutes().filter((k) => k.startsWith('GET '))) {
      const path = key.slice(4);
      const probe = probeOf(key, annId) ?? {};
      answers[key] = await send('GET', pathOf(path, probe.params), benCookie);
    }
    return answers;
  };

  beforeAll(async () => {
    db = await engine.open();
    const accounts = accountsFor(db, () => NOW);
    await accounts.addUser('ann@example.org', PASSWORD);
    await accounts.addUser('ben@example.org', PASSWORD);
    app = createApp({
      db,
      logger: createLogger('silent'),
      now: () => NOW,
      hosted: { accounts, trustProxy: false },
    });
    const login = async (email: string) => {
      const response = await send('POST', '/api/auth/login', '', { email, password: PASSWORD });
      expect(response.status).toBe(200);
      return {
        id: (JSON.parse(response.text) as { user: { id: string } }).user.id,
        cookie:
          (
            await app.request('/api/auth/login', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email, password: PASSWORD }),
            })
          ).headers
            .get('set-cookie')
            ?.split(';')[0] ?? '',
      };
    };
    const ann = await login('ann@example.org');
    annId = ann.id;
    annCookie = ann.cookie;
    benCookie = (await login('ben@example.org')).cookie;
  }, 120_000);
  afterAll(() => db?.close());

  it('classifies every API route, so a new one cannot pass unchecked', () => {
    const unclassified = apiRoutes().filter((key) => probeOf(key, annId) === undefined);
    expect(unclassified).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(70);
  });

  it('lets B neither read nor change anything of A’s, through any endpoint', async () => {
    const before = await benReadsEverything();

    await fillDatabase(db.forOwner(annId));
    const annBackup = async () => JSON.stringify(await exportBackup(db.forOwner(annId), { now: () => NOW }));
    const annBefore = await annBackup();
    // A really has data of every kind, and sees it herself.
    expect((await send('GET', '/api/contacts/c-lee', annCookie)).status).toBe(200);
    for (const marker of ['Amina', 'Anna Lee', 'AAFP National', 'Warm team'])
      expect(annBefore).toContain(marker);

    // B's reads are exactly what they were before A had anything: no row, count, ETag or export line moved.
    const after = await benReadsEverything();
    for (const key of Object.keys(before)) expect(after[key], key).toEqual(before[key]);

    // B aims every mutating route at A's ids.
    const refusals: string[] = [];
    for (const key of apiRoutes().filter((k) => !k.startsWith('GET '))) {
      if (key === 'POST /api/auth/logout' || key === 'POST /api/auth/logout-everywhere') continue; // B's own session
      const probe = probeOf(key, annId) ?? {};
      const [method = '', path = ''] = key.split(' ');
      const response = await send(method, pathOf(path, probe.params), benCookie, probe.body ?? {});
      for (const marker of A_MARKERS)
        expect(response.text, `${key} answers with A's data`).not.toContain(marker);
      expect(response.text, `${key} names A's account`).not.toContain(annId);
      if (probe.expect)
        expect(probe.expect, `${key} answered ${response.status}: ${response.text}`).toContain(
          response.status,
        );
      refusals.push(key);
    }
    expect(refusals.length).toBeGreaterThan(30);

    // And A's data is exactly as it was.
    expect(await annBackup()).toBe(annBefore);
    for (const answer of Object.values(after)) {
      const text = (answer as { text: string }).text;
      for (const marker of A_MARKERS) expect(text).not.toContain(marker);
    }
  }, 300_000);

  it('moves a local backup into B’s account as B’s data, leaving A’s alone (same ids and all)', async () => {
    // A local database's backup, exported as the local server does; its ids are the very ones A holds.
    const local = await engine.open();
    let backup: unknown;
    try {
      await fillDatabase(local);
      backup = await exportBackup(local, { now: () => NOW });
    } finally {
      await local.close();
    }
    const annBackup = async () => JSON.stringify(await exportBackup(db.forOwner(annId), { now: () => NOW }));
    const annBefore = await annBackup();

    const restored = await send('POST', '/api/backup/restore', benCookie, backup);
    expect(restored.status, restored.text).toBe(200);

    const benContacts = JSON.parse((await send('GET', '/api/contacts', benCookie)).text) as {
      items: { id: string; name: string }[];
    };
    expect(benContacts.items.map((c) => c.id).sort()).toEqual(['c-lee', 'c-omar']);
    const benBackup = JSON.parse((await send('GET', '/api/backup', benCookie)).text) as { data: unknown };
    expect(benBackup.data).toEqual((backup as { data: unknown }).data);
    expect(await annBackup()).toBe(annBefore);
  }, 300_000);
});
