import type { Program, ProgramFactKey } from '../catalog/program.js';
import { plural } from '../shared/plural.js';
import type { ApplicantFeatures } from './applicant-features.js';
import { visaFactKey } from './interview-model.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './model-parameters.js';

/**
 * Hard filters: rules a program states that would keep this applicant out. A program is excluded ONLY when the fact
 * is known and rules the applicant out. When the fact is unknown the program stays and gets a "check" saying what to
 * ask — and only when the rule could matter for this applicant (an unknown visa policy is no concern for a citizen).
 */

export const HARD_FILTER_IDS = [
  'visa',
  'graduation-year',
  'attempts',
  'score-minimum',
  'no-imgs',
  'usce-minimum',
] as const;
export type HardFilterId = (typeof HARD_FILTER_IDS)[number];

export interface FilterExclusion {
  filter: HardFilterId;
  fact: ProgramFactKey;
  reason: string;
}

export interface FilterCheck {
  filter: HardFilterId;
  fact: ProgramFactKey;
  /** What to find out, in words an applicant can act on. */
  whatToCheck: string;
}

export interface HardFilterResult {
  excluded: boolean;
  exclusions: FilterExclusion[];
  checks: FilterCheck[];
}

const sourceOf = (fact: { source: string; asOf: string }) => ` (source: ${fact.source}, ${fact.asOf})`;

/** The "check" for each unknown fact depends only on the applicant: built once per applicant, shared read-only. */
interface UnknownChecks {
  visa: FilterCheck | null;
  graduationYear: FilterCheck;
  attempts: FilterCheck;
  scoreMinimum: FilterCheck;
  noImgs: FilterCheck;
  usceMinimum: FilterCheck;
}
const unknownChecksCache = new WeakMap<ApplicantFeatures, UnknownChecks>();

function unknownChecks(applicant: ApplicantFeatures): UnknownChecks {
  const cached = unknownChecksCache.get(applicant);
  if (cached !== undefined) return cached;
  const visaKey = visaFactKey(applicant);
  const checks: UnknownChecks = {
    visa:
      visaKey === null
        ? null
        : {
            filter: 'visa',
            fact: visaKey,
            whatToCheck: `Does the program sponsor ${visaKey === 'visaJ1' ? 'J-1' : 'H-1B'} visas?`,
          },
    graduationYear: {
      filter: 'graduation-year',
      fact: 'maxYearsSinceGraduation',
      whatToCheck: `Does the program limit years since graduation? You graduated ${plural(applicant.yearsSinceGraduation, 'year')} before this Match.`,
    },
    attempts: {
      filter: 'attempts',
      fact: 'maxFailedAttempts',
      whatToCheck: `Does the program accept applicants with failed attempts? You have ${applicant.failedAttempts}.`,
    },
    scoreMinimum: {
      filter: 'score-minimum',
      fact: 'minStep2Score',
      whatToCheck: 'Does the program state a minimum Step 2 CK score?',
    },
    noImgs: {
      filter: 'no-imgs',
      fact: 'acceptsImgs',
      whatToCheck: 'Does the program consider graduates of medical schools outside the U.S.?',
    },
    usceMinimum: {
      filter: 'usce-minimum',
      fact: 'minUsceMonths',
      whatToCheck: 'Does the program require U.S. clinical experience, and does it count observerships?',
    },
  };
  unknownChecksCache.set(applicant, checks);
  return checks;
}

/**
 * @example
 * const result = applyHardFilters({ applicant, program });
 * if (result.excluded) result.exclusions[0]?.reason; // "The program does not sponsor J-1 visas (…)"
 */
export function applyHardFilters(input: {
  applicant: ApplicantFeatures;
  program: Program;
  parameters?: ModelParameters;
}): HardFilterResult {
  const { applicant, program } = input;
  const parameters = input.parameters ?? DEFAULT_PARAMETERS;
  const facts = program.facts;
  const exclusions: FilterExclusion[] = [];
  const checks: FilterCheck[] = [];
  const unknown = unknownChecks(applicant);

  // Visa sponsorship.
  const visaKey = visaFactKey(applicant);
  if (visaKey !== null) {
    const visaName = visaKey === 'visaJ1' ? 'J-1' : 'H-1B';
    const fact = facts[visaKey];
    if (fact === undefined) {
      if (unknown.visa !== null) checks.push(unknown.visa);
    } else if (!fact.value) {
      const otherJ1 = visaKey === 'visaH1b' && facts.visaJ1?.value === true;
      exclusions.push({
        filter: 'visa',
        fact: visaKey,
        reason: `The program does not sponsor ${visaName} visas${sourceOf(fact)}${otherJ1 ? '; it does sponsor J-1, so a J-1 would keep it open' : ''}`,
      });
    }
  }

  // Years since graduation.
  const graduationLimit = facts.maxYearsSinceGraduation;
  if (graduationLimit !== undefined) {
    if (applicant.yearsSinceGraduation > graduationLimit.value) {
      exclusions.push({
        filter: 'graduation-year',
        fact: 'maxYearsSinceGraduation',
        reason: `The program considers graduates of the last ${plural(graduationLimit.value, 'year')}; you graduated ${plural(applicant.yearsSinceGraduation, 'year')} before this Match${sourceOf(graduationLimit)}`,
      });
    }
  } else if (applicant.yearsSinceGraduation > parameters.interview.yearsSinceGraduation.graceYears) {
    checks.push(unknown.graduationYear);
  }

  // Failed attempts. "More failed attempts than N (on any exam)": we exclude only when even the per-exam reading
  // rules you out; when only the total does, it is a check.
  const attemptLimit = facts.maxFailedAttempts;
  if (attemptLimit !== undefined) {
    if (applicant.maxFailedOnOneExam > attemptLimit.value) {
      exclusions.push({
        filter: 'attempts',
        fact: 'maxFailedAttempts',
        reason: `The program accepts at most ${attemptLimit.value} failed attempts; you have ${applicant.maxFailedOnOneExam} on one exam${sourceOf(attemptLimit)}`,
      });
    } else if (applicant.failedAttempts > attemptLimit.value) {
      checks.push({
        filter: 'attempts',
        fact: 'maxFailedAttempts',
        whatToCheck: `The program allows ${attemptLimit.value} failed attempts; you have ${applicant.failedAttempts} across exams. Ask whether the limit is per exam or in total.`,
      });
    }
  } else if (applicant.failedAttempts > 0) {
    checks.push(unknown.attempts);
  }

  // Step 2 CK minimum.
  const minimum = facts.minStep2Score;
  if (minimum !== undefined) {
    if (applicant.step2ck !== null && applicant.step2ck < minimum.value) {
      exclusions.push({
        filter: 'score-minimum',
        fact: 'minStep2Score',
        reason: `The program's Step 2 CK minimum is ${minimum.value}; yours is ${applicant.step2ck}${sourceOf(minimum)}`,
      });
    } else if (applicant.step2ck === null) {
      checks.push({
        filter: 'score-minimum',
        fact: 'minStep2Score',
        whatToCheck: applicant.comlexOnly
          ? `The program states a Step 2 CK minimum of ${minimum.value}: does it accept COMLEX Level 2 instead?`
          : `The program states a Step 2 CK minimum of ${minimum.value}; no Step 2 CK score is entered.`,
      });
    }
  } else if (
    applicant.step2ck === null ||
    applicant.step2ck < parameters.interview.step2.programExpectationPrior
  ) {
    checks.push(unknown.scoreMinimum);
  }

  if (applicant.isImg) {
    // Programs that do not consider IMGs at all.
    const accepts = facts.acceptsImgs;
    if (accepts === undefined) {
      checks.push(unknown.noImgs);
    } else if (!accepts.value) {
      exclusions.push({
        filter: 'no-imgs',
        fact: 'acceptsImgs',
        reason: `The program does not consider international medical graduates${sourceOf(accepts)}`,
      });
    }

    // U.S. clinical experience minimum. Excluded only when even counting every kind of month you fall short.
    const usceMinimum = facts.minUsceMonths;
    const allMonths = applicant.usceHandsOn + applicant.usceObservership + applicant.usceResearch;
    if (usceMinimum !== undefined) {
      if (allMonths < usceMinimum.value) {
        exclusions.push({
          filter: 'usce-minimum',
          fact: 'minUsceMonths',
          reason: `The program requires ${plural(usceMinimum.value, 'month')} of U.S. clinical experience; you have ${allMonths} in all${sourceOf(usceMinimum)}`,
        });
      } else if (applicant.usceHandsOn < usceMinimum.value) {
        checks.push({
          filter: 'usce-minimum',
          fact: 'minUsceMonths',
          whatToCheck: `The program requires ${plural(usceMinimum.value, 'month')} of U.S. clinical experience; you have ${applicant.usceHandsOn} hands-on. Ask whether observerships or research count.`,
        });
      }
    } else if (applicant.usceHandsOn < parameters.interview.usce.checkBelowHandsOnMonths) {
      checks.push(unknown.usceMinimum);
    }
  }

  return { excluded: exclusions.length > 0, exclusions, checks };
}
