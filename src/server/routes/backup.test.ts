import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDatabase } from '../../app/backup/backup-fixtures.js';
import type { Backup, RestorePreview, RestoreReport } from '../../core/backup/index.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describeEachEngine('Backup API', (engine) => {
  let source: Database;
  let target: Database;
  let sourceApp: ReturnType<typeof createApp>;
  let targetApp: ReturnType<typeof createApp>;

  const post = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    source = await engine.open();
    target = await engine.open();
    await fillDatabase(source);
    sourceApp = createApp({ db: source, logger: createLogger('silent'), now: () => NOW });
    targetApp = createApp({ db: target, logger: createLogger('silent'), now: () => NOW });
    // Two databases and a full season: generous, since PGlite opens slowly on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  describe('an applicant moving to a new machine', () => {
    let bundle: Backup;

    it('downloads everything as one dated JSON attachment', async () => {
      const res = await sourceApp.request('/api/backup');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="matchwise-backup-2026-11-25.json"',
      );
      bundle = (await res.json()) as Backup;
      expect(bundle).toMatchObject({
        format: 'matchwise-backup',
        schemaVersion: 1,
        exportedAt: NOW.toISOString(),
      });
    });

    it('previews the restore into the empty data directory', async () => {
      const res = await post(targetApp, '/api/backup/preview', bundle);
      expect(res.status).toBe(200);
      const preview = (await res.json()) as RestorePreview;
      expect(preview.emptyTarget).toBe(true);
      expect(preview.sections.find((s) => s.name === 'season.applications')).toMatchObject({
        incoming: 3,
        existing: 0,
        action: 'add',
      });
      expect(await target.contacts.list()).toEqual([]);
    });

    it('restores it and reports what was added', async () => {
      const res = await post(targetApp, '/api/backup/restore', bundle);
      expect(res.status).toBe(200);
      const report = (await res.json()) as RestoreReport;
      expect(report.changed).toBe(true);
      expect(report.sections.find((s) => s.name === 'network.contacts')).toEqual({
        name: 'network.contacts',
        added: 2,
        updated: 0,
        unchanged: 0,
      });
      const again = (await (await targetApp.request('/api/backup')).json()) as Backup;
      expect(again).toEqual(bundle);
    });

    it('refuses a bundle with one bad contact with a 422 naming its path, and stores nothing of it', async () => {
      const bad = structuredClone(bundle);
      bad.network.contacts[1]!.email = 'not-an-email';
      bad.network.contacts.push({ ...bundle.network.contacts[0]!, id: 'c-extra' });
      const res = await post(targetApp, '/api/backup/restore', bad);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(['network.contacts[1].email']);
      expect((await target.contacts.list()).map((c) => c.id)).not.toContain('c-extra');
    });

    it('refuses a bundle from a newer Matchwise', async () => {
      const res = await post(targetApp, '/api/backup/preview', { ...bundle, schemaVersion: 2 });
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors[0]).toMatchObject({ path: 'schemaVersion' });
      expect(problem.errors[0]?.message).toContain('newer Matchwise');
    });

    it('says a body that is not JSON is not JSON', async () => {
      expect((await post(targetApp, '/api/backup/preview', '{oops')).status).toBe(400);
    });
  });
});
