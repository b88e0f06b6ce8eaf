import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRAM_FACT_KEYS, type ProgramFacts } from '../catalog/program.js';
import { applyHardFilters, type HardFilterId } from './hard-filters.js';
import { fact, features, program, usImgProfile, withStep2 } from './test-support.js';

const FILTER_FACTS: Record<HardFilterId, (keyof ProgramFacts)[]> = {
  visa: ['visaJ1', 'visaH1b'],
  'graduation-year': ['maxYearsSinceGraduation'],
  attempts: ['maxFailedAttempts'],
  'score-minimum': ['minStep2Score'],
  'no-imgs': ['acceptsImgs'],
  'usce-minimum': ['minUsceMonths'],
};

describe('hard filters for a US IMG who graduated in 2025 (Step 2 CK 235, 3 months hands-on USCE)', () => {
  const applicant = features(usImgProfile());

  it('exclude a program that says it does not consider IMGs, citing the source', () => {
    const result = applyHardFilters({ applicant, program: program(1, { acceptsImgs: fact(false) }) });
    expect(result.excluded).toBe(true);
    expect(result.exclusions[0]?.filter).toBe('no-imgs');
    expect(result.exclusions[0]?.reason).toContain('program website');
  });

  it('keep a program whose IMG policy is unknown, flagged "check" with the question to ask', () => {
    const result = applyHardFilters({ applicant, program: program(1) });
    expect(result.excluded).toBe(false);
    expect(result.checks.map((check) => check.filter)).toEqual(
      expect.arrayContaining(['no-imgs', 'graduation-year', 'score-minimum', 'usce-minimum']),
    );
    expect(result.checks.find((check) => check.filter === 'no-imgs')?.whatToCheck).toMatch(
      /outside the U\.S\./,
    );
  });

  it('exclude on a stated Step 2 CK minimum above 235 but not on one of 230', () => {
    expect(applyHardFilters({ applicant, program: program(1, { minStep2Score: fact(240) }) }).excluded).toBe(
      true,
    );
    expect(applyHardFilters({ applicant, program: program(1, { minStep2Score: fact(230) }) }).excluded).toBe(
      false,
    );
  });

  it('exclude when graduated longer ago than the program allows (2 years before the 2027 Match vs a 1-year limit)', () => {
    expect(
      applyHardFilters({ applicant, program: program(1, { maxYearsSinceGraduation: fact(1) }) }).excluded,
    ).toBe(true);
    expect(
      applyHardFilters({ applicant, program: program(1, { maxYearsSinceGraduation: fact(3) }) }).excluded,
    ).toBe(false);
  });

  it('exclude when the USCE requirement is more than every month they have, and ask when only observerships would count', () => {
    const short = applyHardFilters({ applicant, program: program(1, { minUsceMonths: fact(6) }) });
    expect(short.excluded).toBe(true);
    const withObserverships = features(
      usImgProfile({ usce: { handsOnMonths: 3, observershipMonths: 3, researchMonths: 0 } }),
    );
    const ask = applyHardFilters({
      applicant: withObserverships,
      program: program(1, { minUsceMonths: fact(6) }),
    });
    expect(ask.excluded).toBe(false);
    expect(ask.checks.find((check) => check.filter === 'usce-minimum')?.whatToCheck).toMatch(/observerships/);
  });

  it('ask, not exclude, when two failures on different exams meet a limit of one that may be per exam', () => {
    const twice = features(
      usImgProfile({ exams: { ...usImgProfile().exams, step1Attempts: 2, step2ckAttempts: 2 } }),
    );
    const result = applyHardFilters({
      applicant: twice,
      program: program(1, { maxFailedAttempts: fact(1) }),
    });
    expect(result.excluded).toBe(false);
    expect(result.checks.find((check) => check.filter === 'attempts')?.whatToCheck).toMatch(
      /per exam or in total/,
    );
    expect(
      applyHardFilters({ applicant: twice, program: program(1, { maxFailedAttempts: fact(0) }) }).excluded,
    ).toBe(true);
  });

  it('do not ask a U.S. citizen about visas', () => {
    const result = applyHardFilters({ applicant, program: program(1, { visaJ1: fact(false) }) });
    expect(result.excluded).toBe(false);
    expect(result.checks.some((check) => check.filter === 'visa')).toBe(false);
  });
});

describe('hard filters for a non-U.S. IMG who needs an H-1B', () => {
  const applicant = features(usImgProfile({ applicantType: 'non-us-img', visaNeed: 'h1b' }));
  it('exclude a program known not to sponsor H-1B, mentioning that it does sponsor J-1', () => {
    const result = applyHardFilters({
      applicant,
      program: program(1, { visaH1b: fact(false), visaJ1: fact(true) }),
    });
    expect(result.excluded).toBe(true);
    expect(result.exclusions[0]?.reason).toMatch(/J-1 would keep it open/);
  });
});

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary.map(fact), { nil: undefined });
const factsArbitrary = fc
  .record({
    visaJ1: maybe(fc.boolean()),
    visaH1b: maybe(fc.boolean()),
    acceptsImgs: maybe(fc.boolean()),
    minStep2Score: maybe(fc.integer({ min: 200, max: 260 })),
    maxYearsSinceGraduation: maybe(fc.integer({ min: 0, max: 10 })),
    maxFailedAttempts: maybe(fc.integer({ min: 0, max: 2 })),
    minUsceMonths: maybe(fc.integer({ min: 0, max: 12 })),
  })
  .map((record) => {
    const facts: ProgramFacts = {};
    for (const [key, value] of Object.entries(record))
      if (value !== undefined) Object.assign(facts, { [key]: value });
    return facts;
  });

describe('property: hard filters never drop a program for a fact that is unknown', () => {
  it('every exclusion names a fact the program has; removing that fact lifts that exclusion', () => {
    fc.assert(
      fc.property(
        factsArbitrary,
        fc.constantFrom('us-md' as const, 'us-do' as const, 'us-img' as const, 'non-us-img' as const),
        fc.constantFrom('none' as const, 'j1' as const, 'h1b' as const),
        fc.option(fc.integer({ min: 190, max: 280 }), { nil: null }),
        fc.integer({ min: 2010, max: 2027 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 12 }),
        (facts, applicantType, visaNeed, step2, graduationYear, attempts, handsOn) => {
          const base = usImgProfile({ applicantType, visaNeed, graduationYear });
          const applicant = features(
            withStep2(
              {
                ...base,
                exams: { ...base.exams, step1Attempts: attempts },
                usce: { handsOnMonths: handsOn, observershipMonths: 0, researchMonths: 0 },
              },
              step2,
            ),
          );
          const result = applyHardFilters({ applicant, program: program(1, facts) });
          for (const exclusion of result.exclusions) {
            if (facts[exclusion.fact] === undefined) return false;
            if (!FILTER_FACTS[exclusion.filter].includes(exclusion.fact)) return false;
            const without: ProgramFacts = { ...facts };
            delete without[exclusion.fact];
            const again = applyHardFilters({ applicant, program: program(1, without) });
            if (again.exclusions.some((other) => other.filter === exclusion.filter)) return false;
          }
          const empty = applyHardFilters({ applicant, program: program(1, {}) });
          return !empty.excluded && result.excluded === result.exclusions.length > 0;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a program with no facts at all is never excluded, whoever applies', () => {
    expect(PROGRAM_FACT_KEYS.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.constantFrom('us-md' as const, 'us-do' as const, 'us-img' as const, 'non-us-img' as const),
        fc.constantFrom('none' as const, 'j1' as const, 'h1b' as const),
        fc.integer({ min: 1960, max: 2027 }),
        (applicantType, visaNeed, graduationYear) =>
          !applyHardFilters({
            applicant: features(withStep2(usImgProfile({ applicantType, visaNeed, graduationYear }), null)),
            program: program(1, {}),
          }).excluded,
      ),
    );
  });
});
