import { describe, expect, it } from 'vitest';
import { simulateRankList } from '../match/monte-carlo.js';
import type { ApplicantType } from '../profile/applicant-profile.js';
import { interviewedOdds, rankListSimulationInput } from './rank-list-odds.js';
import { seededRandom, syntheticPrograms } from './synthetic-market.js';
import { usImgProfile } from './test-support.js';

/**
 * One model, one answer: for the same applicant and the same programs, My list's P(match) given interviews there
 * (the product of reach chances, rank-list-odds.ts) and the simulated Matches of the rank list (match/monte-carlo.ts,
 * which draws every unknown program fact given the interview and runs the Match) must agree. Seeds are printed so a
 * failing case can be rerun alone.
 */
const CASES = 20;
const RUNS = 200;
const TYPES: ApplicantType[] = ['us-img', 'non-us-img', 'us-md', 'us-do'];

describe('My list and the rank-list simulation agree', () => {
  it(`within 5 points for each of ${CASES} applicants × lists, beyond the simulation's own 95% interval`, () => {
    const catalog = syntheticPrograms({ count: 300, seed: 3, knownRate: 0.4 });
    const random = seededRandom(20261202);
    const rows: { seed: number; label: string; model: number; simulated: number; ci: [number, number] }[] =
      [];
    for (let i = 0; i < CASES; i++) {
      const applicantType = TYPES[i % TYPES.length] as ApplicantType;
      const base = usImgProfile();
      const profile = usImgProfile({
        applicantType,
        visaNeed: applicantType === 'non-us-img' && i % 3 === 0 ? 'j1' : 'none',
        exams: { ...base.exams, step2ck: 215 + Math.floor(random() * 40) },
        usce: { handsOnMonths: Math.floor(random() * 8), observershipMonths: 0, researchMonths: 0 },
      });
      const size = 1 + Math.floor(random() * 8);
      const picked = new Set<number>();
      while (picked.size < size) picked.add(Math.floor(random() * catalog.length));
      const programs = [...picked].map((index) => catalog[index] as (typeof catalog)[number]);
      const model = interviewedOdds({ profile, programs }).probability;
      const seed = 1000 + i;
      const summary = simulateRankList(rankListSimulationInput({ profile, programs }), { runs: RUNS, seed });
      rows.push({
        seed,
        label: `${applicantType} Step 2 CK ${profile.exams.step2ck}, ${size} program(s)`,
        model,
        simulated: summary.pMatch,
        ci: summary.ci95,
      });
    }
    const table = rows.map(
      (row) =>
        `seed ${row.seed} ${row.label}: model ${(100 * row.model).toFixed(1)}%, simulated ${(100 * row.simulated).toFixed(1)}% (95% ${(100 * row.ci[0]).toFixed(1)}–${(100 * row.ci[1]).toFixed(1)}), gap ${(100 * (row.model - row.simulated)).toFixed(1)}`,
    );
    console.log(`Agreement, ${RUNS} simulated Matches per case:\n${table.join('\n')}`);
    const meanGap = rows.reduce((sum, row) => sum + Math.abs(row.model - row.simulated), 0) / rows.length;
    console.log(`Mean absolute gap ${(100 * meanGap).toFixed(1)} points`);
    // A case agrees when the model lies within 5 points of the simulation's 95% interval: 200 runs cannot pin the
    // simulated figure closer than about ±7 points, so the interval's own width is allowed for, and no more.
    expect(meanGap, table.join('\n')).toBeLessThanOrEqual(0.05);
    for (const row of rows) {
      expect(row.model, table.join('\n')).toBeGreaterThanOrEqual(row.ci[0] - 0.05);
      expect(row.model, table.join('\n')).toBeLessThanOrEqual(row.ci[1] + 0.05);
    }
  }, 600_000);
});
