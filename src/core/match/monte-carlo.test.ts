import { describe, expect, it } from 'vitest';
import { applicantScreen } from '../model/applicant-screen.js';
import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { DEFAULT_PARAMETERS } from '../smartpick/model-parameters.js';
import { logit, sigmoid } from '../smartpick/probability.js';
import { features, usImgProfile } from '../smartpick/test-support.js';
import type { CompiledMarket } from './compiled-market.js';
import type { RandomSource } from './market-model/random.js';
import {
  addCounts,
  alignChunkRuns,
  countsLength,
  type MarketSampler,
  runSimulationChunk,
  type SampledMarket,
  SimulationAbortedError,
  type SimulationInput,
  simulateRankList,
  summarize,
  wilsonInterval,
} from './monte-carlo.js';
import { solveMatch } from './solve-match.js';

/**
 * A tiny Match the Monte Carlo can be checked against exactly: three one-position programs, you (applicant 0)
 * ranking the first two, and two rivals ranking all three, each in one of 6 orders, all equally likely. Program
 * i ranks you first with chance σ(extra_i) (what you bring there, on the log-odds scale), after both rivals or not
 * at all with half the rest each; the rivals are in either order, equally likely. 6 × 6 × (3 × 2)³ = 7,776
 * enumerable draws.
 */
const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
] as const;

interface TinyDraw {
  rivalOrders: [number, number];
  /** Per program: your place (0 first, 1 after the rivals, 2 not ranked) and whether the rivals are swapped. */
  programs: { userPlace: number; rivalsSwapped: boolean }[];
}

function tinyMarket(input: SimulationInput, draw: TinyDraw): SampledMarket {
  const k = input.programs.length;
  const programRol: number[] = [];
  const programRolOffsets = [0];
  for (const { userPlace, rivalsSwapped } of draw.programs) {
    const rivals = rivalsSwapped ? [2, 1] : [1, 2];
    const ranked = userPlace === 0 ? [0, ...rivals] : userPlace === 1 ? [...rivals, 0] : rivals;
    programRol.push(...ranked);
    programRolOffsets.push(programRol.length);
  }
  const userRol = Array.from({ length: k }, (_, i) => i);
  const rival = (n: 0 | 1) => [...(PERMUTATIONS[draw.rivalOrders[n]] ?? [])];
  const applicantRol = [...userRol, ...rival(0), ...rival(1)];
  const market: CompiledMarket = {
    applicantCount: 3,
    programCount: 3,
    capacity: Int32Array.of(1, 1, 1),
    applicantRolOffsets: Int32Array.of(0, k, k + 3, k + 6),
    applicantRol: Int32Array.from(applicantRol),
    programRolOffsets: Int32Array.from(programRolOffsets),
    programRol: Int32Array.from(programRol),
    coupleCount: 0,
    coupleMembers: new Int32Array(0),
    coupleRolOffsets: Int32Array.of(0),
    coupleRol: new Int32Array(0),
  };
  return { market, userApplicant: 0, userPrograms: Int32Array.from(userRol) };
}

/** Chance program i ranks you first; 0 for a program not on your list. */
function standingAt(input: SimulationInput, i: number): number {
  const program = input.programs[i];
  return program === undefined ? 0 : sigmoid(program.extra);
}

function placeChances(standing: number): [number, number, number] {
  return [standing, (1 - standing) / 2, (1 - standing) / 2];
}

/** One draw of where each program places you, and whether it swaps the rivals. */
function drawPlaces(input: SimulationInput, random: RandomSource): TinyDraw['programs'] {
  return [0, 1, 2].map((i) => {
    const chances = placeChances(standingAt(input, i));
    let roll = random.next();
    let userPlace = 0;
    while (userPlace < 2 && roll >= (chances[userPlace] as number)) roll -= chances[userPlace++] as number;
    return { userPlace, rivalsSwapped: random.next() < 0.5 };
  });
}

/** Runs share a market's rivals' orders (as family medicine runs share a background); each draws the places. */
const tinySampler: MarketSampler = {
  runsPerMarket: 4,
  market(input, random: RandomSource) {
    const pick = (n: number) => Math.floor(random.next() * n);
    const rivalOrders: [number, number] = [pick(6), pick(6)];
    return (runRandom) => tinyMarket(input, { rivalOrders, programs: drawPlaces(input, runRandom) });
  },
};

/** Every run of a market repeats the market's one draw: runs in a market are perfectly correlated. */
const repeatingSampler: MarketSampler = {
  runsPerMarket: 10,
  market(input, random: RandomSource) {
    const pick = (n: number) => Math.floor(random.next() * n);
    const draw: TinyDraw = { rivalOrders: [pick(6), pick(6)], programs: drawPlaces(input, random) };
    return () => tinyMarket(input, draw);
  },
};

/** P(match at each rank) and P(unmatched), by enumerating every draw and running the real solver. */
function exactOutcome(input: SimulationInput): number[] {
  const k = input.programs.length;
  const outcome = new Array<number>(k + 1).fill(0);
  const places = [0, 1, 2].flatMap((userPlace) =>
    [false, true].map((rivalsSwapped) => ({ userPlace, rivalsSwapped })),
  );
  for (let r0 = 0; r0 < 6; r0++) {
    for (let r1 = 0; r1 < 6; r1++) {
      for (const p0 of places) {
        for (const p1 of places) {
          for (const p2 of places) {
            const programs = [p0, p1, p2];
            let weight = 1 / 36;
            programs.forEach((place, i) => {
              weight *= (placeChances(standingAt(input, i))[place.userPlace] as number) / 2;
            });
            const sampled = tinyMarket(input, { rivalOrders: [r0, r1], programs });
            const matched = solveMatch(sampled.market).assignment[0] ?? -1;
            const rank = sampled.userPrograms.indexOf(matched);
            outcome[rank === -1 ? k : rank] = (outcome[rank === -1 ? k : rank] ?? 0) + weight;
          }
        }
      }
    }
  }
  return outcome;
}

/** What programs screen a US IMG with Step 2 CK 235 and 3 months of USCE on. */
const screenOf = (profile: ApplicantProfile) => applicantScreen(features(profile), DEFAULT_PARAMETERS);
const usImg = screenOf(usImgProfile());

const ranked = (programKey: string, positions: number | null, extra = 0) => ({
  programKey,
  positions,
  facts: {},
  extra,
  signaled: false,
});

const tinyInput: SimulationInput = {
  programs: [ranked('Reach', 1, logit(0.3)), ranked('Target', 1, logit(0.6))],
  screen: usImg,
};

describe('Monte Carlo P(match | rank list)', () => {
  it('lands within its 95% interval of the exact P(match) in a market small enough to enumerate', () => {
    const exact = exactOutcome(tinyInput);
    const exactMatch = 1 - (exact[2] ?? 0);
    const summary = simulateRankList(tinyInput, { runs: 4000, seed: 2024, sampler: tinySampler });
    console.log(
      `tiny market: exact P(match) ${exactMatch.toFixed(4)}, Monte Carlo ${summary.pMatch.toFixed(4)} ` +
        `[${summary.ci95.map((x) => x.toFixed(4)).join(', ')}]`,
    );
    expect(summary.runs).toBe(4000);
    expect(exactMatch).toBeGreaterThanOrEqual(summary.ci95[0]);
    expect(exactMatch).toBeLessThanOrEqual(summary.ci95[1]);
    // Each rank's share within 4 standard errors (several intervals at once: 95% each would fail too often).
    summary.distribution.forEach((entry, i) => {
      const p = exact[i] ?? 0;
      expect(Math.abs(entry.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 4000) + 1e-9);
    });
    expect(summary.pUnmatched).toBeCloseTo(1 - summary.pMatch, 12);
  });

  it('gives the same counts whether runs are done in one chunk or split, in any order', () => {
    const whole = runSimulationChunk({ input: tinyInput, seed: 9, runs: 300 }, tinySampler);
    const split = runSimulationChunk({ input: tinyInput, seed: 9, runs: 120, firstRun: 180 }, tinySampler);
    addCounts(split, runSimulationChunk({ input: tinyInput, seed: 9, runs: 180 }, tinySampler));
    expect(Array.from(split)).toEqual(Array.from(whole));
  });

  it('reports progress run by run and stops with an AbortError when cancelled', () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    const run = () =>
      simulateRankList(tinyInput, {
        runs: 100,
        seed: 1,
        sampler: tinySampler,
        signal,
        onProgress: (completed, total) => {
          seen.push(completed);
          expect(total).toBe(100);
          if (completed === 10) signal.aborted = true;
        },
      });
    expect(run).toThrow(SimulationAbortedError);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    try {
      run();
    } catch (error) {
      expect((error as Error).name).toBe('AbortError');
    }
  });

  it('summarizes counts with Wilson intervals when every run is its own market', () => {
    // 0 of 10: Wilson upper bound 0.2775 (a normal interval would claim [0, 0]).
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(5, 10)[0]).toBeCloseTo(0.2366, 4);
    // Ten one-run markets: 6 matched at the first program, 3 at the second, 1 unmatched.
    const outcomes = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2];
    const counts = new Int32Array(countsLength(2));
    for (const outcome of outcomes) {
      counts[outcome] = (counts[outcome] as number) + 1;
      counts[2 + 2 + outcome] = (counts[2 + 2 + outcome] as number) + 1;
      counts[2 * 2 + 3 + outcome] = (counts[2 * 2 + 3 + outcome] as number) + 1;
    }
    counts[3 * 2 + 4] = 10;
    counts[3 * 2 + 5] = 10;
    const summary = summarize(counts, tinyInput);
    expect(summary).toMatchObject({ runs: 10, pMatch: 0.9, pUnmatched: 0.1, unstableRuns: 0 });
    expect(summary.distribution.map((d) => d.probability)).toEqual([0.6, 0.3]);
    expect(summary.ci95).toEqual(wilsonInterval(9, 10));
    expect(summary.distribution[0]?.ci95).toEqual(wilsonInterval(6, 10));
  });

  it('counts runs that share a market as correlated: perfectly correlated runs are worth one run per market', () => {
    const shared = simulateRankList(tinyInput, { runs: 2000, seed: 4, sampler: repeatingSampler });
    const markets = 2000 / repeatingSampler.runsPerMarket;
    const asMarkets = wilsonInterval(shared.pMatch * markets, markets);
    console.log(
      `repeating markets: P(match) ${shared.pMatch.toFixed(4)}, interval [${shared.ci95.map((x) => x.toFixed(4)).join(', ')}], ` +
        `as ${markets} runs [${asMarkets.map((x) => x.toFixed(4)).join(', ')}]`,
    );
    expect(shared.ci95[0]).toBeCloseTo(asMarkets[0], 6);
    expect(shared.ci95[1]).toBeCloseTo(asMarkets[1], 6);
    const naive = wilsonInterval(shared.pMatch * 2000, 2000);
    expect(shared.ci95[1] - shared.ci95[0]).toBeGreaterThan(2.5 * (naive[1] - naive[0]));
  });

  it('refuses a chunk that would split a market between workers', () => {
    expect(() =>
      runSimulationChunk({ input: tinyInput, seed: 9, runs: 8, firstRun: 2 }, tinySampler),
    ).toThrow(RangeError);
    expect(alignChunkRuns(2, tinySampler)).toBe(4);
    expect(alignChunkRuns(50, tinySampler)).toBe(52);
  });

  it('rejects a rank list it cannot simulate: no positions, a log-odds that is not a number, a screen without a base', () => {
    const noPositions = { ...tinyInput, programs: [ranked('X', 0)] };
    expect(() => simulateRankList(noPositions, { runs: 1, seed: 1 })).toThrow(RangeError);
    const badExtra = { ...tinyInput, programs: [ranked('X', 4, Number.NaN)] };
    expect(() => simulateRankList(badExtra, { runs: 1, seed: 1 })).toThrow(RangeError);
    const badScreen = { ...tinyInput, screen: { ...usImg, base: Number.POSITIVE_INFINITY } };
    expect(() => simulateRankList(badScreen, { runs: 1, seed: 1 })).toThrow(RangeError);
    const badScore = { ...tinyInput, screen: { ...usImg, score: 900 } };
    expect(() => simulateRankList(badScore, { runs: 1, seed: 1 })).toThrow(RangeError);
  });
});

describe('Monte Carlo in the family medicine market', () => {
  it('a U.S. MD senior with Step 2 CK 255 and ten interviews matches more often than a US IMG with one', () => {
    const usMd = screenOf(
      usImgProfile({
        applicantType: 'us-md',
        graduationYear: 2027,
        exams: { ...usImgProfile().exams, step2ck: 255 },
        letters: { total: 3, us: 3, inSpecialty: 2 },
      }),
    );
    const strong: SimulationInput = {
      programs: Array.from({ length: 10 }, (_, i) => ranked(`P${i}`, i % 2 === 0 ? 6 : null)),
      screen: usMd,
    };
    const longShot: SimulationInput = { programs: [ranked('Only', 4)], screen: usImg };
    const a = simulateRankList(strong, { runs: 12, seed: 3 });
    const b = simulateRankList(longShot, { runs: 12, seed: 3 });
    expect(a.pMatch).toBeGreaterThan(0.9);
    expect(b.pMatch).toBeLessThan(a.pMatch);
    expect(a.distribution[0]?.probability ?? 0).toBeGreaterThan(a.distribution[9]?.probability ?? 0);
  });
});
