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
  it(`within 5 points on average over ${CASES} applicants × lists, and no case off by more than 25`, () => {
    const catalog = syntheticPrograms({ count: 300, seed: 3, knownRate: 0.4 });
    const random = seededRandom(20261202);
    const rows: { seed: number; label: string; model: number; simulated: number; se: number }[] = [];
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
      const simulated = simulateRankList(rankListSimulationInput({ profile, programs }), {
        runs: RUNS,
        seed,
      }).pMatch;
      const se = Math.sqrt(Math.max(simulated * (1 - simulated), 0.01) / RUNS);
      rows.push({
        seed,
        label: `${applicantType} Step 2 CK ${profile.exams.step2ck}, ${size} program(s)`,
        model,
        simulated,
        se,
      });
    }
    const table = rows.map(
      (row) =>
        `seed ${row.seed} ${row.label}: model ${(100 * row.model).toFixed(1)}%, simulated ${(100 * row.simulated).toFixed(1)}% ± ${(100 * row.se).toFixed(1)}, gap ${(100 * (row.model - row.simulated)).toFixed(1)}`,
    );
    console.log(`Agreement, ${RUNS} simulated Matches per case:\n${table.join('\n')}`);
    const meanGap = rows.reduce((sum, row) => sum + Math.abs(row.model - row.simulated), 0) / rows.length;
    console.log(`Mean absolute gap ${(100 * meanGap).toFixed(1)} points`);
    // Measured at this commit: mean gap 4.6 points; the largest gaps (up to 21 points, model above simulation) are
    // weak IMGs with short lists, where the reach regression extrapolates (see the model card's limits).
    expect(meanGap, table.join('\n')).toBeLessThanOrEqual(0.05);
    for (const row of rows) {
      expect(Math.abs(row.model - row.simulated), table.join('\n')).toBeLessThanOrEqual(0.25);
    }
  }, 600_000);
});
