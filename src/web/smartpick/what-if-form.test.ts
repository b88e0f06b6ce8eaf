import { describe, expect, it } from 'vitest';
import { fact, program, usImgProfile } from '../../core/smartpick/test-support.js';
import { whatIf } from '../../core/smartpick/what-if.js';
import { exampleRecommendation } from './test-fixtures.js';
import {
  DEFAULT_WHAT_IF_FORM,
  namedDifference,
  parseWhatIf,
  rotationOptions,
  tierChangeText,
} from './what-if-form.js';

describe('parseWhatIf', () => {
  it('starts with the issue’s examples: Step 2 CK +10, 3 months of USCE, one more signal', () => {
    expect(parseWhatIf(DEFAULT_WHAT_IF_FORM)).toEqual({ ok: true, change: { kind: 'step2ck', delta: 10 } });
    expect(parseWhatIf({ ...DEFAULT_WHAT_IF_FORM, kind: 'usce' })).toEqual({
      ok: true,
      change: { kind: 'usce', months: 3, usceKind: 'hands-on' },
    });
    expect(parseWhatIf({ ...DEFAULT_WHAT_IF_FORM, kind: 'signal' })).toEqual({
      ok: true,
      change: { kind: 'signal', count: 1 },
    });
    expect(parseWhatIf({ ...DEFAULT_WHAT_IF_FORM, step2Delta: '+15' })).toMatchObject({
      change: { delta: 15 },
    });
  });

  it('says which control is wrong', () => {
    expect(parseWhatIf({ ...DEFAULT_WHAT_IF_FORM, step2Delta: '2.5' })).toMatchObject({
      ok: false,
      field: 'step2Delta',
    });
    expect(parseWhatIf({ ...DEFAULT_WHAT_IF_FORM, kind: 'rotation' })).toMatchObject({
      ok: false,
      field: 'rotationId',
    });
    expect(parseWhatIf({ ...DEFAULT_WHAT_IF_FORM, kind: 'usce', usceMonths: '0' })).toMatchObject({
      ok: false,
      field: 'usceMonths',
    });
  });
});

describe('rotationOptions', () => {
  it('offers the listed programs first in list order, then the others by name, filtered by the query', () => {
    const recommendation = exampleRecommendation();
    const all = rotationOptions(recommendation.programs, '');
    expect(all.onList.map((o) => o.acgmeId)).toEqual(recommendation.list.map((v) => v.acgmeId));
    const names = all.offList.map((o) => o.label);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const none = rotationOptions(recommendation.programs, 'Anchorage');
    expect(none.onList.length + none.offList.length).toBe(0);
    const one = rotationOptions(recommendation.programs, 'Medicine 17');
    expect([...one.onList, ...one.offList].map((o) => o.acgmeId)).toEqual(['1200000017']);
    expect(rotationOptions(recommendation.programs, '', 2).offList.length).toBe(2);
  });
});

describe('tierChangeText', () => {
  it('says when a tier moved because the signal moved, and only then', () => {
    const entry = { name: 'Riverside FM', before: 'likely' as const, after: 'target' as const };
    expect(tierChangeText({ ...entry, signal: 'lost' })).toBe(
      'Riverside FM: Likely → Target (signal moved away)',
    );
    expect(tierChangeText({ ...entry, signal: 'gained' })).toBe(
      'Riverside FM: Likely → Target (signal moved here)',
    );
    expect(tierChangeText({ ...entry, signal: null })).toBe('Riverside FM: Likely → Target');
    expect(tierChangeText({ ...entry, after: null, signal: null })).toBe(
      'Riverside FM: Likely → off the list',
    );
  });
});

describe('namedDifference', () => {
  it('names the programs a change adds, removes and re-tiers', () => {
    // Given Dr. Rivera and 20 programs, when her Step 2 CK rises 10 points
    const programs = Array.from({ length: 20 }, (_, i) =>
      program(i + 1, { typicalStep2Score: fact(225 + i * 2) }),
    );
    const result = whatIf({
      input: { profile: usImgProfile(), programs, settings: { budget: { kind: 'programs', programs: 8 } } },
      change: { kind: 'step2ck', delta: 10 },
    });
    if (!result.ok) throw new Error('valid');
    const named = namedDifference(result.value);
    // Then every id has its program name
    expect(named.added.length).toBe(result.value.difference.added.length);
    for (const entry of [...named.added, ...named.removed, ...named.tierChanges]) {
      expect(entry.name).toMatch(/^Example Family Medicine \d+$/);
    }
    expect(named.tierChanges.length).toBe(result.value.difference.tierChanges.length);
  });
});
