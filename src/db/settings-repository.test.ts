import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultSmartPickSettings } from '../core/smartpick/settings-schema.js';
import type { Database } from './index.js';
import { describeEachEngine } from './testing/engines.js';

describeEachEngine('Settings repository (SmartPick settings)', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => db?.close());

  it('gives the defaults before anything is saved', async () => {
    expect(await db.smartpickSettings.get()).toEqual(defaultSmartPickSettings());
  });

  it('saves pins, excludes, stars and a dollar budget, and replaces them on the next save', async () => {
    const settings = {
      ...defaultSmartPickSettings(),
      budget: { kind: 'dollars' as const, dollars: 2500 },
      pins: ['1200100001'],
      excludes: ['1200100002'],
      stars: { '1200100003': 5 },
    };
    await db.smartpickSettings.save(settings);
    expect(await db.smartpickSettings.get()).toEqual(settings);
    await db.smartpickSettings.save({ ...settings, pins: [] });
    expect((await db.smartpickSettings.get()).pins).toEqual([]);
  });

  it('refuses invalid settings and keeps what was saved', async () => {
    const before = await db.smartpickSettings.get();
    await expect(db.smartpickSettings.save({ ...before, signals: -1 })).rejects.toThrow();
    expect(await db.smartpickSettings.get()).toEqual(before);
  });
});
