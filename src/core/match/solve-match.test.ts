import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import { solveMatch } from './solve-match.js';
import { findBlockingPairs } from './stability.js';
import { CHASE_MARKET } from './testing/chase-market.js';
import {
  enumerateStableMatchings,
  enumerateStableMatchingsWithCouples,
} from './testing/enumerate-stable-matchings.js';
import { matchByName } from './testing/named.js';
import { compile, marketArbitrary } from './testing/random-market.js';

describe('singles', () => {
  it('never matches an applicant to a program that did not rank them, even with positions open', () => {
    const { where, market, result } = matchByName({
      programs: [{ id: 'City', positions: 3, rankList: ['Ng'] }],
      applicants: [
        { id: 'Ng', rankList: [] },
        { id: 'Ortiz', rankList: ['City'] },
      ],
    });
    expect(where).toEqual({ Ng: null, Ortiz: null });
    expect(result.status).toBe('stable');
    expect(findBlockingPairs(market, result.assignment)).toEqual([]);
  });

  it('fills a two-position program with its two favourites; the third goes to her next choice', () => {
    const { where, result } = matchByName({
      programs: [
        { id: 'City', positions: 2, rankList: ['Ames', 'Bose', 'Cruz'] },
        { id: 'Rural', positions: 1, rankList: ['Cruz'] },
        { id: 'Closed', positions: 0, rankList: ['Cruz'] },
      ],
      applicants: [
        { id: 'Cruz', rankList: ['Closed', 'City', 'Rural'] },
        { id: 'Bose', rankList: ['City'] },
        { id: 'Ames', rankList: ['City'] },
      ],
    });
    expect(where).toEqual({ Ames: 'City', Bose: 'City', Cruz: 'Rural' });
    // Cruz applies to Closed, City (held, then displaced), City again is not retried, then Rural.
    expect(result.proposals).toBeGreaterThanOrEqual(5);
  });
});

describe('couples', () => {
  it('takes a line naming one program twice only when it has two positions for them', () => {
    const couple = (positions: number) =>
      matchByName({
        programs: [
          { id: 'City', positions, rankList: ['Xu', 'Yates'] },
          { id: 'Mercy', positions: 1, rankList: ['Xu'] },
        ],
        couples: [
          {
            id: 'Xu+Yates',
            members: ['Xu', 'Yates'],
            rankList: [
              ['City', 'City'],
              ['Mercy', null],
            ],
          },
        ],
      }).where;
    expect(couple(1)).toEqual({ Xu: 'Mercy', Yates: null });
    expect(couple(2)).toEqual({ Xu: 'City', Yates: 'City' });
  });

  it('withdraws from both positions when one partner is displaced, and re-enters with its next line', () => {
    // Couple 0 holds City and General; couple 1 then displaces Sato from Other, Sato displaces Xu from City,
    // so Yates leaves General too and the couple goes on to Mercy together.
    const { where, result, market } = matchByName({
      programs: [
        { id: 'City', positions: 1, rankList: ['Sato', 'Xu'] },
        { id: 'General', positions: 1, rankList: ['Yates'] },
        { id: 'Mercy', positions: 2, rankList: ['Xu', 'Yates'] },
        { id: 'Other', positions: 1, rankList: ['Kim', 'Sato'] },
        { id: 'Other2', positions: 1, rankList: ['Lee'] },
      ],
      applicants: [{ id: 'Sato', rankList: ['Other', 'City'] }],
      couples: [
        {
          id: 'Xu+Yates',
          members: ['Xu', 'Yates'],
          rankList: [
            ['City', 'General'],
            ['Mercy', 'Mercy'],
          ],
        },
        { id: 'Kim+Lee', members: ['Kim', 'Lee'], rankList: [['Other', 'Other2']] },
      ],
    });
    expect(where).toEqual({ Sato: 'City', Xu: 'Mercy', Yates: 'Mercy', Kim: 'Other', Lee: 'Other2' });
    expect(result.status).toBe('stable');
    expect(findBlockingPairs(market, result.assignment)).toEqual([]);
  });

  it('lets one partner go unmatched on a line that says so', () => {
    const { where } = matchByName({
      programs: [{ id: 'City', positions: 1, rankList: ['Yates', 'Xu'] }],
      couples: [
        {
          id: 'Xu+Yates',
          members: ['Xu', 'Yates'],
          rankList: [
            ['City', 'City'],
            [null, 'City'],
          ],
        },
      ],
    });
    expect(where).toEqual({ Xu: null, Yates: 'City' });
  });

  it('reports the blocking pairs when a market has no stable matching (a single and a couple chase each other)', () => {
    const { result, market } = matchByName(CHASE_MARKET, { maxRounds: 5 });
    expect(result.status).toBe('no-stable-matching-found');
    expect(result.blockingPairs?.length).toBeGreaterThan(0);
    expect(result.orders).toBe(9);
    expect(enumerateStableMatchingsWithCouples(market)).toEqual([]);
  });

  // Issue 12: in the first processing order couple C2 is left blocking with (P1, P1); another order settles.
  const RETRY_MARKET = {
    programs: [
      { id: 'P0', positions: 2, rankList: ['C0a', 'S0', 'C1b', 'C1a', 'C0b'] },
      { id: 'P1', positions: 3, rankList: ['S0', 'C2a', 'C0a', 'C2b', 'C0b', 'C1a', 'C1b'] },
    ],
    applicants: [{ id: 'S0', rankList: ['P1', 'P0'] }],
    couples: [
      {
        id: 'C0',
        members: ['C0a', 'C0b'],
        rankList: [
          ['P1', 'P0'],
          ['P0', 'P0'],
          ['P0', 'P1'],
        ],
      },
      {
        id: 'C1',
        members: ['C1a', 'C1b'],
        rankList: [
          ['P0', 'P0'],
          ['P1', 'P1'],
        ],
      },
      { id: 'C2', members: ['C2a', 'C2b'], rankList: [['P1', 'P1']] },
    ],
  } satisfies Parameters<typeof matchByName>[0];

  it('tries other processing orders when the first ends with a couple blocking, and settles', () => {
    const once = matchByName(RETRY_MARKET, { retries: 0 });
    expect(once.result.status).toBe('no-stable-matching-found');
    expect(once.result.blockingPairs).toContainEqual({
      kind: 'couple',
      couple: 2,
      rank: 0,
      programs: [1, 1],
    });

    const { where, result, market } = matchByName(RETRY_MARKET);
    expect(result.status).toBe('stable');
    expect(result.orders).toBeGreaterThan(1);
    expect(where).toEqual({ S0: 'P1', C0a: null, C0b: null, C1a: 'P0', C1b: 'P0', C2a: 'P1', C2b: 'P1' });
    expect(findBlockingPairs(market, result.assignment)).toEqual([]);
    const stable = enumerateStableMatchingsWithCouples(market);
    expect(stable.some((m) => m.every((p, a) => p === result.assignment[a]))).toBe(true);
    expect(stable.some((m) => m.every((p, a) => p === once.result.assignment[a]))).toBe(false);
  });

  it('gives the same result for the same seed, and counts every order in its proposals', () => {
    const first = matchByName(RETRY_MARKET, { seed: 7 }).result;
    const again = matchByName(RETRY_MARKET, { seed: 7 }).result;
    expect(again).toEqual(first);
    const once = matchByName(RETRY_MARKET, { retries: 0 }).result;
    expect(first.proposals).toBeGreaterThan(once.proposals);
  });
});

const SEED = 20_260_601;

function rankOn(list: Int32Array, p: number): number {
  const i = list.indexOf(p);
  return i < 0 ? Number.POSITIVE_INFINITY : i;
}

describe('properties', () => {
  it('without couples, gives a stable matching every applicant likes at least as well as any other stable one', () => {
    const small = marketArbitrary({
      applicants: { min: 1, max: 6 },
      programs: { min: 1, max: 4 },
      capacity: { min: 1, max: 10 },
      couples: { max: 0 },
    });
    fc.assert(
      fc.property(small, (plain) => {
        const market = compile(plain);
        const { assignment, status } = solveMatch(market);
        const stable = enumerateStableMatchings(market);
        expect(status).toBe('stable');
        expect(stable.some((m) => m.every((p, a) => p === assignment[a]))).toBe(true);
        for (let a = 0; a < market.applicantCount; a++) {
          const list = market.applicantRol.subarray(
            market.applicantRolOffsets[a],
            market.applicantRolOffsets[a + 1],
          );
          const mine = rankOn(list, assignment[a] as number);
          for (const other of stable) expect(mine).toBeLessThanOrEqual(rankOn(list, other[a] as number));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('with couples, matches only mutually ranked pairs, within capacity, couples on one of their lines', () => {
    const crowded = marketArbitrary({
      applicants: { min: 2, max: 14 },
      programs: { min: 1, max: 5 },
      capacity: { min: 0, max: 3 },
      couples: { max: 4 },
    });
    let stableCount = 0;
    fc.assert(
      fc.property(crowded, (plain) => {
        const market = compile(plain);
        const result = solveMatch(market, { maxRounds: 200 });
        expectWellFormed(market, result.assignment);
        if (result.status === 'stable') {
          stableCount++;
          expect(findBlockingPairs(market, result.assignment)).toEqual([]);
        } else {
          expect(result.blockingPairs).toEqual(findBlockingPairs(market, result.assignment));
          expect(result.blockingPairs?.length).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    // Most random markets with couples do have a stable matching, and the solver should find it.
    expect(stableCount).toBeGreaterThan(350);
  });
});

describe('rank lookups', () => {
  it('bucketed, inverted and scanned ranks give the same Match, with and without couples', () => {
    const markets = marketArbitrary({
      applicants: { min: 1, max: 14 },
      programs: { min: 1, max: 5 },
      capacity: { min: 0, max: 3 },
      couples: { max: 4 },
    });
    fc.assert(
      fc.property(markets, (plain) => {
        const market = compile(plain);
        const bucketed = solveMatch(market, { rankMode: 'buckets', maxRounds: 50 });
        const inverted = solveMatch(market, { rankMode: 'inverse', maxRounds: 50 });
        const scanned = solveMatch(market, { rankMode: 'scan', maxRounds: 50 });
        expect(inverted).toEqual(bucketed);
        expect(scanned).toEqual(bucketed);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('with couples, every matching it calls stable is stable by brute force', () => {
    const tiny = marketArbitrary({
      applicants: { min: 2, max: 7 },
      programs: { min: 1, max: 3 },
      capacity: { min: 0, max: 2 },
      couples: { max: 3 },
    });
    let stable = 0;
    fc.assert(
      fc.property(tiny, (plain) => {
        const market = compile(plain);
        const result = solveMatch(market, { maxRounds: 50 });
        if (result.status !== 'stable') return;
        stable++;
        const all = enumerateStableMatchingsWithCouples(market);
        expect(all.some((m) => m.every((p, a) => p === result.assignment[a]))).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(stable).toBeGreaterThan(150);
  });
});

function expectWellFormed(market: CompiledMarket, assignment: Int32Array): void {
  const filled = new Int32Array(market.programCount);
  for (let a = 0; a < market.applicantCount; a++) {
    const p = assignment[a] as number;
    if (p === NO_PROGRAM) continue;
    filled[p] = (filled[p] as number) + 1;
    const programList = market.programRol.subarray(
      market.programRolOffsets[p],
      market.programRolOffsets[p + 1],
    );
    expect(programList.includes(a), `program ${p} ranks applicant ${a}`).toBe(true);
  }
  filled.forEach((n, p) => {
    expect(n).toBeLessThanOrEqual(market.capacity[p] as number);
  });
  const members = new Set(market.coupleMembers);
  for (let a = 0; a < market.applicantCount; a++) {
    if (members.has(a) || assignment[a] === NO_PROGRAM) continue;
    const list = market.applicantRol.subarray(
      market.applicantRolOffsets[a],
      market.applicantRolOffsets[a + 1],
    );
    expect(list.includes(assignment[a] as number)).toBe(true);
  }
  for (let c = 0; c < market.coupleCount; c++) {
    const got = [
      assignment[market.coupleMembers[2 * c] as number],
      assignment[market.coupleMembers[2 * c + 1] as number],
    ];
    const lines = market.coupleRol.subarray(
      2 * (market.coupleRolOffsets[c] as number),
      2 * (market.coupleRolOffsets[c + 1] as number),
    );
    let onALine = got[0] === NO_PROGRAM && got[1] === NO_PROGRAM;
    for (let k = 0; k < lines.length; k += 2) onALine ||= lines[k] === got[0] && lines[k + 1] === got[1];
    expect(onALine, `couple ${c} is on one of its lines or unmatched`).toBe(true);
  }
}
