import type { FieldIssue } from '../shared/result.js';
import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';

/** Enough to find what is wrong without drowning a caller when a whole array is off. */
const MAX_ISSUES = 20;

/**
 * What the solver assumes of a compiled market and does not check on its hot path: array lengths that
 * match the counts, offsets that start at 0 and never decrease, ids in range, couple members that are
 * distinct, in one couple only, with empty applicant lists. Empty means safe to solve. For markets built
 * elsewhere (generators, workers); compileMarket's output always passes.
 *
 * @example
 * const issues = checkCompiledMarket(generated);
 * if (issues.length > 0) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
 */
export function checkCompiledMarket(market: CompiledMarket): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };
  const { applicantCount: A, programCount: P, coupleCount: C } = market;
  for (const [name, n] of [
    ['applicantCount', A],
    ['programCount', P],
    ['coupleCount', C],
  ] as const) {
    if (!Number.isInteger(n) || n < 0) add(name, 'must be a whole number ≥ 0');
  }
  if (issues.length > 0) return issues;

  const length = (name: keyof CompiledMarket, array: Int32Array, expected: number) => {
    if (array.length !== expected) add(name, `has ${array.length} entries, expected ${expected}`);
  };
  const offsets = (name: keyof CompiledMarket, array: Int32Array, count: number, total: number) => {
    length(name, array, count + 1);
    if (array.length !== count + 1) return;
    if (array[0] !== 0) add(`${name}.0`, 'must be 0');
    for (let i = 0; i < count; i++) {
      if ((array[i + 1] as number) < (array[i] as number)) add(`${name}.${i + 1}`, 'offsets cannot decrease');
    }
    if (array[count] !== total) add(`${name}.${count}`, `must equal the list length ${total}`);
  };
  const ids = (name: keyof CompiledMarket, array: Int32Array, min: number, below: number) => {
    array.forEach((id, i) => {
      if (id < min || id >= below) add(`${name}.${i}`, `id ${id} is outside ${min}..${below - 1}`);
    });
  };

  length('capacity', market.capacity, P);
  market.capacity.forEach((n, p) => {
    if (n < 0) add(`capacity.${p}`, 'cannot be negative');
  });
  offsets('applicantRolOffsets', market.applicantRolOffsets, A, market.applicantRol.length);
  ids('applicantRol', market.applicantRol, 0, P);
  offsets('programRolOffsets', market.programRolOffsets, P, market.programRol.length);
  ids('programRol', market.programRol, 0, A);
  length('coupleMembers', market.coupleMembers, 2 * C);
  ids('coupleMembers', market.coupleMembers, 0, A);
  offsets('coupleRolOffsets', market.coupleRolOffsets, C, market.coupleRol.length / 2);
  if (market.coupleRol.length % 2 !== 0) add('coupleRol', 'must hold two entries per line');
  ids('coupleRol', market.coupleRol, NO_PROGRAM, P);
  if (issues.length > 0) return issues;

  const inCouple = new Int32Array(A).fill(-1);
  market.coupleMembers.forEach((a, i) => {
    const c = i >> 1;
    if (inCouple[a] !== -1) {
      add(`coupleMembers.${i}`, `applicant ${a} is already in couple ${inCouple[a]}`);
      return;
    }
    inCouple[a] = c;
    if (market.applicantRolOffsets[a] !== market.applicantRolOffsets[a + 1]) {
      add(`coupleMembers.${i}`, `applicant ${a} ranks programs alone; couple members rank only as a couple`);
    }
  });
  return issues;
}
