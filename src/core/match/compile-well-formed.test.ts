import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWellFormed } from './compile-well-formed.js';
import { NO_PROGRAM } from './compiled-market.js';
import { compileMarket, compileMarketWithIssues, type JsonMarket } from './json-market.js';
import { marketArbitrary, type PlainMarket } from './testing/random-market.js';

const shape = {
  applicants: { min: 1, max: 10 },
  programs: { min: 1, max: 5 },
  capacity: { min: 0, max: 3 },
  couples: { max: 3 },
};

/** A plain market as people write it; `pad` puts spaces around some ids, which the schema trims. */
function toJson(plain: PlainMarket, pad: boolean): JsonMarket {
  const space = (id: string, i: number) => (pad && i % 3 === 0 ? ` ${id} ` : id);
  const firstMember = plain.applicantLists.length - 2 * plain.coupleLines.length;
  const applicant = (a: number) => space(`Applicant ${a}`, a);
  const program = (p: number) => space(`Program ${p}`, p);
  return {
    programs: plain.capacity.map((positions, p) => ({
      id: program(p),
      positions,
      rankList: (plain.programLists[p] ?? []).map(applicant),
    })),
    applicants: plain.applicantLists.slice(0, firstMember).map((list, a) => ({
      id: applicant(a),
      rankList: list.map(program),
    })),
    couples: plain.coupleLines.map((lines, c) => ({
      id: `Couple ${c}`,
      members: [applicant(firstMember + 2 * c), applicant(firstMember + 2 * c + 1)] as [string, string],
      rankList: lines.map(
        ([p1, p2]) =>
          [p1 === NO_PROGRAM ? null : program(p1), p2 === NO_PROGRAM ? null : program(p2)] as const,
      ) as [string | null, string | null][],
    })),
  };
}

/** One edit that makes a market invalid or odd in a way the schema or the checks have to judge. */
const mutation = fc.constantFrom(
  (m: JsonMarket) => m.programs[0]?.rankList.push(m.programs[0]?.rankList[0] ?? 'Nobody'),
  (m: JsonMarket) => m.programs.push({ id: m.programs[0]?.id ?? 'x', positions: 1, rankList: [] }),
  (m: JsonMarket) => m.applicants?.[0]?.rankList.push('No such program'),
  (m: JsonMarket) => {
    if (m.applicants?.[0]) m.applicants[0].id = '   ';
  },
  (m: JsonMarket) => {
    if (m.programs[0]) m.programs[0].positions = 1.5;
  },
  (m: JsonMarket) => m.couples?.[0]?.rankList.push([null, null]),
  (m: JsonMarket) => {
    const line = m.couples?.[0]?.rankList[0];
    if (line) m.couples?.[0]?.rankList.push([line[0], line[1]]);
  },
  (m: JsonMarket) => {
    const couple = m.couples?.[0];
    if (couple) couple.members = [couple.members[0], couple.members[0]];
  },
  (m: JsonMarket) => Object.assign(m, { applicants: null }),
);

describe('compiling a well-formed market in one pass', () => {
  it('gives exactly what the schema road gives, ids trimmed', () => {
    fc.assert(
      fc.property(marketArbitrary(shape), fc.boolean(), (plain, pad) => {
        const json = toJson(plain, pad);
        const fast = compileWellFormed(structuredClone(json));
        expect(fast).not.toBeNull();
        const slow = compileMarketWithIssues(structuredClone(json));
        expect(slow.ok).toBe(true);
        if (slow.ok) expect(fast).toEqual(slow.value);
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('leaves every market with a problem to the road that names it', () => {
    fc.assert(
      fc.property(marketArbitrary(shape), mutation, (plain, mutate) => {
        const json = toJson(plain, false);
        mutate(json);
        const slow = compileMarketWithIssues(structuredClone(json));
        if (!slow.ok) expect(compileWellFormed(structuredClone(json))).toBeNull();
        expect(compileMarket(structuredClone(json))).toEqual(slow);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
