import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComputePool,
  type ComputeWorker,
  createComputePool,
  createInlinePool,
} from '../../app/smartpick/compute-pool.js';
import { type ComputeRequest, runComputeTask } from '../../app/smartpick/compute-tasks.js';
import { createSmartPickService } from '../../app/smartpick/smartpick-service.js';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import { type Database, MEMORY_DATA_DIR, openDatabase } from '../../db/index.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { sendJson } from '../testing/send-json.js';

/** A U.S.-citizen IMG, graduated 2022, Step 2 CK 232, applying to 30 programs. */
function usImgProfile(step2ck = 232) {
  const profile = emptyProfile();
  return {
    ...profile,
    applicantType: 'us-img' as const,
    graduationYear: 2022,
    exams: { ...profile.exams, step2ck },
    budget: { kind: 'programs' as const, programs: 30 },
  };
}

/** Computes inline, counting the computations, so a test sees which answers came from the cache. */
function countingPool(): ComputePool & { tasks: string[] } {
  const inline = createInlinePool();
  const tasks: string[] = [];
  return {
    tasks,
    run(task, input, options) {
      tasks.push(task);
      return inline.run(task, input, options);
    },
    close: inline.close,
  };
}

/** A worker that computes each task only when the test releases it, recording what reached it. */
function heldWorker() {
  const posted: ComputeRequest[] = [];
  const worker = Object.assign(new EventEmitter(), {
    postMessage: (request: ComputeRequest) => posted.push(request),
    unref() {},
    terminate: async () => 0,
  });
  return {
    posted,
    startWorker: () => worker as unknown as ComputeWorker,
    release() {
      const request = posted.at(-1);
      if (request) worker.emit('message', runComputeTask(request));
    },
  };
}

describe('SmartPick transport: My list cache and abandoned requests', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: MEMORY_DATA_DIR });
    const setup = createApp({ db, logger: createLogger('silent') });
    expect((await sendJson(setup, 'PUT', '/api/profile', usImgProfile())).status).toBe(200);
    expect((await sendJson(setup, 'POST', '/api/catalog/demo')).status).toBe(201);
  });
  afterAll(async () => db?.close());

  it('answers the same My list request from the cache until anything is written', async () => {
    const pool = countingPool();
    const app = createApp({
      db,
      logger: createLogger('silent'),
      smartpick: (owned) => createSmartPickService(owned, pool),
    });
    const recommend = async (body: object = {}) => {
      const response = await sendJson(app, 'POST', '/api/smartpick/recommend', body);
      expect(response.status).toBe(200);
      return (await response.json()) as { pMatch: unknown };
    };

    const first = await recommend();
    expect(await recommend()).toEqual(first);
    expect(pool.tasks).toHaveLength(1);
    await recommend({ settings: { signals: 3 } });
    expect(pool.tasks).toHaveLength(2);

    const writes: [string, string, unknown][] = [
      ['PUT', '/api/profile', usImgProfile(250)],
      [
        'PUT',
        '/api/smartpick/settings',
        { ...(await (await sendJson(app, 'GET', '/api/smartpick/settings')).json()), signals: 4 },
      ],
      [
        'POST',
        '/api/contacts',
        { name: 'Anna Lee', role: 'mentor', affiliation: { acgmeId: null, institution: 'Riverside' } },
      ],
    ];
    for (const [method, path, body] of writes) {
      const before = pool.tasks.length;
      expect((await sendJson(app, method, path, body)).status).toBeLessThan(300);
      await recommend();
      expect(pool.tasks.length, `${method} ${path}`).toBe(before + 1);
      await recommend();
      expect(pool.tasks.length, `${method} ${path}, asked again`).toBe(before + 1);
    }
  });

  it('never computes a recommendation whose client has gone', async () => {
    const worker = heldWorker();
    const app = createApp({
      db,
      logger: createLogger('silent'),
      smartpick: (owned) =>
        createSmartPickService(owned, createComputePool({ startWorker: worker.startWorker })),
    });
    const post = (settings: object, signal?: AbortSignal) =>
      app.request('/api/smartpick/recommend', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ settings }),
        ...(signal ? { signal } : {}),
      });

    const kept = post({ signals: 1 });
    await expect.poll(() => worker.posted.length).toBe(1);
    const gone = new AbortController();
    const abandoned = post({ signals: 2 }, gone.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.abort();
    expect((await abandoned).status).toBe(499);

    worker.release();
    expect((await kept).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      worker.posted.map((request) => (request.input as { settings: { signals: number } }).settings.signals),
    ).toEqual([1]);
  });
});
