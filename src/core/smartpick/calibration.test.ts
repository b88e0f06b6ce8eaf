import { describe, expect, it } from 'vitest';
import { APPLICANT_TYPES, type ApplicantType } from '../profile/applicant-profile.js';
import {
  buildCalibrationPopulation,
  type CalibrationRow,
  compareShares,
  expectedMatches,
  fitIntercepts,
} from './calibration.js';
import { CALIBRATION_TARGETS, DEFAULT_PARAMETERS } from './model-parameters.js';
import { sigmoid } from './probability.js';

/** Tolerance for the 2024 shares the intercepts were fitted to: a fit, so it must be tight. */
const FIT_TOLERANCE_POINTS = 0.5;

function table(title: string, rows: CalibrationRow[]): string {
  const lines = rows.map(
    (row) =>
      `  ${row.applicantType.padEnd(11)} applicants ${String(row.applicants).padStart(5)}  published ${String(row.target).padStart(5)}  model ${row.expected.toFixed(0).padStart(5)}  share ${(row.targetShare * 100).toFixed(1).padStart(5)}% vs ${(row.modelShare * 100).toFixed(1).padStart(5)}%  gap ${row.gapPoints >= 0 ? '+' : ''}${row.gapPoints.toFixed(2)} points`,
  );
  return [title, ...lines].join('\n');
}

describe('calibration against the published 2024 family medicine Match (nrmp-family-medicine.md)', () => {
  const population = buildCalibrationPopulation(DEFAULT_PARAMETERS);
  const expected = expectedMatches(population, DEFAULT_PARAMETERS.interview.intercept, DEFAULT_PARAMETERS);

  it(`reproduces the 2024 matched shares by applicant type within ±${FIT_TOLERANCE_POINTS} points`, () => {
    const rows = compareShares(expected, CALIBRATION_TARGETS.fit2024);
    const worst = Math.max(...rows.map((row) => Math.abs(row.gapPoints)));
    console.log(
      `${table('Calibration, 2024 (fitted):', rows)}\n  tolerance ±${FIT_TOLERANCE_POINTS} points; largest gap ${worst.toFixed(2)} points`,
    );
    for (const row of rows) {
      expect(Math.abs(row.gapPoints)).toBeLessThanOrEqual(FIT_TOLERANCE_POINTS);
      expect(Math.abs(row.expected - row.target) / row.target).toBeLessThan(0.02);
    }
  });

  it('misses the 2023 shares (held out) by no more than the published 2023-to-2024 drift plus 0.5 points', () => {
    const rows = compareShares(expected, CALIBRATION_TARGETS.holdout2023);
    const drift = compareShares(CALIBRATION_TARGETS.fit2024, CALIBRATION_TARGETS.holdout2023);
    console.log(
      `${table('Holdout, 2023 (not fitted):', rows)}\n  tolerance per type = |published 2024 share − 2023 share| + 0.5 points: ${drift
        .map((row) => `${row.applicantType} ${(Math.abs(row.gapPoints) + 0.5).toFixed(2)}`)
        .join(', ')}`,
    );
    rows.forEach((row, index) => {
      expect(Math.abs(row.gapPoints)).toBeLessThanOrEqual(Math.abs(drift[index]?.gapPoints ?? 0) + 0.5);
    });
  });

  it('keeps the frozen intercepts in model-parameters.ts equal to a fresh fit (±0.02)', () => {
    const fitted = fitIntercepts(population, CALIBRATION_TARGETS.fit2024, DEFAULT_PARAMETERS);
    const interviews = Object.fromEntries(APPLICANT_TYPES.map((type) => [type, [0, 0]])) as Record<
      ApplicantType,
      [number, number]
    >;
    for (let a = 0; a < population.types.length; a++) {
      const type = population.types[a] as ApplicantType;
      const entry = interviews[type];
      for (let i = population.offsets[a] as number; i < (population.offsets[a + 1] as number); i++) {
        entry[0] += sigmoid((population.logOdds[i] as number) + DEFAULT_PARAMETERS.interview.intercept[type]);
      }
      entry[1]++;
    }
    console.log(
      `Fitted intercepts ${JSON.stringify(fitted)}; implied mean interview offers per applicant: ${APPLICANT_TYPES.map(
        (type) => `${type} ${(interviews[type][0] / interviews[type][1]).toFixed(1)}`,
      ).join(', ')}`,
    );
    for (const type of APPLICANT_TYPES) {
      expect(Math.abs(fitted[type] - DEFAULT_PARAMETERS.interview.intercept[type])).toBeLessThanOrEqual(0.02);
    }
    // Sanity of the fit's shape: U.S. graduates start above IMGs, as the PD survey's accreditation line implies.
    expect(fitted['us-md']).toBeGreaterThan(fitted['us-img']);
    expect(fitted['us-do']).toBeGreaterThan(fitted['non-us-img']);
  });
});
