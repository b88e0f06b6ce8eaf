import { describe, expect, it } from 'vitest';
import { applicationCost } from './fee-schedule.js';
import { matchProbabilityFromReach } from './match-model.js';
import { ERAS_2026_FEE_SCHEDULE } from './model-parameters.js';
import { type Recommendation, recommend } from './recommend.js';
import { seededRandom, syntheticPrograms } from './synthetic-market.js';
import { fact, MATCH_YEAR, program, usImgProfile } from './test-support.js';

const market = syntheticPrograms({ count: 800, seed: 11, knownRate: 0.5 });
const profile = usImgProfile();
const settings = { matchYear: MATCH_YEAR, budget: { kind: 'programs' as const, programs: 60 }, signals: 5 };

function ok(result: ReturnType<typeof recommend>): Recommendation {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** P(match) of a list: 1 − Π(1 − reach), reach the chance of an interview whose offer reaches you. */
const pMatchOf = (reach: number[]) => matchProbabilityFromReach(reach);

describe('SmartPick for a US IMG with Step 2 CK 235, 3 months of USCE and a 60-program budget (800 programs)', () => {
  const result = ok(recommend({ profile, programs: market, settings }));

  it('accounts for every program, in or out, with a reason', () => {
    expect(result.programs).toHaveLength(market.length);
    for (const verdict of result.programs) expect(verdict.why.length).toBeGreaterThan(10);
    expect(result.list.every((entry) => entry.status === 'in')).toBe(true);
    expect(result.programs.filter((entry) => entry.status === 'in')).toHaveLength(result.list.length);
  });

  it('stays within budget and numbers the list 1..n in the order programs joined', () => {
    expect(result.list.length).toBeLessThanOrEqual(60);
    expect(result.list.map((entry) => entry.position)).toEqual(result.list.map((_, i) => i + 1));
    expect(result.pMatch.cost).toBe(applicationCost(result.list.length, ERAS_2026_FEE_SCHEDULE));
  });

  it('reports P(match) = 1 − Π(1 − reach) over the listed programs, inside its range, and the expected interviews', () => {
    const recomputed = pMatchOf(result.list.map((entry) => entry.reach ?? 0));
    expect(result.pMatch.probability).toBeCloseTo(recomputed, 12);
    const expected = result.list.reduce((sum, entry) => sum + (entry.interview?.probability ?? 0), 0);
    expect(result.pMatch.expectedInterviews).toBeCloseTo(expected, 12);
    for (const entry of result.list)
      expect(entry.reach ?? 0).toBeLessThanOrEqual(entry.interview?.probability ?? 0);
    expect(result.pMatch.range[0]).toBeLessThanOrEqual(result.pMatch.probability);
    expect(result.pMatch.range[1]).toBeGreaterThanOrEqual(result.pMatch.probability);
  });

  it('draws a P(match) curve that never falls, with cumulative ERAS cost, past the budget', () => {
    for (let i = 1; i < result.curve.length; i++) {
      expect(result.curve[i]?.pMatch).toBeGreaterThanOrEqual((result.curve[i - 1]?.pMatch ?? 0) - 1e-12);
      expect(result.curve[i]?.cumulativeCost).toBe(applicationCost(i + 1, ERAS_2026_FEE_SCHEDULE));
    }
    expect(result.curve.some((point) => !point.withinBudget)).toBe(true);
  });

  it('places 5 signals on listed programs and explains each', () => {
    expect(result.signals).toHaveLength(5);
    const listed = new Set(result.list.map((entry) => entry.acgmeId));
    for (const signal of result.signals) {
      expect(listed.has(signal.acgmeId)).toBe(true);
      expect(signal.interviewWith).toBeGreaterThan(signal.interviewWithout);
      expect(signal.why).toMatch(/P\(interview\) \d+% → \d+%/);
    }
  });

  it('sorts the list into tiers and explains listed programs factor by factor', () => {
    expect(result.tiers.reach + result.tiers.target + result.tiers.likely).toBe(result.list.length);
    for (const entry of result.list) expect(entry.interview?.contributions.length).toBe(14);
  });

  it('is the same for identical inputs, and for the same programs in another order', () => {
    const again = ok(recommend({ profile, programs: market, settings }));
    expect(again).toEqual(result);
    const random = seededRandom(3);
    const shuffled = [...market].sort(() => random() - 0.5);
    const reordered = ok(recommend({ profile, programs: shuffled, settings }));
    expect(reordered.list.map((entry) => entry.acgmeId)).toEqual(result.list.map((entry) => entry.acgmeId));
  });

  it('beats the 60 best-fitting programs and random 60-program lists at the same budget', () => {
    const noSignals = ok(
      recommend({ profile, programs: market, settings: { ...settings, signals: 0, stopThreshold: 0 } }),
    );
    const eligible = noSignals.programs.filter((entry) => entry.interview !== null);
    const chance = (entry: (typeof eligible)[number]) => entry.reach ?? 0;
    const byFit = [...eligible].sort((a, b) => (b.fit?.score ?? 0) - (a.fit?.score ?? 0)).slice(0, 60);
    const random = seededRandom(9);
    let bestRandom = 0;
    for (let trial = 0; trial < 100; trial++) {
      const pick = [...eligible].sort(() => random() - 0.5).slice(0, 60);
      bestRandom = Math.max(bestRandom, pMatchOf(pick.map(chance)));
    }
    const ours = noSignals.pMatch.probability;
    console.log(
      `US IMG, 60 programs: SmartPick ${(ours * 100).toFixed(1)}%, greedy-by-fit ${(pMatchOf(byFit.map(chance)) * 100).toFixed(1)}%, best of 100 random ${(bestRandom * 100).toFixed(1)}%`,
    );
    expect(noSignals.list).toHaveLength(60);
    expect(ours).toBeGreaterThan(pMatchOf(byFit.map(chance)));
    expect(ours).toBeGreaterThan(bestRandom);
  });
});

describe('SmartPick respects what the applicant and the programs say', () => {
  const programs = [
    program(1, { acceptsImgs: fact(false), imgShare: fact(0.6) }),
    program(2, { imgShare: fact(0.6) }),
    program(3, { imgShare: fact(0.02) }),
    program(4, { imgShare: fact(0.5) }, { state: 'NY' }),
    program(5, { imgShare: fact(0.5) }),
    program(6, { imgShare: fact(0.5) }, { specialty: 'internal-medicine' }),
  ];
  const base = { matchYear: MATCH_YEAR, signals: 0, budget: { kind: 'programs' as const, programs: 3 } };

  it('leaves out a program that excludes IMGs, and keeps an unknown one flagged "check"', () => {
    const result = ok(recommend({ profile, programs, settings: base }));
    const byId = new Map(result.programs.map((entry) => [entry.acgmeId, entry]));
    expect(byId.get(programs[0]?.acgmeId ?? '')?.code).toBe('hard-filter');
    expect(byId.get(programs[1]?.acgmeId ?? '')?.status).toBe('in');
    expect(byId.get(programs[1]?.acgmeId ?? '')?.checks.map((check) => check.filter)).toContain('no-imgs');
    expect(byId.get(programs[5]?.acgmeId ?? '')?.code).toBe('other-specialty');
  });

  it('always includes a pin and never an exclusion; an excluded state is out', () => {
    const longShot = programs[2]?.acgmeId ?? '';
    const excluded = programs[1]?.acgmeId ?? '';
    const result = ok(
      recommend({
        profile: usImgProfile({ geography: { ...profile.geography, excludedStates: ['NY'] } }),
        programs,
        settings: { ...base, pins: [longShot], excludes: [excluded] },
      }),
    );
    const byId = new Map(result.programs.map((entry) => [entry.acgmeId, entry]));
    expect(byId.get(longShot)?.code).toBe('pinned');
    expect(result.list[0]?.acgmeId).toBe(longShot);
    expect(byId.get(excluded)?.code).toBe('excluded-by-you');
    expect(byId.get(programs[3]?.acgmeId ?? '')?.code).toBe('excluded-state');
  });

  it('breaks a tie between equal chances by the stars the user gave', () => {
    const twins = [program(10, { imgShare: fact(0.5) }), program(11, { imgShare: fact(0.5) })];
    const starred = twins[1]?.acgmeId ?? '';
    for (const fitTolerance of [0, 0.05]) {
      const result = ok(
        recommend({
          profile,
          programs: twins,
          settings: {
            ...base,
            regionMode: 'any',
            fitTolerance,
            budget: { kind: 'programs', programs: 1 },
            stars: { [starred]: 5 },
          },
        }),
      );
      expect(result.list.map((entry) => entry.acgmeId)).toEqual([starred]);
    }
  });

  it('with "prefer" lists at most 40% of the budget outside Florida and the South Atlantic', () => {
    const catalog = syntheticPrograms({ count: 300, seed: 5, knownRate: 0.5 });
    const result = ok(
      recommend({
        profile,
        programs: catalog,
        settings: { ...base, budget: { kind: 'programs', programs: 20 } },
      }),
    );
    expect(result.regions.mode).toBe('prefer');
    expect(result.regions.outsideCap).toBe(8);
    expect(result.list.filter((entry) => entry.outsideRegions).length).toBeLessThanOrEqual(8);
    expect(result.list).toHaveLength(20);
    const any = ok(
      recommend({
        profile,
        programs: catalog,
        settings: { ...base, regionMode: 'any', budget: { kind: 'programs', programs: 20 } },
      }),
    );
    expect(any.pMatch.probability).toBeGreaterThanOrEqual(result.pMatch.probability);
    expect(result.preferenceCost).toBeCloseTo(any.pMatch.probability - result.pMatch.probability, 9);
  });

  it('with "prefer" and no program in the preferred places, still spends a budget of 1 on the best program', () => {
    const ohio = [program(20, { imgShare: fact(0.5) }), program(21, { imgShare: fact(0.3) })];
    const result = ok(
      recommend({
        profile,
        programs: ohio,
        settings: { ...base, budget: { kind: 'programs', programs: 1 } },
      }),
    );
    expect(result.list).toHaveLength(1);
  });
});

describe('budgets and the stop point', () => {
  it('turns $1,000 into at most 52 programs under the 2026 ERAS fees', () => {
    const result = ok(
      recommend({
        profile,
        programs: market,
        settings: { matchYear: MATCH_YEAR, budget: { kind: 'dollars', dollars: 1000 }, stopThreshold: 0 },
      }),
    );
    expect(result.budget.programs).toBe(52);
    expect(result.list).toHaveLength(52);
    expect(result.pMatch.cost).toBeLessThanOrEqual(1000);
  });

  it('stops early when the next program adds less than a 1-point threshold, and says so', () => {
    const result = ok(
      recommend({
        profile,
        programs: market,
        settings: { ...settings, budget: { kind: 'programs', programs: 200 }, stopThreshold: 0.01 },
      }),
    );
    expect(result.stopPoint.size).toBeLessThan(200);
    expect(result.stopPoint.why).toMatch(/less than your threshold/);
    expect(result.programs.some((entry) => entry.code === 'below-stop-point')).toBe(true);
    const next = result.curve[result.stopPoint.size];
    expect(next?.marginalGain).toBeLessThan(0.01);
  });

  it('puts the stop point after the last program within budget that still adds the threshold', () => {
    const result = ok(
      recommend({
        profile,
        programs: market,
        settings: { ...settings, budget: { kind: 'programs', programs: 200 }, stopThreshold: 0.002 },
      }),
    );
    const gains = result.curve.slice(0, 200).map((point) => point.marginalGain);
    expect(result.stopPoint.size).toBe(gains.findLastIndex((gain) => gain >= 0.002) + 1);
    for (const gain of gains.slice(result.stopPoint.size)) expect(gain).toBeLessThan(0.002);
  });

  it('answers an empty catalog with an empty list, P(match) 0 and a warning', () => {
    const result = ok(recommend({ profile, programs: [], settings }));
    expect(result.list).toEqual([]);
    expect(result.pMatch.probability).toBe(0);
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('returns the problem, by field, for settings it cannot use', () => {
    const result = recommend({ profile, programs: market, settings: { stopThreshold: 2, signals: -1 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining(['settings.stopThreshold', 'settings.signals']),
      );
    }
  });
});
