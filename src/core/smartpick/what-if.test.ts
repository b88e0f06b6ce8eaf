import { describe, expect, it } from 'vitest';
import type { RecommendInput } from './recommend.js';
import { syntheticPrograms } from './synthetic-market.js';
import { MATCH_YEAR, usImgProfile } from './test-support.js';
import { whatIf } from './what-if.js';

const programs = syntheticPrograms({ count: 800, seed: 21, knownRate: 0.5 });
const input: RecommendInput = {
  profile: usImgProfile(),
  programs,
  settings: {
    matchYear: MATCH_YEAR,
    budget: { kind: 'programs', programs: 40 },
    signals: 3,
    stopThreshold: 0,
  },
};

function run(change: Parameters<typeof whatIf>[0]['change']) {
  const result = whatIf({ input, change });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('what if a US IMG with Step 2 CK 235 and 3 months of USCE…', () => {
  it('…scored 10 points higher on Step 2 CK: P(match) rises and the difference is shown side by side', () => {
    const result = run({ kind: 'step2ck', delta: 10 });
    expect(result.description).toBe('Step 2 CK 235 → 245');
    expect(result.difference.pMatch.delta).toBeGreaterThan(0);
    expect(result.difference.pMatch.after).toBe(result.after.pMatch.probability);
    expect(result.difference.summary).toMatch(/P\(match\) \+/);
  });

  it('…added 3 months of hands-on USCE: P(match) rises', () => {
    const result = run({ kind: 'usce', months: 3 });
    expect(result.difference.pMatch.delta).toBeGreaterThan(0);
  });

  it('…rotated at a program off the list: the chance there rises and P(match) does not fall', () => {
    const before = whatIf({ input, change: { kind: 'signal' } });
    if (!before.ok) throw new Error('unexpected');
    const outside = before.value.before.programs.find(
      (entry) => entry.code === 'lower-chance' && entry.interview !== null,
    );
    expect(outside).toBeDefined();
    const result = run({ kind: 'rotation', acgmeId: outside?.acgmeId ?? '' });
    const after = result.after.programs.find((entry) => entry.acgmeId === outside?.acgmeId);
    expect(after?.interview?.probability).toBeGreaterThan(outside?.interview?.probability ?? 1);
    expect(result.difference.pMatch.delta).toBeGreaterThanOrEqual(0);
  });

  it('…had one more signal: P(match) does not fall', () => {
    const result = run({ kind: 'signal' });
    expect(result.description).toBe('3 → 4 signals');
    expect(result.after.signals).toHaveLength(4);
    expect(result.difference.pMatch.delta).toBeGreaterThanOrEqual(0);
  });

  it('…says so when a tier moved because a preference signal moved there or away', () => {
    const changes = [
      run({ kind: 'step2ck', delta: 10 }),
      run({ kind: 'signal' }),
      run({ kind: 'usce', months: 3 }),
    ];
    const moved: string[] = [];
    for (const result of changes) {
      const before = new Map(result.before.programs.map((v) => [v.acgmeId, v.signaled]));
      const after = new Map(result.after.programs.map((v) => [v.acgmeId, v.signaled]));
      for (const change of result.difference.tierChanges) {
        const was = before.get(change.acgmeId);
        const is = after.get(change.acgmeId);
        // Then every tier change names the signal exactly when it moved
        expect(change.signal).toBe(was === is ? null : is ? 'gained' : 'lost');
        if (change.signal !== null) moved.push(`${result.description}: ${change.acgmeId} ${change.signal}`);
      }
      const bySignal = result.difference.tierChanges.filter((c) => c.signal !== null).length;
      if (bySignal > 0) expect(result.difference.summary).toContain(`(${bySignal} where a signal moved)`);
    }
    // And this applicant's changes do move signals (so the check above is not vacuous)
    expect(moved.length).toBeGreaterThan(0);
  });

  it('…writes its summary with plural rules ("1 tier change", "2 programs")', () => {
    const { summary } = run({ kind: 'step2ck', delta: 10 }).difference;
    expect(summary).not.toMatch(/\b1 (programs|tier changes)\b/);
    expect(summary).toMatch(/\d+ (program|programs) in, \d+ out, \d+ (tier change|tier changes)/);
  });

  it('…asks about a program that is not in the catalog: the problem is returned, not thrown', () => {
    const result = whatIf({ input, change: { kind: 'rotation', acgmeId: '1209999999' } });
    expect(result.ok).toBe(false);
  });
});
