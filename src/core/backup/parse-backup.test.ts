import { describe, expect, it } from 'vitest';
import { jsonPath, parseBackup, parseBackupText } from './parse-backup.js';
import { smallBackup } from './test-support.js';

describe('parseBackup', () => {
  it('accepts a bundle as exported, through JSON', () => {
    const bundle = JSON.parse(JSON.stringify(smallBackup()));
    const parsed = parseBackup(bundle);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.network.contacts.map((c) => c.id)).toEqual(['c-lee', 'c-omar']);
  });

  it('names the JSON path of a bad contact email, with the index in brackets', () => {
    const bundle = JSON.parse(JSON.stringify(smallBackup()));
    bundle.network.contacts[1].email = 'omar-at-nowhere';
    expect(parseBackup(bundle)).toEqual({
      ok: false,
      error: [{ path: 'network.contacts[1].email', message: 'Use an address like name@example.org' }],
    });
  });

  it('refuses a bundle from a newer Matchwise before reading anything else', () => {
    const bundle = { ...smallBackup(), schemaVersion: 2, network: 'whatever' };
    const parsed = parseBackup(bundle);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toHaveLength(1);
      expect(parsed.error[0]?.path).toBe('schemaVersion');
      expect(parsed.error[0]?.message).toContain('newer Matchwise (schema version 2)');
    }
  });

  it('says a profile file or a catalog is not a backup', () => {
    expect(parseBackup({ format: 'matchwise-profile', version: 1 })).toMatchObject({
      ok: false,
      error: [{ path: 'format' }],
    });
    expect(parseBackup([1, 2])).toMatchObject({ ok: false, error: [{ path: '(root)' }] });
  });

  it('reports broken JSON text at the root', () => {
    expect(parseBackupText('{"format": ')).toMatchObject({ ok: false, error: [{ path: '(root)' }] });
  });

  it('writes paths the way a JSON reader finds them', () => {
    expect(jsonPath(['season', 'rankList', 'ranked', 0])).toBe('season.rankList.ranked[0]');
    expect(jsonPath([])).toBe('(root)');
  });
});
