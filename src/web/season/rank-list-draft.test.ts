import { describe, expect, it } from 'vitest';
import type { RankListView } from '../lib/api/season.js';
import {
  draftFromRankList,
  isRankDraftDirty,
  rankListBody,
  setRanked,
  setWouldNotAttend,
} from './rank-list-draft.js';
import { compareSimulations, formatChange } from './simulation-compare.js';

const ref = (name: string) => ({ name, city: 'Peoria', state: 'IL' });
const view: RankListView = {
  ranked: [
    { rank: 1, acgmeId: 'a', program: ref('Alpha FM (synthetic)'), stage: 'interviewed', interviewed: true },
    { rank: 2, acgmeId: 'b', program: ref('Beta FM (synthetic)'), stage: 'interviewed', interviewed: true },
  ],
  wouldNotAttend: [],
  couples: null,
  minimumRanked: 10,
  warnings: [],
  candidates: [{ acgmeId: 'c', ...ref('Gamma FM (synthetic)') }],
  updatedAt: null,
};

describe('rank list draft', () => {
  it('adds an interviewed program to the bottom and is then unsaved', () => {
    const draft = setRanked(draftFromRankList(view), 'c', true);
    expect(draft.ranked).toEqual(['a', 'b', 'c']);
    expect(isRankDraftDirty(draft, view)).toBe(true);
    expect(isRankDraftDirty(draftFromRankList(view), view)).toBe(false);
  });

  it('takes a program off and marks it would-not-attend', () => {
    const draft = setWouldNotAttend(setRanked(draftFromRankList(view), 'a', false), 'a', true);
    expect(rankListBody(draft)).toEqual({ ranked: ['b'], wouldNotAttend: ['a'], couples: null });
  });

  it('sends a couples list with empty cells as "no match" and drops empty lines', () => {
    const draft = {
      ...draftFromRankList(view),
      couplesEnabled: true,
      partnerName: ' Sam ',
      pairs: [
        { mine: 'a', partner: 'Metro IM (synthetic)' },
        { mine: 'b', partner: '' },
        { mine: '', partner: '' },
      ],
    };
    expect(rankListBody(draft).couples).toEqual({
      partnerName: 'Sam',
      pairs: [
        { mine: 'a', partner: 'Metro IM (synthetic)' },
        { mine: 'b', partner: null },
      ],
    });
  });
});

describe('compareSimulations', () => {
  const result = (distribution: [string, number][], pUnmatched: number) => ({
    runs: 1000,
    pMatch: 1 - pUnmatched,
    ci95: [0, 1] as [number, number],
    distribution: distribution.map(([acgmeId, probability]) => ({
      acgmeId,
      name: acgmeId,
      probability,
      ci95: [0, 1] as [number, number],
    })),
    pUnmatched,
    unstableRuns: 0,
    model: { pMatch: 1 - pUnmatched, perProgram: [] },
    synthetic: true as const,
    assumptions: [],
  });

  it('lines up the same programs across a reorder, with Unmatched last', () => {
    const rows = compareSimulations(
      result(
        [
          ['a', 0.5],
          ['b', 0.2],
        ],
        0.3,
      ),
      result(
        [
          ['b', 0.4],
          ['a', 0.3],
        ],
        0.3,
      ),
    );
    expect(rows.map((r) => [r.key, r.before, r.after])).toEqual([
      ['b', 0.2, 0.4],
      ['a', 0.5, 0.3],
      ['__unmatched__', 0.3, 0.3],
    ]);
  });

  it('describes changes in percentage points', () => {
    expect(formatChange(0.2, 0.4)).toBe('+20 points');
    expect(formatChange(0.5, 0.3)).toBe('−20 points');
    expect(formatChange(0.3, 0.3)).toBe('no change');
    expect(formatChange(null, 0.1)).toBe('new');
  });
});
