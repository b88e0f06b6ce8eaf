import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_PROGRAM } from './compiled-market.js';
import { findBlockingPairs } from './stability.js';
import { enumerateMatchings, isStableByDefinition } from './testing/enumerate-stable-matchings.js';
import { market } from './testing/named.js';
import { compile, marketArbitrary } from './testing/random-market.js';

const assign = (m: { applicantIds: string[]; programIds: string[] }, where: Record<string, string | null>) =>
  Int32Array.from(m.applicantIds, (id) => {
    const program = where[id] ?? null;
    return program === null ? NO_PROGRAM : m.programIds.indexOf(program);
  });

describe('a single', () => {
  const twoPrograms = market({
    programs: [
      { id: 'City', positions: 1, rankList: ['Ames', 'Bose'] },
      { id: 'Rural', positions: 2, rankList: ['Bose'] },
    ],
    applicants: [
      { id: 'Ames', rankList: ['City'] },
      { id: 'Bose', rankList: ['Rural', 'City'] },
    ],
  });

  it('blocks with a program it prefers that has a free position and ranks it', () => {
    const pairs = findBlockingPairs(twoPrograms, assign(twoPrograms, { Ames: 'City', Bose: null }));
    expect(pairs).toEqual([{ kind: 'single', applicant: 1, program: 1, rank: 0 }]);
  });

  it('blocks with a full program that prefers it to someone it holds', () => {
    const pairs = findBlockingPairs(twoPrograms, assign(twoPrograms, { Ames: null, Bose: 'City' }));
    expect(pairs).toEqual([
      { kind: 'single', applicant: 0, program: 0, rank: 0 },
      { kind: 'single', applicant: 1, program: 1, rank: 0 },
    ]);
  });

  it('does not block with a program that never ranked it, however empty', () => {
    const m = market({
      programs: [{ id: 'City', positions: 5, rankList: [] }],
      applicants: [{ id: 'Ames', rankList: ['City'] }],
    });
    expect(findBlockingPairs(m, assign(m, { Ames: null }))).toEqual([]);
  });
});

describe('a couple', () => {
  const couples = (cityPositions: number) =>
    market({
      programs: [
        { id: 'City', positions: cityPositions, rankList: ['Xu', 'Yates', 'Sato'] },
        { id: 'Mercy', positions: 2, rankList: ['Xu', 'Yates'] },
      ],
      applicants: [{ id: 'Sato', rankList: ['City'] }],
      couples: [
        {
          id: 'Xu+Yates',
          members: ['Xu', 'Yates'],
          rankList: [
            ['City', 'City'],
            ['Mercy', 'Mercy'],
          ],
        },
      ],
    });

  it('blocks with a line naming one program twice only if that program has room for both', () => {
    const one = couples(1);
    expect(findBlockingPairs(one, assign(one, { Sato: 'City', Xu: 'Mercy', Yates: 'Mercy' }))).toEqual([]);
    const two = couples(2);
    expect(findBlockingPairs(two, assign(two, { Sato: 'City', Xu: 'Mercy', Yates: 'Mercy' }))).toEqual([
      { kind: 'couple', couple: 0, rank: 0, programs: [0, 0] },
    ]);
  });

  it("does not count a partner's own position against the line it would rather have", () => {
    // Yates holds City's only position alone; the couple prefers Xu at City and Yates unmatched.
    const m = market({
      programs: [{ id: 'City', positions: 1, rankList: ['Yates', 'Xu'] }],
      couples: [
        {
          id: 'Xu+Yates',
          members: ['Xu', 'Yates'],
          rankList: [
            ['City', null],
            [null, 'City'],
          ],
        },
      ],
    });
    expect(findBlockingPairs(m, assign(m, { Xu: null, Yates: 'City' }))).toEqual([
      { kind: 'couple', couple: 0, rank: 0, programs: [0, NO_PROGRAM] },
    ]);
  });

  it('counts as unmatched when its assignment is none of its lines', () => {
    const m = couples(2);
    const pairs = findBlockingPairs(m, assign(m, { Sato: null, Xu: 'City', Yates: 'Mercy' }));
    expect(pairs.filter((p) => p.kind === 'couple').map((p) => p.rank)).toEqual([0, 1]);
  });
});

describe('against the textbook definition', () => {
  it('finds no blocking pair exactly when a couple-free matching is stable', () => {
    const small = marketArbitrary({
      applicants: { min: 1, max: 5 },
      programs: { min: 1, max: 3 },
      capacity: { min: 1, max: 3 },
      couples: { max: 0 },
    });
    fc.assert(
      fc.property(small, (plain) => {
        const m = compile(plain);
        for (const assignment of enumerateMatchings(m)) {
          expect(findBlockingPairs(m, assignment).length === 0).toBe(isStableByDefinition(m, assignment));
        }
      }),
      { seed: 4_2026, numRuns: 150 },
    );
  });
});
