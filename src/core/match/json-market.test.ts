import { describe, expect, it } from 'vitest';
import { NO_PROGRAM } from './compiled-market.js';
import { compileMarket, matchResultToJson } from './json-market.js';
import { solveMatch } from './solve-match.js';
import { CHASE_MARKET } from './testing/chase-market.js';

const valid = {
  programs: [
    { id: 'City', positions: 2, rankList: ['Ames', 'Xu', 'Yates'] },
    { id: 'Mercy', positions: 1, rankList: ['Yates', 'Ames'] },
  ],
  applicants: [{ id: 'Ames', rankList: ['City', 'Mercy'] }],
  couples: [
    {
      id: 'Xu+Yates',
      members: ['Xu', 'Yates'],
      rankList: [
        ['City', 'Mercy'],
        ['City', null],
      ],
    },
  ],
};

const issuesOf = (input: unknown) => {
  const compiled = compileMarket(input);
  return compiled.ok ? [] : compiled.error;
};

describe('compiling a JSON market', () => {
  it('numbers singles first, then each couple’s two members, and keeps the names', () => {
    const compiled = compileMarket(valid);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
    const m = compiled.value;
    expect(m.applicantIds).toEqual(['Ames', 'Xu', 'Yates']);
    expect(Array.from(m.capacity)).toEqual([2, 1]);
    expect(Array.from(m.applicantRolOffsets)).toEqual([0, 2, 2, 2]);
    expect(Array.from(m.programRol)).toEqual([0, 1, 2, 2, 0]);
    expect(Array.from(m.coupleMembers)).toEqual([1, 2]);
    expect(Array.from(m.coupleRolOffsets)).toEqual([0, 2]);
    expect(Array.from(m.coupleRol)).toEqual([0, 1, 0, NO_PROGRAM]);
  });

  it('names the field of every shape problem', () => {
    expect(issuesOf({ programs: [{ id: '', positions: -1, rankList: [] }] }).map((i) => i.path)).toEqual([
      'programs.0.id',
      'programs.0.positions',
    ]);
  });

  it('rejects duplicate ids, unknown ids and ties, each at its path', () => {
    const issues = issuesOf({
      programs: [
        { id: 'City', positions: 1, rankList: ['Ames', 'Ames', 'Nobody'] },
        { id: 'City', positions: 1, rankList: [] },
      ],
      applicants: [
        { id: 'Ames', rankList: ['City', 'Mercy'] },
        { id: 'Xu', rankList: [] },
      ],
      couples: [
        {
          id: 'pair',
          members: ['Xu', 'Yates'],
          rankList: [
            ['City', 'Nowhere'],
            [null, null],
            ['City', 'Nowhere'],
          ],
        },
        { id: 'pair', members: ['Yates', 'Zed'], rankList: [] },
        { id: 'twin', members: ['Kim', 'Kim'], rankList: [] },
      ],
    });
    expect(issues).toEqual([
      { path: 'programs.1.id', message: 'duplicate program id "City" (also programs.0)' },
      {
        path: 'couples.0.members.0',
        message:
          '"Xu" is already an applicant (applicants.1); couple members are listed only in their couple',
      },
      {
        path: 'couples.1.members.0',
        message: '"Yates" is already a member of another couple; a person can be in one couple only',
      },
      { path: 'couples.2.members.1', message: 'a couple is two different people' },
      { path: 'couples.1.id', message: 'duplicate couple id "pair" (also couples.0)' },
      {
        path: 'programs.0.rankList.1',
        message: 'applicant "Ames" ranked twice (also at position 0); ties are not allowed',
      },
      { path: 'programs.0.rankList.2', message: 'unknown applicant "Nobody"' },
      { path: 'applicants.0.rankList.1', message: 'unknown program "Mercy"' },
      { path: 'couples.0.rankList.0.1', message: 'unknown program "Nowhere"' },
      {
        path: 'couples.0.rankList.1',
        message: 'a line with no program for either partner ranks going unmatched: end the list instead',
      },
      { path: 'couples.0.rankList.2.1', message: 'unknown program "Nowhere"' },
      {
        path: 'couples.0.rankList.2',
        message: 'line ranked twice (also at position 0); ties are not allowed',
      },
    ]);
  });
});

describe('naming a result', () => {
  it('lists matches, the unmatched and the positions left open', () => {
    const compiled = compileMarket(valid);
    if (!compiled.ok) throw new Error('invalid');
    const json = matchResultToJson(compiled.value, solveMatch(compiled.value));
    expect(json).toEqual({
      status: 'stable',
      proposals: 2,
      matches: [
        { applicant: 'Ames', program: 'City' },
        { applicant: 'Xu', program: 'City' },
        { applicant: 'Yates', program: 'Mercy' },
      ],
      unmatched: [],
      unfilled: [],
    });
  });

  it('names what still blocks when no stable matching was found', () => {
    const compiled = compileMarket(CHASE_MARKET);
    if (!compiled.ok) throw new Error('invalid');
    const json = matchResultToJson(compiled.value, solveMatch(compiled.value, { maxRounds: 4 }));
    expect(json.status).toBe('no-stable-matching-found');
    // After four rounds the couple sits at Mercy and Sato at City, with General left empty.
    expect(json.matches).toEqual([
      { applicant: 'Sato', program: 'City' },
      { applicant: 'Xu', program: 'Mercy' },
      { applicant: 'Yates', program: 'Mercy' },
    ]);
    expect(json.blockingPairs).toEqual([{ applicant: 'Sato', program: 'General' }]);
  });
});
