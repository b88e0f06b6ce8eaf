import type { ApplicantFeatures } from '../smartpick/applicant-features.js';
import type { ModelParameters } from '../smartpick/model-parameters.js';
import { type ApplicantScreen, attemptsEffect, lettersEffect, usceEffect, yearsEffect } from './screening.js';

/** Step 2 CK at the same national percentile as a COMLEX Level 2-CE score (model-parameters.ts: an assumption). */
export function comlexToStep2(comlex: number, parameters: ModelParameters): number {
  const s = parameters.interview.step2;
  return s.step2NationalMean + (s.step2NationalSd * (comlex - s.comlexMean)) / s.comlexSd;
}

/** What a program screens on, from the applicant's profile (reduced once per recommendation). */
export function applicantScreen(applicant: ApplicantFeatures, parameters: ModelParameters): ApplicantScreen {
  const m = parameters.interview;
  let score = Number.NaN;
  let scoreSd = 0;
  let missing = 0;
  if (applicant.step2ck !== null) {
    score = applicant.step2ck;
  } else if (applicant.comlexLevel2 !== null) {
    score = comlexToStep2(applicant.comlexLevel2, parameters);
    scoreSd = m.step2.comlexOnlySd;
  } else {
    missing = m.step2.missingScore;
    scoreSd = m.step2.missingScoreSd;
  }
  return {
    type: applicant.applicantType,
    base:
      m.intercept[applicant.applicantType] +
      yearsEffect(applicant.yearsSinceGraduation, parameters) +
      attemptsEffect(applicant.failedAttempts, parameters) +
      usceEffect(applicant.isImg, applicant.usceEffectiveMonths, parameters) +
      lettersEffect(applicant.usLetters, applicant.inSpecialtyLetters, parameters) +
      missing,
    score,
    scoreSd,
    isImg: applicant.isImg,
    visa: applicant.visaNeed === 'j1' ? 1 : applicant.visaNeed === 'h1b' ? 2 : 0,
    leansYears: applicant.yearsSinceGraduation > m.yearsSinceGraduation.graceYears,
    leansAttempts: applicant.failedAttempts > 0,
    leansUsce: applicant.isImg && applicant.usceHandsOn < m.usce.checkBelowHandsOnMonths,
  };
}
