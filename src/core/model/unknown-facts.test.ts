import { describe, expect, it } from 'vitest';
import type { ApplicantProfile } from '../profile/applicant-profile.js';
import { estimateInterview } from '../smartpick/interview-model.js';
import { DEFAULT_PARAMETERS } from '../smartpick/model-parameters.js';
import { sigmoid } from '../smartpick/probability.js';
import { normal, seededRandom } from '../smartpick/synthetic-market.js';
import { features, program, usImgProfile } from '../smartpick/test-support.js';
import { applicantScreen } from './applicant-screen.js';
import { PROGRAM_PRIORS } from './program-priors.js';
import { type ProgramTruth, screeningLogOdds } from './screening.js';

/**
 * Uncertainty counted (issue 15, item 9): at a program whose facts are all unknown, SmartPick's P(interview) is the
 * expectation over the program priors. Here the same expectation is taken by brute force: draw the program's truth
 * from PROGRAM_PRIORS exactly as the simulated Match draws it (match/market-model/generate-market.ts, drawTruth),
 * screen with screening.ts, average σ(L).
 */
const DRAWS = 20_000;

function drawTruth(random: () => number): ProgramTruth {
  const priors = PROGRAM_PRIORS;
  let mixtureTotal = 0;
  for (const piece of priors.imgShareMixture) mixtureTotal += piece.weight;
  let roll = random() * mixtureTotal;
  let imgShare = 0;
  for (const piece of priors.imgShareMixture) {
    roll -= piece.weight;
    if (roll < 0) {
      imgShare = piece.low + random() * (piece.high - piece.low);
      break;
    }
  }
  return {
    typicalStep2: priors.typicalStep2Mean + priors.typicalStep2Sd * normal(random),
    imgShare,
    acceptsImgs: !(imgShare < priors.noImgsWhenShareBelow && random() < priors.noImgsChance),
    sponsorsJ1: random() < priors.sponsorsJ1,
    sponsorsH1b: random() < priors.sponsorsH1b,
    house: priors.houseSd * normal(random),
    yearsLeaning: priors.yearsLeaningSd * normal(random),
    attemptsLeaning: priors.attemptsLeaningSd * normal(random),
    usceLeaning: priors.usceLeaningSd * normal(random),
  };
}

function simulatedInterviewChance(profile: ApplicantProfile, seed: number) {
  const screen = applicantScreen(features(profile), DEFAULT_PARAMETERS);
  const random = seededRandom(seed);
  let sum = 0;
  let sumSquares = 0;
  let logOddsSum = 0;
  let considered = 0;
  for (let i = 0; i < DRAWS; i++) {
    // No ties, preference or network at an Ohio program for these applicants: nothing only they know (extra 0).
    const logOdds = screeningLogOdds(screen, drawTruth(random), 0, DEFAULT_PARAMETERS);
    const p = sigmoid(logOdds);
    sum += p;
    sumSquares += p * p;
    if (logOdds > Number.NEGATIVE_INFINITY) {
      logOddsSum += logOdds;
      considered++;
    }
  }
  const mean = sum / DRAWS;
  return {
    mean,
    se: Math.sqrt((sumSquares / DRAWS - mean * mean) / DRAWS),
    /** The old point: the logistic of the mean log-odds (times the chance of not being screened out). */
    logisticOfMean: (considered / DRAWS) * sigmoid(logOddsSum / considered),
  };
}

const examples: [string, ApplicantProfile][] = [
  ['a US IMG with Step 2 CK 235, 3 months of hands-on USCE, graduated 2025', usImgProfile()],
  [
    'a US IMG with Step 2 CK 222, 1 month of USCE, graduated 2019, one failed Step 1',
    usImgProfile({
      graduationYear: 2019,
      exams: { ...usImgProfile().exams, step2ck: 222, step1Attempts: 2 },
      usce: { handsOnMonths: 1, observershipMonths: 0, researchMonths: 0 },
    }),
  ],
  [
    'a non-U.S. IMG needing a J-1 with Step 2 CK 245 and 6 months of USCE',
    usImgProfile({
      applicantType: 'non-us-img',
      visaNeed: 'j1',
      exams: { ...usImgProfile().exams, step2ck: 245 },
      usce: { handsOnMonths: 6, observershipMonths: 0, researchMonths: 0 },
    }),
  ],
  [
    'a U.S. MD senior with Step 2 CK 250',
    usImgProfile({
      applicantType: 'us-md',
      graduationYear: 2027,
      exams: { ...usImgProfile().exams, step2ck: 250 },
      letters: { total: 3, us: 3, inSpecialty: 2 },
    }),
  ],
];

describe('expected interviews at programs with no facts known agree with drawing the facts from their priors', () => {
  for (const [name, profile] of examples) {
    it(`for ${name}`, () => {
      const estimate = estimateInterview({
        applicant: features(profile),
        program: program(1, {}, { state: 'OH' }),
      });
      const simulated = simulatedInterviewChance(profile, 2024);
      console.log(
        `${name}: SmartPick ${(estimate.probability * 100).toFixed(2)}%, ${DRAWS.toLocaleString('en-US')} draws ${(simulated.mean * 100).toFixed(2)}% ± ${(simulated.se * 100).toFixed(2)} (SE), logistic of the mean log-odds ${(simulated.logisticOfMean * 100).toFixed(2)}%`,
      );
      expect(Math.abs(estimate.probability - simulated.mean)).toBeLessThan(Math.max(0.005, 3 * simulated.se));
      // 60 such programs: expected interviews agree within 0.3.
      expect(Math.abs(60 * estimate.probability - 60 * simulated.mean)).toBeLessThan(0.3);
    });
  }

  it('and the point is not the logistic of the mean log-odds (the old value), which understates an IMG where the IMG share is unknown', () => {
    const profile = examples[0]?.[1] as ApplicantProfile;
    const estimate = estimateInterview({
      applicant: features(profile),
      program: program(1, {}, { state: 'OH' }),
    });
    const simulated = simulatedInterviewChance(profile, 7);
    expect(estimate.unknownFacts).toContain('imgShare');
    expect(simulated.mean / simulated.logisticOfMean).toBeGreaterThan(1.3);
    expect(estimate.probability / simulated.logisticOfMean).toBeGreaterThan(1.3);
    expect(Math.abs(estimate.probability - simulated.mean)).toBeLessThan(Math.max(0.005, 3 * simulated.se));
  });
});
