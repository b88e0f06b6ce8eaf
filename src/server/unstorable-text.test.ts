import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backup } from '../core/backup/index.js';
import { emptyProfile } from '../core/profile/applicant-profile.js';
import type { Database } from '../db/index.js';
import { describeEachEngine } from '../db/testing/engines.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { sendJson } from './testing/send-json.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Text PostgreSQL cannot hold (NUL; a lone surrogate, which the driver would turn into U+FFFD) must come back as
 * a 422 naming the field, on both engines, and leave nothing written — never a 500 with no field named.
 */
describeEachEngine('Text the database cannot hold', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent'), now: () => NOW });
  });
  afterAll(async () => db?.close());

  async function expectUnstorable(response: Response, path: string): Promise<string> {
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    const issue = problem.errors.find((error) => error.path === path);
    expect(issue, JSON.stringify(problem.errors)).toBeDefined();
    return issue?.message ?? '';
  }

  it('refuses a contact whose name holds NUL, naming the field and the character', async () => {
    const message = await expectUnstorable(
      await sendJson(app, 'POST', '/api/contacts', { name: 'Dr. Ana\u0000 Ruiz', role: 'mentor' }),
      'name',
    );
    expect(message).toMatch(/NUL character \(U\+0000\) at character 8/);
    expect(await db.contacts.list()).toEqual([]);
  });

  it('refuses a lone surrogate in a nested field, naming its path', async () => {
    // JSON.stringify keeps a lone surrogate as the escape \ud800, which JSON.parse turns back into one.
    const response = await sendJson(app, 'POST', '/api/contacts', {
      name: 'Ana Ruiz',
      role: 'mentor',
      tags: ['ok', 'x\ud800'],
    });
    expect(await expectUnstorable(response, 'tags.1')).toMatch(/U\+D800/);
  });

  it('refuses a profile with NUL in a language, and keeps the stored profile as it was', async () => {
    const profile = { ...emptyProfile(), name: 'Ana Ruiz', languages: ['Spanish', 'Eng\u0000lish'] };
    await expectUnstorable(await sendJson(app, 'PUT', '/api/profile', profile), 'languages.1');
    expect(await db.profiles.get()).toBeNull();
  });

  it('refuses a backup restore with NUL in a contact note, naming its JSON path, and writes nothing', async () => {
    expect((await sendJson(app, 'POST', '/api/contacts', { name: 'Ana Ruiz', role: 'mentor' })).status).toBe(
      201,
    );
    const backup = (await (await app.request('/api/backup')).json()) as Backup;
    const contact = backup.network.contacts[0];
    if (contact === undefined) throw new Error('the backup should hold the contact');
    const damaged = {
      ...backup,
      network: { ...backup.network, contacts: [{ ...contact, id: 'c-nul', notes: 'met at\u0000 AAFP' }] },
    };
    for (const path of ['/api/backup/preview', '/api/backup/restore']) {
      await expectUnstorable(await sendJson(app, 'POST', path, damaged), 'network.contacts[0].notes');
    }
    expect((await db.contacts.list()).map((c) => c.id)).toEqual([contact.id]);
  });

  it('refuses NUL in a schema outside the shared type too (SmartPick settings), through the backstop', async () => {
    const settings = (await (await app.request('/api/smartpick/settings')).json()) as { pins: string[] };
    const response = await sendJson(app, 'PUT', '/api/smartpick/settings', {
      ...settings,
      pins: ['12099\u0000'],
    });
    expect(await expectUnstorable(response, 'pins.0')).toMatch(/NUL/);
  });

  it('refuses NUL in the programs search and in a program id', async () => {
    await expectUnstorable(await app.request('/api/programs?q=Ann%00Arbor'), 'q');
    await expectUnstorable(await app.request('/api/programs/1209900101%00'), 'acgmeId');
    expect((await app.request('/api/programs?q=Ann%20Arbor')).status).toBe(200);
    expect((await app.request('/api/programs/1209900101')).status).toBe(404);
  });

  it('refuses NUL in other path ids instead of sending it to the database', async () => {
    await expectUnstorable(
      await sendJson(app, 'PUT', '/api/contacts/c%00', { name: 'Ana', role: 'mentor' }),
      'id',
    );
    await expectUnstorable(await app.request('/api/applications/12%00', { method: 'DELETE' }), 'acgmeId');
  });

  it('imports the other rows of a contacts file and names the line and column of the NUL', async () => {
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ana,Ruiz,,,Mercy FM,PGY-2,07 Aug 2024',
      'Ben,Cho,,,Mercy\u0000 FM,PD,07 Aug 2024',
    ].join('\n');
    const response = await sendJson(app, 'POST', '/api/contacts/import/preview', {
      filename: 'Connections.csv',
      contentBase64: base64(csv),
    });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as { errors: { line: number; field: string; message: string }[] };
    expect(preview.errors).toEqual([
      { line: 3, field: 'Company', message: expect.stringMatching(/^Line 3: Company contains a NUL/) },
    ]);
    expect(JSON.stringify(preview)).toContain('Ana Ruiz');
  });
});

describe('storable text in every schema', () => {
  it('has no z.string() left in the request and stored-data schemas', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const roots = ['catalog', 'profile', 'network', 'backup', 'season', 'sharing'].map(
      (dir) => `src/core/${dir}`,
    );
    roots.push(...['routes', 'auth'].map((dir) => `src/server/${dir}`), 'src/app');
    const files: string[] = [];
    for (const root of roots) {
      for (const file of await readdir(root, { recursive: true })) {
        if (file.endsWith('.ts') && !file.endsWith('.test.ts')) files.push(`${root}/${file}`);
      }
    }
    const offenders: string[] = [];
    for (const file of files) {
      if (/\bz\s*\.string\(/.test(await readFile(file, 'utf8'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
