import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backup, parseBackup } from '../../core/backup/index.js';
import { defaultNetworkSettings } from '../../core/network/network-settings.js';
import { defaultSmartPickSettings } from '../../core/smartpick/settings-schema.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { DEMO, DEMO_UNUSED, fillDatabase, LAKESHORE, RIVERSIDE } from './backup-fixtures.js';
import { currentCounts, exportBackup, previewBackup, restoreBackup } from './backup-service.js';

const withoutStamp = ({ exportedAt: _, ...rest }: Backup) => rest;
const NOW = () => new Date('2026-11-25T12:00:00Z');

/** Nothing stored but the defaults a fresh data directory starts with. */
async function expectUntouched(db: Database): Promise<void> {
  const { smartpickSettings, networkSettings, ...counts } = await currentCounts(db);
  expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  expect(await db.smartpickSettings.get()).toEqual(defaultSmartPickSettings());
  expect(await db.networkSettings.get()).toEqual(defaultNetworkSettings());
}

describeEachEngine('whole-profile backup', (engine) => {
  let source: Database;
  let target: Database;
  let exported: Backup;

  beforeAll(async () => {
    source = await engine.open();
    target = await engine.open();
    await fillDatabase(source);
    // Through JSON, as the file on disk carries it.
    exported = JSON.parse(JSON.stringify(await exportBackup(source, { now: NOW, appVersion: '0.1.0' })));
    // Two databases and a full season: generous, since PGlite opens slowly on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('exports every section, with the demo programs the season points at and no other', () => {
    expect(parseBackup(exported).ok).toBe(true);
    expect(exported).toMatchObject({
      format: 'matchwise-backup',
      schemaVersion: 1,
      app: { version: '0.1.0' },
    });
    expect(exported.catalog.programs.map((p) => p.acgmeId).sort()).toEqual([RIVERSIDE, LAKESHORE, DEMO]);
    expect(exported.catalog.programs.map((p) => p.acgmeId)).not.toContain(DEMO_UNUSED);
    expect(exported.network.contacts).toHaveLength(2);
    expect(exported.network.interactions.map((i) => i.id)).toEqual(['i-rotation', 'i-fair']);
    expect(exported.season.applications).toHaveLength(3);
    expect(exported.season.practiceLog.map((e) => e.id)).toEqual(['pr-2', 'pr-1']);
    expect(exported.season.programNotes).toEqual([
      { acgmeId: RIVERSIDE, whatToMention: 'Dr. Lee', notes: 'Ask about OB' },
    ]);
    expect(exported.season.rankList?.ranked).toEqual([RIVERSIDE, LAKESHORE]);
  });

  it('previews a load into a fresh database as "add" in every section', async () => {
    const preview = await previewBackup(target, exported);
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.value.emptyTarget).toBe(true);
    for (const section of preview.value.sections) {
      // Settings always exist (defaults until saved): the bundle's replace them.
      const settings = section.name === 'smartpickSettings' || section.name === 'networkSettings';
      expect([section.name, section.action]).toEqual([section.name, settings ? 'replace' : 'add']);
    }
    expect(preview.value.sections.find((s) => s.name === 'network.contacts')).toMatchObject({
      incoming: 2,
      existing: 0,
    });
  });

  it('restores into a fresh database and exports the same bundle again', async () => {
    const report = await restoreBackup(target, exported);
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    expect(report.value.changed).toBe(true);
    expect(report.value.sections.find((s) => s.name === 'catalog.programs')).toMatchObject({ added: 3 });
    const again = await exportBackup(target, { now: NOW, appVersion: '0.1.0' });
    expect(withoutStamp(again)).toEqual(withoutStamp(exported));
  });

  it('changes nothing when the same bundle is restored a second time', async () => {
    const report = await restoreBackup(target, exported);
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    expect(report.value.changed).toBe(false);
    expect(report.value.sections.every((s) => s.added === 0 && s.updated === 0)).toBe(true);
    const preview = await previewBackup(target, exported);
    expect(preview.ok && preview.value.sections.find((s) => s.name === 'network.contacts')?.action).toBe(
      'merge',
    );
  });

  it('merges into saved data: the bundle wins for the same key, records it lacks are kept', async () => {
    await target.contacts.insert({ ...exported.network.contacts[0]!, id: 'c-new', name: 'Zoe New' });
    const edited: Backup = {
      ...exported,
      network: {
        ...exported.network,
        contacts: exported.network.contacts.map((c) =>
          c.id === 'c-lee' ? { ...c, notes: 'Wrote my letter' } : c,
        ),
      },
    };
    const report = await restoreBackup(target, edited);
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    expect(report.value.sections.find((s) => s.name === 'network.contacts')).toEqual({
      name: 'network.contacts',
      added: 0,
      updated: 1,
      unchanged: 1,
    });
    const contacts = await target.contacts.list();
    expect(contacts.map((c) => c.id).sort()).toEqual(['c-lee', 'c-new', 'c-omar']);
    expect(contacts.find((c) => c.id === 'c-lee')?.notes).toBe('Wrote my letter');
  });

  it('refuses a bundle whose interaction names an unknown contact, at its path, and writes nothing', async () => {
    const fresh = await engine.open();
    try {
      const dangling: Backup = {
        ...exported,
        network: {
          ...exported.network,
          interactions: [
            ...exported.network.interactions,
            { ...exported.network.interactions[0]!, id: 'i-x', contactId: 'c-ghost' },
          ],
        },
      };
      const result = await restoreBackup(fresh, dangling);
      expect(result).toEqual({
        ok: false,
        error: [{ path: 'network.interactions[2].contactId', message: 'No contact with id "c-ghost"' }],
      });
      await expectUntouched(fresh);
    } finally {
      await fresh.close();
    }
  });

  it('rolls everything back when a write fails half way', async () => {
    const fresh = await engine.open();
    try {
      // The database refuses the last section written; everything before it must go too.
      const broken = structuredClone(exported);
      (broken.season.rankList as { minimumRanked: number }).minimumRanked = 0;
      await expect(restoreBackup(fresh, broken)).rejects.toThrow();
      await expectUntouched(fresh);
    } finally {
      await fresh.close();
    }
  });
});

describe('parseBackup on an exported bundle', () => {
  it('names the path of one bad contact', async () => {
    const { openDatabase } = await import('../../db/index.js');
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      await fillDatabase(db);
      const bundle = JSON.parse(JSON.stringify(await exportBackup(db)));
      bundle.network.contacts[1].email = 'not-an-email';
      const parsed = parseBackup(bundle);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.error).toEqual([
          { path: 'network.contacts[1].email', message: 'Use an address like name@example.org' },
        ]);
    } finally {
      await db.close();
    }
  });
});
