/**
 * A Match in compressed typed arrays: the form the solver, the simulator and worker threads share.
 * Ids are dense indices (applicants 0..applicantCount-1, programs 0..programCount-1); rank lists are
 * CSR arrays (offsets + ids), most preferred first. Couple members are ordinary applicant ids whose own
 * applicant rank lists are empty: a couple ranks pairs, never single programs.
 */
export interface CompiledMarket {
  applicantCount: number;
  programCount: number;
  /** Positions per program. */
  capacity: Int32Array;
  /** Length applicantCount + 1; applicant a ranks applicantRol[applicantRolOffsets[a] .. applicantRolOffsets[a+1]). */
  applicantRolOffsets: Int32Array;
  applicantRol: Int32Array;
  /** Length programCount + 1; program p ranks programRol[programRolOffsets[p] .. programRolOffsets[p+1]). */
  programRolOffsets: Int32Array;
  programRol: Int32Array;
  coupleCount: number;
  /** Length 2 * coupleCount: [first0, second0, first1, second1, ...]. */
  coupleMembers: Int32Array;
  /** Length coupleCount + 1, counting lines (pairs). */
  coupleRolOffsets: Int32Array;
  /** Two entries per line: the program for the first and for the second partner, NO_PROGRAM for "no match". */
  coupleRol: Int32Array;
}

/** Marks "no match" for one partner on a couple's line, and an unmatched applicant in a result. */
export const NO_PROGRAM = -1;
