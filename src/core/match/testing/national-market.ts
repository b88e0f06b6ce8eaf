import { seededRandom } from '../../catalog/seeded-random.js';
import { type CompiledMarket, NO_PROGRAM } from '../compiled-market.js';

/**
 * A national-scale Main Residency Match for benchmarks: the size the NRMP runs (2025: 47,208 certified
 * rank lists; about 44,000 positions across about 6,000 programs), 12 ranks per applicant and couples.
 * Preferences are correlated the way real ones are — strong applicants aim at desirable programs and
 * programs prefer strong applicants, both with noise — so the run does realistic amounts of displacing.
 * Synthetic: nothing here describes a real program or applicant. A test fixture and the benchmark's instance,
 * not a model of the real Match (that is market-model/).
 */
export interface NationalMarketOptions {
  programs: number;
  positions: number;
  singles: number;
  couples: number;
  ranksPerApplicant: number;
  seed: number;
}

export const NATIONAL: NationalMarketOptions = {
  programs: 6000,
  positions: 44000,
  singles: 46000,
  couples: 1000,
  ranksPerApplicant: 12,
  seed: 2026,
};

function gaussian(next: () => number): number {
  // Box–Muller; 1 - u keeps the log finite.
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26), enough to turn a quality into a percentile. */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) * Math.SQRT1_2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp((-x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

export function nationalMarket(overrides: Partial<NationalMarketOptions> = {}): CompiledMarket {
  const options = { ...NATIONAL, ...overrides };
  const random = seededRandom(options.seed);
  const next = random.next;
  const programCount = options.programs;
  const applicantCount = options.singles + 2 * options.couples;

  const capacity = new Int32Array(programCount);
  let total = 0;
  for (let p = 0; p < programCount; p++) {
    capacity[p] = 2 + Math.floor(next() * 11);
    total += capacity[p] as number;
  }
  while (total < options.positions) {
    const p = Math.floor(next() * programCount);
    capacity[p] = (capacity[p] as number) + 1;
    total++;
  }
  while (total > options.positions) {
    const p = Math.floor(next() * programCount);
    if ((capacity[p] as number) > 1) {
      capacity[p] = (capacity[p] as number) - 1;
      total--;
    }
  }

  // Programs in order of desirability: index 0 is the most sought after.
  const desirability = new Float64Array(programCount);
  for (let p = 0; p < programCount; p++) desirability[p] = gaussian(next);
  const byDesirability = Int32Array.from({ length: programCount }, (_, p) => p).sort(
    (a, b) => (desirability[b] as number) - (desirability[a] as number),
  );
  const quality = new Float64Array(applicantCount);
  for (let a = 0; a < applicantCount; a++) quality[a] = gaussian(next);

  const window = Math.floor(programCount * 0.15);
  /** `count` distinct programs near the applicant's own standing, most wanted first (with noise). */
  const pickPrograms = (applicant: number, count: number): Int32Array => {
    const percentile = 1 - normalCdf((quality[applicant] as number) + 0.5 * gaussian(next));
    const centre = Math.floor(percentile * (programCount - 1));
    const low = Math.max(0, Math.min(programCount - 2 * window, centre - window));
    const chosen = new Int32Array(count);
    const utility = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      let program: number;
      do program = byDesirability[low + Math.floor(next() * 2 * window)] as number;
      while (chosen.subarray(0, i).includes(program));
      chosen[i] = program;
      utility[i] = (desirability[program] as number) + 0.5 * gaussian(next);
    }
    const order = Int32Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => (utility[b] as number) - (utility[a] as number),
    );
    return Int32Array.from(order, (i) => chosen[i] as number);
  };

  const singleLists: Int32Array[] = [];
  for (let a = 0; a < options.singles; a++) singleLists.push(pickPrograms(a, options.ranksPerApplicant));

  // Each partner names half as many programs; the couple ranks the best-sounding pairs of them.
  const coupleMembers = new Int32Array(2 * options.couples);
  const coupleLines: Int32Array[] = [];
  const partnerLists: Int32Array[] = [];
  const half = Math.max(1, Math.floor(options.ranksPerApplicant / 2));
  for (let c = 0; c < options.couples; c++) {
    const first = options.singles + 2 * c;
    const second = first + 1;
    coupleMembers[2 * c] = first;
    coupleMembers[2 * c + 1] = second;
    const firstPrograms = pickPrograms(first, half);
    const secondPrograms = pickPrograms(second, half);
    partnerLists.push(firstPrograms, secondPrograms);
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < half; i++)
      for (let j = 0; j < half; j++)
        pairs.push([firstPrograms[i] as number, secondPrograms[j] as number, i + j + 0.5 * next()]);
    pairs.sort((x, y) => x[2] - y[2]);
    const lines = pairs.slice(0, options.ranksPerApplicant);
    // The last resort many couples list: one partner matches, the other tries again later.
    lines.push([firstPrograms[0] as number, NO_PROGRAM, 0]);
    coupleLines.push(Int32Array.from(lines.flatMap(([p, q]) => [p, q])));
  }

  const applicantRolOffsets = new Int32Array(applicantCount + 1);
  for (let a = 0; a < applicantCount; a++) {
    applicantRolOffsets[a + 1] =
      (applicantRolOffsets[a] as number) + (a < options.singles ? options.ranksPerApplicant : 0);
  }
  const applicantRol = new Int32Array(applicantRolOffsets[applicantCount] as number);
  singleLists.forEach((list, a) => {
    applicantRol.set(list, applicantRolOffsets[a] as number);
  });

  const coupleRolOffsets = new Int32Array(options.couples + 1);
  coupleLines.forEach((lines, c) => {
    coupleRolOffsets[c + 1] = (coupleRolOffsets[c] as number) + lines.length / 2;
  });
  const coupleRol = new Int32Array(2 * (coupleRolOffsets[options.couples] as number));
  coupleLines.forEach((lines, c) => {
    coupleRol.set(lines, 2 * (coupleRolOffsets[c] as number));
  });

  // Programs rank everyone who ranked them (as if all were interviewed), by quality plus reviewer noise.
  const applicantsOf: number[][] = Array.from({ length: programCount }, () => []);
  singleLists.forEach((list, a) => {
    for (const p of list) applicantsOf[p]?.push(a);
  });
  partnerLists.forEach((list, i) => {
    const member = options.singles + i;
    for (const p of list) applicantsOf[p]?.push(member);
  });
  const programRolOffsets = new Int32Array(programCount + 1);
  for (let p = 0; p < programCount; p++) {
    programRolOffsets[p + 1] = (programRolOffsets[p] as number) + (applicantsOf[p]?.length ?? 0);
  }
  const programRol = new Int32Array(programRolOffsets[programCount] as number);
  applicantsOf.forEach((applicants, p) => {
    const scored = applicants.map((a) => [a, (quality[a] as number) + 0.7 * gaussian(next)] as const);
    scored.sort((x, y) => y[1] - x[1]);
    programRol.set(
      scored.map(([a]) => a),
      programRolOffsets[p] as number,
    );
  });

  return {
    applicantCount,
    programCount,
    capacity,
    applicantRolOffsets,
    applicantRol,
    programRolOffsets,
    programRol,
    coupleCount: options.couples,
    coupleMembers,
    coupleRolOffsets,
    coupleRol,
  };
}

/** A one-to-one market, one position per program, from both sides' rank lists. */
export interface OneToOneMarket {
  market: CompiledMarket;
  applicantPrefs: Int32Array[];
  programPrefs: Int32Array[];
}

function shuffleInPlace(order: Int32Array, random: { next(): number }): Int32Array {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}

function packLists(lists: readonly Int32Array[]): { offsets: Int32Array; flat: Int32Array } {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => {
    offsets[i + 1] = (offsets[i] as number) + list.length;
  });
  const flat = new Int32Array(offsets[lists.length] as number);
  lists.forEach((list, i) => {
    flat.set(list, offsets[i] as number);
  });
  return { offsets, flat };
}

function oneToOne(applicantPrefs: Int32Array[], programPrefs: Int32Array[]): OneToOneMarket {
  const applicants = packLists(applicantPrefs);
  const programs = packLists(programPrefs);
  return {
    market: {
      applicantCount: applicantPrefs.length,
      programCount: programPrefs.length,
      capacity: new Int32Array(programPrefs.length).fill(1),
      applicantRolOffsets: applicants.offsets,
      applicantRol: applicants.flat,
      programRolOffsets: programs.offsets,
      programRol: programs.flat,
      coupleCount: 0,
      coupleMembers: new Int32Array(0),
      coupleRolOffsets: new Int32Array(1),
      coupleRol: new Int32Array(0),
    },
    applicantPrefs,
    programPrefs,
  };
}

/**
 * One-to-one market with complete random lists on both sides (n applicants, n programs of one position):
 * the instance the `stable-marriage` npm package can also solve, for a side-by-side ratio.
 */
export function oneToOneMarket(n: number, seed: number): OneToOneMarket {
  const random = seededRandom(seed);
  const shuffled = () =>
    shuffleInPlace(
      Int32Array.from({ length: n }, (_, i) => i),
      random,
    );
  const applicantPrefs = Array.from({ length: n }, shuffled);
  const programPrefs = Array.from({ length: n }, shuffled);
  return oneToOne(applicantPrefs, programPrefs);
}

/**
 * One-to-one market with short lists: each applicant ranks `listLength` distinct programs at random, and
 * each program ranks, in a random order, exactly the applicants who ranked it (as if all were interviewed).
 */
export function shortListOneToOneMarket(n: number, listLength: number, seed: number): OneToOneMarket {
  const random = seededRandom(seed);
  const pick = (): Int32Array => {
    const chosen = new Int32Array(listLength);
    for (let i = 0; i < listLength; i++) {
      let p: number;
      do p = Math.floor(random.next() * n);
      while (chosen.subarray(0, i).includes(p));
      chosen[i] = p;
    }
    return chosen;
  };
  const applicantPrefs = Array.from({ length: n }, pick);
  const rankedBy: number[][] = Array.from({ length: n }, () => []);
  applicantPrefs.forEach((list, a) => {
    for (const p of list) rankedBy[p]?.push(a);
  });
  const programPrefs = rankedBy.map((applicants) => shuffleInPlace(Int32Array.from(applicants), random));
  return oneToOne(applicantPrefs, programPrefs);
}
