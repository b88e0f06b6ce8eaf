import { type CompiledMarket, NO_PROGRAM } from '../compiled-market.js';
import type { JsonMarket } from '../json-market.js';

/**
 * A compiled market written back as JSON with made-up names (program `P<p>`, applicant `A<a>`, couple
 * `C<c>`), for timing compileMarket on the same instance the solver runs. Assumes singles come first and
 * couple members after them in pairs, as compileMarket and the test generators number them.
 */
export function jsonFromCompiled(market: CompiledMarket): JsonMarket {
  const slice = (values: Int32Array, offsets: Int32Array, i: number) =>
    Array.from(values.subarray(offsets[i] as number, offsets[i + 1] as number));
  const program = (p: number) => (p === NO_PROGRAM ? null : `P${p}`);
  const singles = market.applicantCount - 2 * market.coupleCount;
  return {
    programs: Array.from({ length: market.programCount }, (_, p) => ({
      id: `P${p}`,
      positions: market.capacity[p] as number,
      rankList: slice(market.programRol, market.programRolOffsets, p).map((a) => `A${a}`),
    })),
    applicants: Array.from({ length: singles }, (_, a) => ({
      id: `A${a}`,
      rankList: slice(market.applicantRol, market.applicantRolOffsets, a).map((p) => `P${p}`),
    })),
    couples: Array.from({ length: market.coupleCount }, (_, c) => {
      const lines: [string | null, string | null][] = [];
      for (
        let line = market.coupleRolOffsets[c] as number;
        line < (market.coupleRolOffsets[c + 1] as number);
        line++
      ) {
        lines.push([
          program(market.coupleRol[2 * line] as number),
          program(market.coupleRol[2 * line + 1] as number),
        ]);
      }
      return {
        id: `C${c}`,
        members: [`A${market.coupleMembers[2 * c]}`, `A${market.coupleMembers[2 * c + 1]}`] as [
          string,
          string,
        ],
        rankList: lines,
      };
    }),
  };
}
