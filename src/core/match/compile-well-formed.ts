import { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
import type { MarketNames } from './json-market.js';

/**
 * The fast road of compileMarket: one pass over an already-parsed JSON market straight into typed arrays,
 * with id → index Maps built once and duplicate checks done by stamping typed arrays (no per-entry objects,
 * no per-list Sets). It accepts exactly what the schema and checks in json-market.ts accept and returns the
 * same market; at the first thing it would have to report it gives up (null), and compileMarket takes the
 * slow road that names every problem with its path.
 */
export function compileWellFormed(input: unknown): (CompiledMarket & MarketNames) | null {
  if (!isRecord(input)) return null;
  const programs = input.programs;
  const applicants = input.applicants === undefined ? [] : input.applicants;
  const couples = input.couples === undefined ? [] : input.couples;
  if (!Array.isArray(programs) || !Array.isArray(applicants) || !Array.isArray(couples)) return null;
  const programCount = programs.length;
  const singleCount = applicants.length;
  const coupleCount = couples.length;
  const applicantCount = singleCount + 2 * coupleCount;

  const programIds: string[] = new Array(programCount);
  const programIndex = new Map<string, number>();
  const capacity = new Int32Array(programCount);
  let programEntries = 0;
  for (let p = 0; p < programCount; p++) {
    const program = programs[p];
    if (!isRecord(program)) return null;
    const id = idOf(program.id);
    const positions = program.positions;
    if (id === null || programIndex.has(id) || !Array.isArray(program.rankList)) return null;
    if (
      typeof positions !== 'number' ||
      !Number.isInteger(positions) ||
      positions < 0 ||
      positions > 0x7fffffff
    ) {
      return null;
    }
    programIds[p] = id;
    programIndex.set(id, p);
    capacity[p] = positions;
    programEntries += program.rankList.length;
  }

  const applicantIds: string[] = new Array(applicantCount);
  const applicantIndex = new Map<string, number>();
  const applicantRolOffsets = new Int32Array(applicantCount + 1);
  for (let a = 0; a < singleCount; a++) {
    const applicant = applicants[a];
    if (!isRecord(applicant) || !Array.isArray(applicant.rankList)) return null;
    const id = idOf(applicant.id);
    if (id === null || applicantIndex.has(id)) return null;
    applicantIds[a] = id;
    applicantIndex.set(id, a);
    applicantRolOffsets[a + 1] = (applicantRolOffsets[a] as number) + applicant.rankList.length;
  }
  const singleEntries = applicantRolOffsets[singleCount] as number;
  applicantRolOffsets.fill(singleEntries, singleCount + 1);

  const coupleIds: string[] = new Array(coupleCount);
  const coupleIndex = new Set<string>();
  const coupleMembers = new Int32Array(2 * coupleCount);
  const coupleRolOffsets = new Int32Array(coupleCount + 1);
  for (let c = 0; c < coupleCount; c++) {
    const couple = couples[c];
    if (!isRecord(couple) || !Array.isArray(couple.rankList)) return null;
    const id = idOf(couple.id);
    const members = couple.members;
    if (id === null || coupleIndex.has(id) || !Array.isArray(members) || members.length !== 2) return null;
    coupleIds[c] = id;
    coupleIndex.add(id);
    for (let side = 0; side < 2; side++) {
      const member = idOf(members[side]);
      const a = singleCount + 2 * c + side;
      if (member === null || applicantIndex.has(member)) return null;
      applicantIds[a] = member;
      applicantIndex.set(member, a);
      coupleMembers[2 * c + side] = a;
    }
    coupleRolOffsets[c + 1] = (coupleRolOffsets[c] as number) + couple.rankList.length;
  }

  // Stamps: seen[x] === list number + 1 when x already appeared on the list being read.
  const applicantSeen = new Int32Array(applicantCount);
  const programRolOffsets = new Int32Array(programCount + 1);
  const programRol = new Int32Array(programEntries);
  let at = 0;
  for (let p = 0; p < programCount; p++) {
    const list = (programs[p] as { rankList: unknown[] }).rankList;
    for (let k = 0; k < list.length; k++) {
      const name = idOf(list[k]);
      const a = name === null ? undefined : applicantIndex.get(name);
      if (a === undefined || applicantSeen[a] === p + 1) return null;
      applicantSeen[a] = p + 1;
      programRol[at++] = a;
    }
    programRolOffsets[p + 1] = at;
  }

  const programSeen = new Int32Array(programCount);
  const applicantRol = new Int32Array(singleEntries);
  at = 0;
  for (let a = 0; a < singleCount; a++) {
    const list = (applicants[a] as { rankList: unknown[] }).rankList;
    for (let k = 0; k < list.length; k++) {
      const name = idOf(list[k]);
      const p = name === null ? undefined : programIndex.get(name);
      if (p === undefined || programSeen[p] === a + 1) return null;
      programSeen[p] = a + 1;
      applicantRol[at++] = p;
    }
  }

  const coupleRol = new Int32Array(2 * (coupleRolOffsets[coupleCount] as number));
  at = 0;
  for (let c = 0; c < coupleCount; c++) {
    const lines = (couples[c] as { rankList: unknown[] }).rankList;
    const first = at;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      if (!Array.isArray(line) || line.length !== 2) return null;
      const p1 = programOrNone(line[0], programIndex);
      const p2 = programOrNone(line[1], programIndex);
      if (p1 === undefined || p2 === undefined || (p1 === NO_PROGRAM && p2 === NO_PROGRAM)) return null;
      // Couples rank a dozen or so lines: comparing with the earlier ones beats hashing them.
      for (let j = first; j < at; j += 2) if (coupleRol[j] === p1 && coupleRol[j + 1] === p2) return null;
      coupleRol[at++] = p1;
      coupleRol[at++] = p2;
    }
  }

  return {
    applicantCount,
    programCount,
    capacity,
    applicantRolOffsets,
    applicantRol,
    programRolOffsets,
    programRol,
    coupleCount,
    coupleMembers,
    coupleRolOffsets,
    coupleRol,
    programIds,
    applicantIds,
    coupleIds,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema's id: a string, trimmed, not empty. */
function idOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim();
  return id.length === 0 ? null : id;
}

/** A program on a couple's line: its index, NO_PROGRAM for null, undefined when not a known program. */
function programOrNone(value: unknown, programIndex: Map<string, number>): number | undefined {
  if (value === null) return NO_PROGRAM;
  const id = idOf(value);
  return id === null ? undefined : programIndex.get(id);
}
