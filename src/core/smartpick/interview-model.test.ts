import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgramFacts } from '../catalog/program.js';
import { PROGRAM_PRIORS } from '../model/program-priors.js';
import { estimateInterview } from './interview-model.js';
import { DEFAULT_PARAMETERS } from './model-parameters.js';
import { sigmoid } from './probability.js';
import { fact, features, program, usImgProfile, withStep2 } from './test-support.js';
import type { FactorId, ProgramConnections } from './types.js';

const contribution = (estimate: ReturnType<typeof estimateInterview>, factor: FactorId) =>
  estimate.contributions.find((entry) => entry.factor === factor)?.logOdds ?? Number.NaN;

describe('P(interview) for a US IMG with Step 2 CK 235 and 3 months of USCE', () => {
  const applicant = features(usImgProfile());

  it('sits below the program expectation at a program whose typical Step 2 CK is 245, and says so', () => {
    const estimate = estimateInterview({ applicant, program: program(1, { typicalStep2Score: fact(245) }) });
    expect(contribution(estimate, 'step2ck')).toBeCloseTo(-0.8, 6);
    const reason = estimate.contributions.find((entry) => entry.factor === 'step2ck')?.reason;
    expect(reason).toContain("program's typical 245");
  });

  it('is higher at an IMG-heavy program than at one with few IMGs', () => {
    const friendly = estimateInterview({ applicant, program: program(1, { imgShare: fact(0.7) }) });
    const unfriendly = estimateInterview({ applicant, program: program(2, { imgShare: fact(0.05) }) });
    expect(friendly.probability).toBeGreaterThan(unfriendly.probability);
    expect(contribution(friendly, 'img-share')).toBeGreaterThan(0);
    expect(contribution(unfriendly, 'img-share')).toBeLessThan(0);
  });

  it('gains from ties to Florida at a Florida program', () => {
    const florida = estimateInterview({ applicant, program: program(1, {}, { state: 'FL' }) });
    const ohio = estimateInterview({ applicant, program: program(1, {}, { state: 'OH' }) });
    expect(contribution(florida, 'geographic-ties')).toBeCloseTo(
      DEFAULT_PARAMETERS.interview.geography.tiesState,
      9,
    );
    expect(florida.probability).toBeGreaterThan(ohio.probability);
  });

  it('gains from a rotation there, more with a letter writer there too, but connections overlap', () => {
    const none = estimateInterview({ applicant, program: program(1) });
    const rotated = estimateInterview({
      applicant,
      program: program(1),
      connections: { rotated: true, letterWriter: false, contact: false },
    });
    const both = estimateInterview({
      applicant,
      program: program(1),
      connections: { rotated: true, letterWriter: true, contact: false },
    });
    const n = DEFAULT_PARAMETERS.interview.network;
    expect(rotated.probability).toBeGreaterThan(none.probability);
    expect(both.probability).toBeGreaterThan(rotated.probability);
    expect(both.logOdds - none.logOdds).toBeCloseTo(n.letterWriter + 0.5 * n.rotated, 9);
    expect(both.logOdds - none.logOdds).toBeLessThan(n.letterWriter + n.rotated);
  });

  it('gains e^1 in odds from a signal', () => {
    const plain = estimateInterview({ applicant, program: program(1) });
    const signaled = estimateInterview({ applicant, program: program(1), signaled: true });
    expect(signaled.logOdds - plain.logOdds).toBeCloseTo(DEFAULT_PARAMETERS.interview.signal, 9);
  });

  it('counts unknown facts in the chance, not only in the band: at an Ohio program with no facts known the chance is higher than at one with average facts, and the band wider', () => {
    const known = estimateInterview({
      applicant,
      program: program(1, {
        typicalStep2Score: fact(240),
        imgShare: fact(DEFAULT_PARAMETERS.interview.imgShare.nationalShare),
        acceptsImgs: fact(true),
        minUsceMonths: fact(0),
        maxYearsSinceGraduation: fact(5),
      }),
    });
    const unknown = estimateInterview({ applicant, program: program(1) });
    const width = (estimate: typeof known) => estimate.range[1] - estimate.range[0];
    // At low odds the logistic is convex: averaging over what is unknown raises the expected chance.
    expect(unknown.probability).toBeGreaterThan(known.probability);
    expect(unknown.probability).toBeGreaterThan(sigmoid(unknown.logOdds));
    expect(width(unknown)).toBeGreaterThan(width(known));
    expect(unknown.range[0]).toBeLessThan(unknown.probability);
    expect(unknown.range[1]).toBeGreaterThan(unknown.probability);
    expect(unknown.unknownFacts).toEqual(
      expect.arrayContaining(['typicalStep2Score', 'imgShare', 'acceptsImgs', 'minUsceMonths']),
    );
    expect(known.unknownFacts).toEqual([]);
  });

  it('adds up: log-odds are the sum of the contributions, and every factor has a reason', () => {
    const estimate = estimateInterview({
      applicant,
      program: program(1, { imgShare: fact(0.4) }),
      signaled: true,
      connections: { rotated: false, letterWriter: false, contact: true },
    });
    const sum = estimate.contributions.reduce((total, entry) => total + entry.logOdds, 0);
    expect(sum).toBeCloseTo(estimate.logOdds, 9);
    expect(estimate.contributions).toHaveLength(14);
    for (const entry of estimate.contributions) expect(entry.reason.length).toBeGreaterThan(5);
  });
});

describe('a non-U.S. IMG who needs a J-1', () => {
  const applicant = features(usImgProfile({ applicantType: 'non-us-img', visaNeed: 'j1' }));
  it('has, where J-1 sponsorship is unknown, the chance that the program sponsors it (70%) times the chance where it does', () => {
    const sponsors = estimateInterview({ applicant, program: program(1, { visaJ1: fact(true) }) });
    const unknown = estimateInterview({ applicant, program: program(1) });
    expect(unknown.probability / sponsors.probability).toBeCloseTo(PROGRAM_PRIORS.sponsorsJ1, 9);
    expect(unknown.unknownFacts).toContain('visaJ1');
    expect(contribution(sponsors, 'visa')).toBe(DEFAULT_PARAMETERS.interview.visa.sponsorshipKnown);
  });

  it('has no chance of an interview where the program is known not to sponsor the J-1, as the simulator screens', () => {
    const refuses = estimateInterview({ applicant, program: program(1, { visaJ1: fact(false) }) });
    const noImgs = estimateInterview({ applicant, program: program(2, { acceptsImgs: fact(false) }) });
    expect(refuses.probability).toBe(0);
    expect(noImgs.probability).toBe(0);
  });
});

const factsArbitrary: fc.Arbitrary<ProgramFacts> = fc.record(
  {
    imgShare: fc.double({ min: 0, max: 1, noNaN: true }).map(fact),
    typicalStep2Score: fc.integer({ min: 200, max: 270 }).map(fact),
    visaJ1: fc.boolean().map(fact),
    visaH1b: fc.boolean().map(fact),
    acceptsImgs: fc.boolean().map(fact),
    maxYearsSinceGraduation: fc.integer({ min: 0, max: 15 }).map(fact),
    maxFailedAttempts: fc.integer({ min: 0, max: 3 }).map(fact),
    minUsceMonths: fc.integer({ min: 0, max: 12 }).map(fact),
  },
  { requiredKeys: [] },
);

const profileArbitrary = fc.record({
  applicantType: fc.constantFrom(
    'us-md' as const,
    'us-do' as const,
    'us-img' as const,
    'non-us-img' as const,
  ),
  visaNeed: fc.constantFrom('none' as const, 'j1' as const, 'h1b' as const),
  graduationYear: fc.integer({ min: 2010, max: 2027 }),
  handsOn: fc.integer({ min: 0, max: 24 }),
  observership: fc.integer({ min: 0, max: 12 }),
  usLetters: fc.integer({ min: 0, max: 4 }),
  step1Attempts: fc.integer({ min: 1, max: 3 }),
  tiesFlorida: fc.boolean(),
});

const connectionsArbitrary: fc.Arbitrary<ProgramConnections> = fc.record({
  rotated: fc.boolean(),
  letterWriter: fc.boolean(),
  contact: fc.boolean(),
});

function profileFromDraw(value: {
  applicantType: 'us-md' | 'us-do' | 'us-img' | 'non-us-img';
  visaNeed: 'none' | 'j1' | 'h1b';
  graduationYear: number;
  handsOn: number;
  observership: number;
  usLetters: number;
  step1Attempts: number;
  tiesFlorida: boolean;
}) {
  const base = usImgProfile();
  return {
    ...base,
    applicantType: value.applicantType,
    visaNeed: value.visaNeed,
    graduationYear: value.graduationYear,
    exams: { ...base.exams, step1Attempts: value.step1Attempts },
    usce: { handsOnMonths: value.handsOn, observershipMonths: value.observership, researchMonths: 0 },
    letters: { total: 3, us: value.usLetters, inSpecialty: 2 },
    geography: { ...base.geography, tiesStates: value.tiesFlorida ? ['FL'] : [] },
  };
}

describe('properties of P(interview)', () => {
  it('is a probability inside its own band, for any applicant and program', () => {
    fc.assert(
      fc.property(
        profileArbitrary,
        fc.option(fc.integer({ min: 180, max: 290 }), { nil: null }),
        factsArbitrary,
        connectionsArbitrary,
        fc.boolean(),
        (draw, step2, facts, connections, signaled) => {
          const applicant = features(withStep2(profileFromDraw(draw), step2));
          const estimate = estimateInterview({
            applicant,
            program: program(7, facts, { state: 'FL' }),
            connections,
            signaled,
          });
          const [low, high] = estimate.range;
          return (
            estimate.probability >= 0 &&
            estimate.probability <= 1 &&
            low >= 0 &&
            high <= 1 &&
            low <= estimate.probability &&
            estimate.probability <= high
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never falls when Step 2 CK rises, all else equal, at any program', () => {
    fc.assert(
      fc.property(
        profileArbitrary,
        fc.integer({ min: 180, max: 299 }),
        fc.integer({ min: 1, max: 60 }),
        factsArbitrary,
        connectionsArbitrary,
        fc.boolean(),
        (draw, score, rise, facts, connections, signaled) => {
          const profile = profileFromDraw(draw);
          const target = program(3, facts);
          const lower = estimateInterview({
            applicant: features(withStep2(profile, score)),
            program: target,
            connections,
            signaled,
          });
          const higher = estimateInterview({
            applicant: features(withStep2(profile, Math.min(300, score + rise))),
            program: target,
            connections,
            signaled,
          });
          return (
            higher.probability >= lower.probability &&
            higher.range[0] >= lower.range[0] &&
            higher.range[1] >= lower.range[1]
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
