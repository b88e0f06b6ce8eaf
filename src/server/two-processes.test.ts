import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RankListOdds } from '../app/match/rank-list-simulation.js';
import type { JobView } from '../app/match/simulation-jobs.js';
import { emptyProfile } from '../core/profile/applicant-profile.js';
import { openDatabase } from '../db/index.js';
import { POSTGRES_REQUIRED_MESSAGE, POSTGRES_SKIPPED_MESSAGE } from '../db/testing/engines.js';
import { testProgram } from '../db/testing/program-fixtures.js';

/**
 * Hosted mode with two server processes on one PostgreSQL database, as behind a load balancer: the real
 * `matchwise serve` twice, as child processes on ports the system picks. A session made on one works on the
 * other. The first runs no simulations (MATCHWISE_SIMULATION_WORKERS=0), so a simulation submitted to it
 * finishing at all shows the second took it off the queue; it is polled and canceled through either. Sessions
 * and answers outlive a restart of both processes.
 */

const CLI = path.join('src', 'cli', 'main.ts');
const databaseUrl = process.env.DATABASE_URL?.trim();
const STARTUP_MS = 120_000;
const ALICE = { email: 'alice@example.com', password: 'correct horse battery staple' };
const BOB = { email: 'bob@example.com', password: 'another long passphrase' };

interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

async function startServer(url: string, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      MATCHWISE_MODE: 'hosted',
      MATCHWISE_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const listening = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), STARTUP_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const running = /running at (http:\/\/\S+)/.exec(output);
      if (running?.[1]) {
        clearTimeout(timer);
        resolve(running[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${output}`));
    });
  });
  return { url: listening, child, exited };
}

async function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
}

/** The session cookie requests carry ("name=value"); the tests sign Alice in before anything else. */
let cookie = '';

function send(
  server: Server,
  method: string,
  route: string,
  body?: unknown,
  as: string = cookie,
): Promise<Response> {
  return fetch(`${server.url}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(as ? { cookie: as } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** `matchwise users add`, the operator's command, with the password on standard input. */
async function addUser(url: string, user: { email: string; password: string }): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'users', 'add', user.email, '--password-stdin'],
    {
      env: { ...process.env, DATABASE_URL: url, MATCHWISE_MODE: 'hosted' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stdin?.end(`${user.password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`users add ${user.email} failed (${code}):\n${output}`);
}

/** Logs in through `server`: the session cookie to send back ("name=value") and the user's id. */
async function login(
  server: Server,
  user: { email: string; password: string },
): Promise<{ cookie: string; userId: string }> {
  const response = await send(server, 'POST', '/api/auth/login', user, '');
  expect(response.status).toBe(200);
  const { user: signedIn } = (await response.json()) as { user: { id: string } };
  const pair = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(pair).toMatch(/^[^=]+=.+/);
  return { cookie: pair, userId: signedIn.id };
}

/** Who the server says the cookie's session belongs to; null for a 401. */
async function whoAmI(server: Server, as: string = cookie): Promise<string | null> {
  const response = await send(server, 'GET', '/api/auth/me', undefined, as);
  if (response.status === 401) return null;
  expect(response.status).toBe(200);
  return ((await response.json()) as { user: { email: string } }).user.email;
}

async function job(server: Server, id: string, as: string = cookie): Promise<JobView<RankListOdds>> {
  const response = await send(server, 'GET', `/api/match/simulations/${id}`, undefined, as);
  expect(response.status).toBe(200);
  return (await response.json()) as JobView<RankListOdds>;
}

/** Polls until `done(view)`, at most `ms`. */
async function pollUntil(
  server: Server,
  id: string,
  done: (view: JobView<RankListOdds>) => boolean,
  ms = 120_000,
): Promise<JobView<RankListOdds>> {
  const until = Date.now() + ms;
  for (;;) {
    const view = await job(server, id);
    if (done(view) || Date.now() > until) return view;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A database of its own on the same server as DATABASE_URL (both processes must share it, and nothing else). */
async function createDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `matchwise_two_processes_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const PROGRAMS = ['1203521001', '1203521002', '1203521003'];

/** Alice's profile and three programs, written as her (the simulation reads only its starter's data). */
async function seed(url: string, ownerId: string): Promise<void> {
  const db = await openDatabase({ databaseUrl: url });
  try {
    const owner = db.forOwner(ownerId);
    const profile = emptyProfile();
    await owner.profiles.save({
      ...profile,
      applicantType: 'us-img',
      exams: { ...profile.exams, step2ck: 236 },
    });
    await owner.programs.upsertMany(
      PROGRAMS.map((acgmeId, i) => testProgram({ acgmeId, name: `Family Medicine Residency ${i + 1}` })),
    );
  } finally {
    await db.close();
  }
}

if (!databaseUrl) {
  describe('two server processes on one database [postgres]', () => {
    if (process.env.CI === 'true') {
      it(POSTGRES_REQUIRED_MESSAGE, () => {
        throw new Error(POSTGRES_REQUIRED_MESSAGE);
      });
    } else {
      it.skip(POSTGRES_SKIPPED_MESSAGE, () => {});
    }
  });
} else {
  describe('two server processes on one database [postgres]', () => {
    let database: Awaited<ReturnType<typeof createDatabase>>;
    let submitter: Server | undefined;
    let runner: Server | undefined;

    beforeAll(async () => {
      database = await createDatabase(databaseUrl);
      // One after the other: the first creates the schema and the queue, the second finds them.
      submitter = await startServer(database.url, { MATCHWISE_SIMULATION_WORKERS: '0' });
      runner = await startServer(database.url, { MATCHWISE_SIMULATION_WORKERS: '1' });
      await addUser(database.url, ALICE);
      await addUser(database.url, BOB);
      const alice = await login(submitter, ALICE);
      cookie = alice.cookie;
      await seed(database.url, alice.userId);
    }, 4 * STARTUP_MS);

    afterAll(async () => {
      await Promise.all([stop(submitter), stop(runner)]);
      await database?.drop();
    }, 60_000);

    it('a session made on one process works on the other; without one, both answer 401', async () => {
      const s = submitter as Server;
      const r = runner as Server;
      for (const server of [s, r]) {
        expect(await whoAmI(server, '')).toBeNull();
        expect((await send(server, 'POST', '/api/match/simulations', { runs: 10 }, '')).status).toBe(401);
      }
      // Alice logged in through the submitter; the runner knows her session.
      expect(await whoAmI(r)).toBe(ALICE.email);
      expect(await whoAmI(s)).toBe(ALICE.email);
    }, 60_000);

    it('a simulation submitted to the process without workers is run by the other, and polled from both', async () => {
      const s = submitter as Server;
      const r = runner as Server;
      const started = await send(s, 'POST', '/api/match/simulations', {
        runs: 100,
        seed: 7,
        rankList: PROGRAMS,
      });
      expect(started.status).toBe(202);
      const { id, status } = (await started.json()) as JobView<RankListOdds>;
      expect(status).toBe('running');

      const finished = await pollUntil(s, id, (view) => view.status !== 'running');
      expect(finished).toMatchObject({ status: 'done', completedRuns: 100, totalRuns: 100, error: null });
      expect(finished.result?.distribution.map((entry) => entry.acgmeId)).toEqual(PROGRAMS);
      expect(finished.result?.synthetic).toBe(true);
      // The other process answers the same poll with the same stored answer.
      expect(await job(r, id)).toEqual(finished);
      // Bob, signed in on the other process, is told there is no such simulation.
      const { cookie: bob } = await login(r, BOB);
      expect((await send(s, 'GET', `/api/match/simulations/${id}`, undefined, bob)).status).toBe(404);
      expect((await send(r, 'DELETE', `/api/match/simulations/${id}`, undefined, bob)).status).toBe(404);
    }, 240_000);

    it('a long simulation is canceled through one process while the other runs it', async () => {
      const s = submitter as Server;
      const r = runner as Server;
      const started = await send(s, 'POST', '/api/match/simulations', { runs: 20000, rankList: PROGRAMS });
      expect(started.status).toBe(202);
      const { id } = (await started.json()) as JobView<RankListOdds>;
      // Runs done show the runner has it.
      const underway = await pollUntil(r, id, (view) => view.completedRuns > 0 || view.status !== 'running');
      expect(underway.status).toBe('running');
      expect(underway.completedRuns).toBeGreaterThan(0);

      expect((await send(s, 'DELETE', `/api/match/simulations/${id}`)).status).toBe(204);
      expect((await job(r, id)).status).toBe('canceled');

      // The runner's one worker is free again: the next simulation finishes.
      const next = await send(r, 'POST', '/api/match/simulations', { runs: 20, seed: 1, rankList: PROGRAMS });
      const after = await pollUntil(
        s,
        ((await next.json()) as JobView<RankListOdds>).id,
        (v) => v.status !== 'running',
      );
      expect(after.status).toBe('done');
    }, 240_000);

    it('at most two unfinished simulations per user across both processes: a third is asked to retry', async () => {
      const s = submitter as Server;
      const r = runner as Server;
      const body = { runs: 20000, rankList: PROGRAMS };
      const first = await send(s, 'POST', '/api/match/simulations', body);
      const second = await send(r, 'POST', '/api/match/simulations', body);
      expect([first.status, second.status]).toEqual([202, 202]);
      const refused = await send(s, 'POST', '/api/match/simulations', { ...body, runs: 10 });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      for (const response of [first, second]) {
        const { id } = (await response.json()) as JobView<RankListOdds>;
        expect((await send(r, 'DELETE', `/api/match/simulations/${id}`)).status).toBe(204);
      }
      expect((await send(s, 'POST', '/api/match/simulations', { ...body, runs: 10 })).status).toBe(202);
    }, 240_000);

    it(
      'sessions and jobs live in the database: after both processes restart, the session works and the job answers',
      async () => {
        const started = await send(submitter as Server, 'POST', '/api/match/simulations', {
          runs: 50,
          seed: 3,
          rankList: PROGRAMS,
        });
        const { id } = (await started.json()) as JobView<RankListOdds>;
        const finished = await pollUntil(submitter as Server, id, (view) => view.status !== 'running');
        expect(finished.status).toBe('done');

        await Promise.all([stop(submitter), stop(runner)]);
        submitter = await startServer(database.url, { MATCHWISE_SIMULATION_WORKERS: '0' });
        runner = await startServer(database.url, { MATCHWISE_SIMULATION_WORKERS: '1' });
        // The same cookie, from before the restart, on both new processes.
        expect(await whoAmI(runner)).toBe(ALICE.email);
        expect(await whoAmI(submitter)).toBe(ALICE.email);
        expect(await job(runner, id)).toEqual(finished);
        expect(await job(submitter, id)).toEqual(finished);
      },
      4 * STARTUP_MS,
    );
  });
}
