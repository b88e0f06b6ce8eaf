import fc from 'fast-check';
import { type CompiledMarket, NO_PROGRAM } from '../compiled-market.js';

/** A market as plain lists, easy to generate and shrink; `compile` turns it into the solver's form. */
export interface PlainMarket {
  capacity: number[];
  /** Per applicant; the last 2 × couples.length applicants are couple members and their lists are ignored. */
  applicantLists: number[][];
  programLists: number[][];
  /** Per couple: its lines, NO_PROGRAM for a partner going unmatched. */
  coupleLines: [number, number][][];
}

export interface MarketShape {
  applicants: { min: number; max: number };
  programs: { min: number; max: number };
  capacity: { min: number; max: number };
  couples: { max: number };
  /** Every program ranks every applicant (in random order), as when all were interviewed. */
  programsRankEveryone?: boolean;
}

/** Random markets without ties: every list is a shuffled subset, so unranked pairs are common. */
export function marketArbitrary(shape: MarketShape): fc.Arbitrary<PlainMarket> {
  return fc
    .record({
      applicants: fc.integer(shape.applicants),
      programs: fc.integer(shape.programs),
    })
    .chain(({ applicants, programs }) => {
      const programIds = Array.from({ length: programs }, (_, p) => p);
      const applicantIds = Array.from({ length: applicants }, (_, a) => a);
      const lineChoices = [NO_PROGRAM, ...programIds];
      const line = fc
        .tuple(fc.constantFrom(...lineChoices), fc.constantFrom(...lineChoices))
        .filter(([a, b]) => a !== NO_PROGRAM || b !== NO_PROGRAM);
      return fc.record({
        capacity: fc.array(fc.integer(shape.capacity), { minLength: programs, maxLength: programs }),
        applicantLists: fc.array(fc.shuffledSubarray(programIds), {
          minLength: applicants,
          maxLength: applicants,
        }),
        programLists: fc.array(
          fc.shuffledSubarray(applicantIds, shape.programsRankEveryone ? { minLength: applicants } : {}),
          {
            minLength: programs,
            maxLength: programs,
          },
        ),
        coupleLines: fc.array(fc.uniqueArray(line, { maxLength: 8, selector: ([a, b]) => `${a},${b}` }), {
          maxLength: Math.min(shape.couples.max, Math.floor(applicants / 2)),
        }),
      });
    });
}

export function compile(plain: PlainMarket): CompiledMarket {
  const applicantCount = plain.applicantLists.length;
  const firstMember = applicantCount - 2 * plain.coupleLines.length;
  const applicantLists = plain.applicantLists.map((list, a) => (a >= firstMember ? [] : list));
  return {
    applicantCount,
    programCount: plain.capacity.length,
    capacity: Int32Array.from(plain.capacity),
    applicantRolOffsets: offsets(applicantLists),
    applicantRol: Int32Array.from(applicantLists.flat()),
    programRolOffsets: offsets(plain.programLists),
    programRol: Int32Array.from(plain.programLists.flat()),
    coupleCount: plain.coupleLines.length,
    coupleMembers: Int32Array.from(
      plain.coupleLines.flatMap((_, c) => [firstMember + 2 * c, firstMember + 2 * c + 1]),
    ),
    coupleRolOffsets: offsets(plain.coupleLines),
    coupleRol: Int32Array.from(plain.coupleLines.flat(2)),
  };
}

function offsets(lists: unknown[][]): Int32Array {
  const out = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => {
    out[i + 1] = (out[i] as number) + list.length;
  });
  return out;
}
