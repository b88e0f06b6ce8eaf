import type { DraftPath } from './draft.js';

export const STEP_IDS = ['about', 'exams', 'experience', 'letters', 'geography', 'preferences'] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface StepDefinition {
  id: StepId;
  title: string;
  /** Fields this step shows, in the order focus visits them when they are invalid. */
  fields: DraftPath[];
}

export const STEPS: StepDefinition[] = [
  { id: 'about', title: 'About you', fields: ['name', 'applicantType', 'visaNeed', 'targetSpecialty'] },
  {
    id: 'exams',
    title: 'Exams',
    fields: [
      'exams.step1.kind',
      'exams.step1.passed',
      'exams.step1.score',
      'exams.step1Attempts',
      'exams.step2ck',
      'exams.step2ckAttempts',
      'exams.comlexLevel1Passed',
      'exams.comlexLevel2',
      'exams.comlexAttempts',
    ],
  },
  {
    id: 'experience',
    title: 'Graduation & experience',
    fields: [
      'graduationYear',
      'usce.handsOnMonths',
      'usce.observershipMonths',
      'usce.researchMonths',
      'research.experiences',
      'research.publications',
      'research.presentations',
    ],
  },
  {
    id: 'letters',
    title: 'Letters & languages',
    fields: ['letters.total', 'letters.us', 'letters.inSpecialty', 'languages'],
  },
  {
    id: 'geography',
    title: 'Geography',
    fields: [
      'geography.preferredStates',
      'geography.preferredDivisions',
      'geography.preferredRegions',
      'geography.tiesStates',
      'geography.excludedStates',
    ],
  },
  {
    id: 'preferences',
    title: 'Program preferences & budget',
    fields: [
      'programPreferences.type',
      'programPreferences.size',
      'programPreferences.rural',
      'budget.kind',
      'budget.programs',
      'budget.dollars',
    ],
  },
];

export const stepIndex = (id: string | null): number => {
  const index = STEPS.findIndex((step) => step.id === id);
  return index === -1 ? 0 : index;
};

/** The first step holding one of these fields, so a failed save can take the applicant to it. */
export function firstStepWithError(fields: Iterable<DraftPath>): number | null {
  const invalid = new Set(fields);
  const index = STEPS.findIndex((step) => step.fields.some((field) => invalid.has(field)));
  return index === -1 ? null : index;
}

/** DOM id of a field's control, derived from its path so errors, labels and focus agree. */
export const fieldId = (path: DraftPath): string => `field-${path.replace(/\./g, '-')}`;
export const errorId = (path: DraftPath): string => `${fieldId(path)}-error`;
export const hintId = (path: DraftPath): string => `${fieldId(path)}-hint`;

/** The step at an index (clamped), so callers never handle a missing step. */
export function stepAt(index: number): StepDefinition {
  const clamped = Math.min(Math.max(index, 0), STEPS.length - 1);
  return STEPS[clamped] as StepDefinition;
}
