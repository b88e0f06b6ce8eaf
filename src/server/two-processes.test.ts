import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RankListOdds } from '../app/match/rank-list-simulation.js';
import type { JobView } from '../app/match/simulation-jobs.js';
import { emptyProfile } from '../core/profile/applicant-profile.js';
import { POSTGRES_REQUIRED_MESSAGE, POSTGRES_SKIPPED_MESSAGE } from '../db/testing/engines.js';

/**
 * Hosted mode with two server processes on one PostgreSQL database, as behind a load balancer: the real
 * `matchwise serve` twice, as child processes on ports the system picks. The first runs no simulations
 * (MATCHWISE_SIMULATION_WORKERS=0), so a simulation submitted to it finishing at all shows the second took it
 * off the queue; it is polled and canceled through either, and its answer outlives both processes.
 */

const CLI = path.join('src', 'cli', 'main.ts');
const databaseUrl = process.env.DATABASE_URL?.trim();
const STARTUP_MS = 90_000;

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

function send(server: Server, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function job(server: Server, id: string): Promise<JobView<RankListOdds>> {
  const response = await send(server, 'GET', `/api/match/simulations/${id}`);
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

function catalogCsv(): string {
  return [
    'ACGME ID,Program Name,City,State,Positions',
    ...PROGRAMS.map((id, i) => `${id},Family Medicine Residency ${i + 1},Springfield,IL,${6 + i}`),
  ].join('\n');
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

      const profile = emptyProfile();
      const saved = await send(submitter, 'PUT', '/api/profile', {
        ...profile,
        applicantType: 'us-img',
        exams: { ...profile.exams, step2ck: 236 },
      });
      expect(saved.status).toBe(200);
      const imported = await send(submitter, 'POST', '/api/imports', {
        filename: 'programs.csv',
        contentBase64: Buffer.from(catalogCsv()).toString('base64'),
      });
      expect(imported.status).toBeLessThan(300);
    }, 4 * STARTUP_MS);

    afterAll(async () => {
      await Promise.all([stop(submitter), stop(runner)]);
      await database?.drop();
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
      'jobs live in the database: after both processes restart, a finished job still answers',
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
        expect(await job(runner, id)).toEqual(finished);
        expect(await job(submitter, id)).toEqual(finished);
      },
      4 * STARTUP_MS,
    );
  });
}
