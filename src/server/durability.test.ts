import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backup } from '../core/backup/index.js';
import type { Contact } from '../core/network/contact.js';
import { openDatabase } from '../db/index.js';

/**
 * Kill -9 in the middle of writes, then restart on the same data directory (PGlite): nothing the server had
 * acknowledged with a 2xx may be lost, and nothing may be half-written — an import or a restore is all there
 * or not there at all. The server runs as the real `matchwise serve` in a child process, so the kill also
 * leaves its data-directory lock behind, which the restart must take over.
 */

const CLI = path.join('src', 'cli', 'main.ts');
const PROGRAMS_PER_IMPORT = 2_000;
/** First ACGME ids of the two imports: 120 is family medicine, so the importer knows the specialty. */
const FIRST_IMPORT = 1_200_000_000;
const CUT_IMPORT = 1_201_000_000;
const CONTACTS_PER_RESTORE = 4_000;

interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

async function startServer(dataDir: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, MATCHWISE_DATA_DIR: dataDir, MATCHWISE_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
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
  return { url, child, exited };
}

/** SIGKILL: no shutdown handler runs, the database is not closed and the lock file stays behind. */
async function kill9(server: Server): Promise<void> {
  server.child.kill('SIGKILL');
  // Reaped, so its pid is really gone before the restart looks at the lock.
  await server.exited;
}

async function stop(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

function post(server: Server, route: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A catalog CSV of `count` family medicine programs (ACGME ids 120…) whose ids start at `first`. */
function catalogCsv(first: number, count: number): string {
  const rows = ['ACGME ID,Program Name,City,State'];
  for (let i = 0; i < count; i++) {
    rows.push(`${first + i},Family Medicine Residency ${first + i},Springfield,IL`);
  }
  return rows.join('\n');
}

function importBody(first: number): unknown {
  return {
    filename: `catalog-${first}.csv`,
    contentBase64: Buffer.from(catalogCsv(first, PROGRAMS_PER_IMPORT)).toString('base64'),
  };
}

function newContact(name: string): Contact {
  return {
    id: randomUUID(),
    name,
    title: null,
    role: 'other',
    circle: 'outer',
    circleOverridden: false,
    affiliation: { acgmeId: null, institution: null },
    metHow: null,
    metWhere: null,
    email: null,
    phone: null,
    linkedinUrl: null,
    tags: [],
    notes: '',
    createdAt: '2026-11-25T12:00:00.000Z',
  };
}

/** The server's own backup with `count` new contacts in it: a restore that adds them all. */
async function backupWithContacts(server: Server, count: number, label: string): Promise<Backup> {
  const backup = (await (await fetch(`${server.url}/api/backup`)).json()) as Backup;
  const contacts = Array.from({ length: count }, (_, i) => newContact(`${label} ${i}`));
  return { ...backup, network: { ...backup.network, contacts } };
}

/** Writes until stopped: each acknowledged contact's id is recorded; a request cut by the kill is not. */
function writeContacts(server: Server, streams: number) {
  const acknowledged: string[] = [];
  let stopped = false;
  const stream = async (n: number) => {
    for (let i = 0; !stopped; i++) {
      try {
        const response = await post(server, '/api/contacts', {
          name: `Writer ${n} contact ${i}`,
          role: 'other',
        });
        if (response.status === 201) acknowledged.push(((await response.json()) as Contact).id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const done = Promise.all(Array.from({ length: streams }, (_, n) => stream(n)));
  return {
    acknowledged,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/**
 * The size of every table and index file. PostgreSQL extends a relation's file as soon as a write needs a new
 * page, long before it commits, so this moves when a transaction's inserts have started.
 */
async function relationBytes(dataDir: string): Promise<number> {
  let total = 0;
  for (const database of await readdir(path.join(dataDir, 'base'))) {
    const dir = path.join(dataDir, 'base', database);
    for (const name of await readdir(dir)) {
      // A file removed between the listing and the stat (a dropped temporary relation) counts as empty.
      total += (await stat(path.join(dir, name)).catch(() => null))?.size ?? 0;
    }
  }
  return total;
}

/**
 * Sends a write and kills the server as soon as the database files grow, so the kill lands inside the
 * write's transaction rather than before it; resolves to the answer's status, or null when none came.
 */
async function killDuringWrite(server: Server, dataDir: string, send: () => Promise<Response>) {
  const before = await relationBytes(dataDir);
  const status = send().then(
    (response) => response.status,
    () => null,
  );
  let answered = false;
  void status.then(() => {
    answered = true;
  });
  const until = Date.now() + 30_000;
  while (!answered && Date.now() < until && (await relationBytes(dataDir)) === before) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await kill9(server);
  return status;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('kill -9 during writes, then restart on the same data directory', () => {
  let dataDir: string;
  let server: Server | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-durability-'));
    server = await startServer(dataDir);
  }, 60_000);
  afterAll(async () => {
    if (server) await kill9(server);
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Starts the server again after a kill -9, over the lock of the process that no longer exists. */
  const restart = async () => {
    expect(existsSync(path.join(dataDir, 'matchwise.lock'))).toBe(true);
    server = await startServer(dataDir);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await readFile(path.join(dataDir, 'matchwise.lock'), 'utf8')).toBe(String(server.child.pid));
    return server;
  };

  it('keeps every acknowledged contact of a stream of writes', async () => {
    const running = server as Server;
    const writes = writeContacts(running, 3);
    await waitFor(() => writes.acknowledged.length >= 60, 20_000);
    await kill9(running);
    await writes.stop();
    expect(writes.acknowledged.length).toBeGreaterThanOrEqual(60);

    const restarted = await restart();
    const stored = (await (await fetch(`${restarted.url}/api/contacts`)).json()) as { items: Contact[] };
    const ids = new Set(stored.items.map((c) => c.id));
    for (const id of writes.acknowledged) expect(ids.has(id)).toBe(true);
    // At most the requests in flight at the kill (one per stream) landed without their answer.
    expect(stored.items.length - writes.acknowledged.length).toBeGreaterThanOrEqual(0);
    expect(stored.items.length - writes.acknowledged.length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('keeps an acknowledged restore whole, and one cut by the kill whole or not at all', async () => {
    const running = server as Server;
    const before = (await (await fetch(`${running.url}/api/contacts`)).json()) as { items: Contact[] };
    const first = await backupWithContacts(running, CONTACTS_PER_RESTORE, 'Restored');
    expect((await post(running, '/api/backup/restore', first)).status).toBe(200);

    const second = await backupWithContacts(running, CONTACTS_PER_RESTORE, 'Cut');
    const cutStatus = await killDuringWrite(running, dataDir, () =>
      post(running, '/api/backup/restore', second),
    );
    const restarted = await restart();

    const stored = (await (await fetch(`${restarted.url}/api/contacts`)).json()) as { items: Contact[] };
    const ids = new Set(stored.items.map((c) => c.id));
    for (const c of [...before.items, ...first.network.contacts]) expect(ids.has(c.id)).toBe(true);
    const landed = second.network.contacts.filter((c) => ids.has(c.id)).length;
    expect([0, CONTACTS_PER_RESTORE]).toContain(landed);
    if (cutStatus === 200) expect(landed).toBe(CONTACTS_PER_RESTORE);
    expect(stored.items).toHaveLength(before.items.length + CONTACTS_PER_RESTORE + landed);
  }, 90_000);

  it('keeps an acknowledged catalog import whole, and one cut by the kill whole or not at all', async () => {
    const running = server as Server;
    const first = await post(running, '/api/imports', importBody(FIRST_IMPORT));
    expect(first.status).toBe(201);

    // The same import again with new ids, killed once it has started writing.
    const cutStatus = await killDuringWrite(running, dataDir, () =>
      post(running, '/api/imports', importBody(CUT_IMPORT)),
    );
    const restarted = await restart();
    await stop(restarted);
    server = undefined;

    const db = await openDatabase({ dataDir });
    try {
      const programs = await db.kysely.selectFrom('programs').select('acgme_id').execute();
      const reports = await db.imports.list();
      const from = (first: number) =>
        programs.filter(
          (p) => Number(p.acgme_id) >= first && Number(p.acgme_id) < first + PROGRAMS_PER_IMPORT,
        );
      expect(from(FIRST_IMPORT)).toHaveLength(PROGRAMS_PER_IMPORT);
      const landed = from(CUT_IMPORT).length;
      expect([0, PROGRAMS_PER_IMPORT]).toContain(landed);
      if (cutStatus === 201) expect(landed).toBe(PROGRAMS_PER_IMPORT);
      // The import's report is written in its transaction: there is one exactly when its programs are there.
      expect(reports.map((r) => r.filename).sort()).toEqual(
        landed === 0
          ? [`catalog-${FIRST_IMPORT}.csv`]
          : [`catalog-${FIRST_IMPORT}.csv`, `catalog-${CUT_IMPORT}.csv`],
      );
    } finally {
      await db.close();
    }
  }, 90_000);
});
