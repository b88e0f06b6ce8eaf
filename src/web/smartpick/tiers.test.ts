import { describe, expect, it } from 'vitest';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import { exampleRecommendation } from './test-fixtures.js';
import { countByCode, groupByTier, programsOff, TIERS, tierById } from './tiers.js';

describe('groupByTier', () => {
  it('puts every listed program in its tier, each group in list order', () => {
    // Given Dr. Rivera's list of 12 programs
    const recommendation = exampleRecommendation();
    // When it is grouped by tier
    const groups = groupByTier(recommendation.list);
    // Then the groups are reach, target, likely, hold every listed program once, and keep list order
    expect(groups.map((group) => group.tier)).toEqual(TIERS);
    expect(groups.flatMap((group) => group.programs).length).toBe(recommendation.list.length);
    for (const group of groups) {
      expect(group.programs.every((verdict) => verdict.tier === group.tier)).toBe(true);
      const positions = group.programs.map((verdict) => verdict.position ?? 0);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    // and the counts agree with the recommendation's own
    for (const group of groups) {
      if (group.tier !== 'none') expect(group.programs.length).toBe(recommendation.tiers[group.tier]);
    }
  });

  it('adds a "no estimate" group only when a listed program has no tier', () => {
    const listed = exampleRecommendation().list;
    const untiered = { ...(listed[0] as ProgramVerdict), tier: null, acgmeId: 'X', position: 99 };
    expect(groupByTier([...listed, untiered]).at(-1)).toMatchObject({ tier: 'none', programs: [untiered] });
  });
});

describe('tierById', () => {
  it('maps each listed program to its tier for the map', () => {
    const list = exampleRecommendation().list;
    const tiers = tierById(list);
    expect(tiers.size).toBe(list.length);
    expect(tiers.get(list[0]?.acgmeId ?? '')).toBe(list[0]?.tier);
  });
});

describe('programs off the list', () => {
  it('lists only programs that are out, the excluded ones first, then by chance', () => {
    const recommendation = exampleRecommendation({ excludes: ['1200000005'] });
    const off = programsOff(recommendation.programs);
    expect(off.length).toBe(recommendation.programs.length - recommendation.list.length);
    expect(off.every((verdict) => verdict.status === 'out')).toBe(true);
    expect(off[0]?.code).toBe('excluded-by-you');
    const chances = off
      .slice(1)
      .flatMap((verdict) => (verdict.interview ? [verdict.interview.probability] : []));
    expect(chances).toEqual([...chances].sort((a, b) => b - a));
  });

  it('counts the reasons, most common first', () => {
    const recommendation = exampleRecommendation({ excludes: ['1200000005'] });
    const counts = countByCode(programsOff(recommendation.programs));
    expect(counts.reduce((sum, entry) => sum + entry.count, 0)).toBe(
      recommendation.programs.length - recommendation.list.length,
    );
    expect(counts.map((entry) => entry.count)).toEqual(
      [...counts.map((entry) => entry.count)].sort((a, b) => b - a),
    );
    expect(counts.find((entry) => entry.code === 'hard-filter')?.count).toBe(1);
  });
});
