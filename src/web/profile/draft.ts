import { type ApplicantProfile, applicantProfileSchema } from '../../core/profile/applicant-profile.js';
import type { ProblemError } from '../lib/api/problem.js';

/**
 * The profile form's state: one entry per field, keyed by the field's dotted path in the core schema so
 * schema issues and server errors (`exams.step2ck`) land on the right input without a lookup table.
 * Numbers stay as the text the applicant typed until validation, so "320" or "abc" can be shown back with
 * a clear message instead of being silently blocked.
 */
export interface ProfileDraft {
  name: string;
  applicantType: string;
  visaNeed: string;
  targetSpecialty: string;
  'exams.step1.kind': 'pass-fail' | 'scored' | 'not-taken';
  'exams.step1.passed': 'yes' | 'no';
  'exams.step1.score': string;
  'exams.step2ck': string;
  'exams.comlexLevel1Passed': 'yes' | 'no' | 'not-taken';
  'exams.comlexLevel2': string;
  'exams.step1Attempts': string;
  'exams.step2ckAttempts': string;
  'exams.comlexAttempts': string;
  graduationYear: string;
  'usce.handsOnMonths': string;
  'usce.observershipMonths': string;
  'usce.researchMonths': string;
  'research.experiences': string;
  'research.publications': string;
  'research.presentations': string;
  'letters.total': string;
  'letters.us': string;
  'letters.inSpecialty': string;
  /** Comma-separated, as typed. */
  languages: string;
  'geography.preferredStates': string[];
  'geography.preferredDivisions': string[];
  'geography.preferredRegions': string[];
  'geography.tiesStates': string[];
  'geography.excludedStates': string[];
  'programPreferences.type': string;
  'programPreferences.size': string;
  'programPreferences.rural': string;
  'budget.kind': 'programs' | 'dollars';
  'budget.programs': string;
  'budget.dollars': string;
}

export type DraftPath = keyof ProfileDraft;
export type DraftErrors = Partial<Record<DraftPath, string>>;

/** Every field path, in form order (the order errors are focused in). */
const FIELD_ORDER: Record<DraftPath, true> = {
  name: true,
  applicantType: true,
  visaNeed: true,
  targetSpecialty: true,
  'exams.step1.kind': true,
  'exams.step1.passed': true,
  'exams.step1.score': true,
  'exams.step1Attempts': true,
  'exams.step2ck': true,
  'exams.step2ckAttempts': true,
  'exams.comlexLevel1Passed': true,
  'exams.comlexLevel2': true,
  'exams.comlexAttempts': true,
  graduationYear: true,
  'usce.handsOnMonths': true,
  'usce.observershipMonths': true,
  'usce.researchMonths': true,
  'research.experiences': true,
  'research.publications': true,
  'research.presentations': true,
  'letters.total': true,
  'letters.us': true,
  'letters.inSpecialty': true,
  languages: true,
  'geography.preferredStates': true,
  'geography.preferredDivisions': true,
  'geography.preferredRegions': true,
  'geography.tiesStates': true,
  'geography.excludedStates': true,
  'programPreferences.type': true,
  'programPreferences.size': true,
  'programPreferences.rural': true,
  'budget.kind': true,
  'budget.programs': true,
  'budget.dollars': true,
};

export const DRAFT_PATHS = Object.keys(FIELD_ORDER) as DraftPath[];

/** Numeric fields; the nullable ones may be left empty (e.g. Step 2 CK not taken yet). */
const NUMBER_FIELDS: Partial<Record<DraftPath, { optional: boolean }>> = {
  'exams.step1.score': { optional: false },
  'exams.step2ck': { optional: true },
  'exams.comlexLevel2': { optional: true },
  'exams.step1Attempts': { optional: false },
  'exams.step2ckAttempts': { optional: false },
  'exams.comlexAttempts': { optional: false },
  graduationYear: { optional: false },
  'usce.handsOnMonths': { optional: false },
  'usce.observershipMonths': { optional: false },
  'usce.researchMonths': { optional: false },
  'research.experiences': { optional: false },
  'research.publications': { optional: false },
  'research.presentations': { optional: false },
  'letters.total': { optional: false },
  'letters.us': { optional: false },
  'letters.inSpecialty': { optional: false },
  'budget.programs': { optional: false },
  'budget.dollars': { optional: false },
};

export const isNumberField = (path: DraftPath): boolean => NUMBER_FIELDS[path] !== undefined;

const NUMBER_PATTERN = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** Text as a number: null when empty, NaN when it is not a number. Thousands separators and "$" are ignored. */
export function parseNumberText(text: string): number | null {
  const cleaned = text.trim().replace(/[,$\s]/g, '');
  if (cleaned.length === 0) return null;
  return NUMBER_PATTERN.test(cleaned) ? Number(cleaned) : Number.NaN;
}

const numberText = (value: number | null): string => (value === null ? '' : String(value));

export const isOsteopathic = (draft: ProfileDraft): boolean => draft.applicantType === 'us-do';

/** Fields the form currently shows; hidden ones (COMLEX for non-DOs, the other budget kind) are not validated. */
export function visibleFields(draft: ProfileDraft): Set<DraftPath> {
  const hidden = new Set<DraftPath>();
  if (draft['exams.step1.kind'] !== 'pass-fail') hidden.add('exams.step1.passed');
  if (draft['exams.step1.kind'] !== 'scored') hidden.add('exams.step1.score');
  if (!isOsteopathic(draft)) {
    hidden.add('exams.comlexLevel1Passed');
    hidden.add('exams.comlexLevel2');
    hidden.add('exams.comlexAttempts');
  }
  hidden.add(draft['budget.kind'] === 'programs' ? 'budget.dollars' : 'budget.programs');
  return new Set(DRAFT_PATHS.filter((path) => !hidden.has(path)));
}

export function profileToDraft(profile: ApplicantProfile): ProfileDraft {
  const { exams, usce, research, letters, geography, programPreferences, budget } = profile;
  return {
    name: profile.name,
    applicantType: profile.applicantType,
    visaNeed: profile.visaNeed,
    targetSpecialty: profile.targetSpecialty,
    'exams.step1.kind': exams.step1 === null ? 'not-taken' : exams.step1.kind,
    'exams.step1.passed': exams.step1?.kind === 'pass-fail' && !exams.step1.passed ? 'no' : 'yes',
    'exams.step1.score': exams.step1?.kind === 'scored' ? String(exams.step1.score) : '',
    'exams.step2ck': numberText(exams.step2ck),
    'exams.comlexLevel1Passed':
      exams.comlexLevel1Passed === null ? 'not-taken' : exams.comlexLevel1Passed ? 'yes' : 'no',
    'exams.comlexLevel2': numberText(exams.comlexLevel2),
    'exams.step1Attempts': String(exams.step1Attempts),
    'exams.step2ckAttempts': String(exams.step2ckAttempts),
    'exams.comlexAttempts': String(exams.comlexAttempts),
    graduationYear: String(profile.graduationYear),
    'usce.handsOnMonths': String(usce.handsOnMonths),
    'usce.observershipMonths': String(usce.observershipMonths),
    'usce.researchMonths': String(usce.researchMonths),
    'research.experiences': String(research.experiences),
    'research.publications': String(research.publications),
    'research.presentations': String(research.presentations),
    'letters.total': String(letters.total),
    'letters.us': String(letters.us),
    'letters.inSpecialty': String(letters.inSpecialty),
    languages: profile.languages.join(', '),
    'geography.preferredStates': [...geography.preferredStates],
    'geography.preferredDivisions': [...geography.preferredDivisions],
    'geography.preferredRegions': [...(geography.preferredRegions ?? [])],
    'geography.tiesStates': [...geography.tiesStates],
    'geography.excludedStates': [...geography.excludedStates],
    'programPreferences.type': programPreferences.type,
    'programPreferences.size': programPreferences.size,
    'programPreferences.rural': programPreferences.rural,
    'budget.kind': budget.kind,
    'budget.programs': budget.kind === 'programs' ? String(budget.programs) : '',
    'budget.dollars': budget.kind === 'dollars' ? String(budget.dollars) : '',
  };
}

/** Paths the schema (or server) reports for a whole union, pointed at the control that chooses the variant. */
const PATH_ALIASES: Record<string, DraftPath> = {
  'exams.step1': 'exams.step1.kind',
  budget: 'budget.kind',
};

/**
 * The form field a schema or server error path belongs to: the longest field path that is the error path
 * or a prefix of it (`geography.preferredStates.2` → `geography.preferredStates`); null when none is.
 */
export function fieldForPath(path: string): DraftPath | null {
  const alias = PATH_ALIASES[path];
  if (alias) return alias;
  let best: DraftPath | null = null;
  for (const field of DRAFT_PATHS) {
    if ((path === field || path.startsWith(`${field}.`)) && (best === null || field.length > best.length)) {
      best = field;
    }
  }
  return best;
}

/** The object handed to the core schema: numbers parsed, hidden fields given their neutral values. */
export function draftToInput(draft: ProfileDraft): unknown {
  const num = (path: DraftPath): number | null => parseNumberText(draft[path] as string);
  const osteopathic = isOsteopathic(draft);
  const step1Kind = draft['exams.step1.kind'];
  return {
    name: draft.name,
    applicantType: draft.applicantType === '' ? undefined : draft.applicantType,
    visaNeed: draft.visaNeed,
    targetSpecialty: draft.targetSpecialty,
    exams: {
      step1:
        step1Kind === 'not-taken'
          ? null
          : step1Kind === 'pass-fail'
            ? { kind: 'pass-fail', passed: draft['exams.step1.passed'] === 'yes' }
            : { kind: 'scored', score: num('exams.step1.score') },
      step2ck: num('exams.step2ck'),
      comlexLevel1Passed:
        osteopathic && draft['exams.comlexLevel1Passed'] !== 'not-taken'
          ? draft['exams.comlexLevel1Passed'] === 'yes'
          : null,
      comlexLevel2: osteopathic ? num('exams.comlexLevel2') : null,
      step1Attempts: num('exams.step1Attempts'),
      step2ckAttempts: num('exams.step2ckAttempts'),
      comlexAttempts: osteopathic ? num('exams.comlexAttempts') : 1,
    },
    graduationYear: num('graduationYear'),
    usce: {
      handsOnMonths: num('usce.handsOnMonths'),
      observershipMonths: num('usce.observershipMonths'),
      researchMonths: num('usce.researchMonths'),
    },
    research: {
      experiences: num('research.experiences'),
      publications: num('research.publications'),
      presentations: num('research.presentations'),
    },
    letters: {
      total: num('letters.total'),
      us: num('letters.us'),
      inSpecialty: num('letters.inSpecialty'),
    },
    languages: draft.languages
      .split(',')
      .map((language) => language.trim())
      .filter((language) => language.length > 0),
    geography: {
      preferredStates: draft['geography.preferredStates'],
      preferredDivisions: draft['geography.preferredDivisions'],
      preferredRegions: draft['geography.preferredRegions'],
      tiesStates: draft['geography.tiesStates'],
      excludedStates: draft['geography.excludedStates'],
    },
    programPreferences: {
      type: draft['programPreferences.type'],
      size: draft['programPreferences.size'],
      rural: draft['programPreferences.rural'],
    },
    budget:
      draft['budget.kind'] === 'programs'
        ? { kind: 'programs', programs: num('budget.programs') }
        : { kind: 'dollars', dollars: num('budget.dollars') },
  };
}

export type DraftValidation =
  | { ok: true; profile: ApplicantProfile; errors: DraftErrors }
  | { ok: false; errors: DraftErrors };

/**
 * Validates the whole draft with the core schema and returns one message per visible field.
 * Text that is not a number, or an empty required number, reads "Enter a number" rather than zod's
 * type message; everything else is the schema's own wording (e.g. "USMLE scores run from 1 to 300").
 */
export function validateDraft(draft: ProfileDraft): DraftValidation {
  const visible = visibleFields(draft);
  const errors: DraftErrors = {};
  for (const [path, rule] of Object.entries(NUMBER_FIELDS) as [DraftPath, { optional: boolean }][]) {
    if (!visible.has(path)) continue;
    const value = parseNumberText(draft[path] as string);
    if (Number.isNaN(value) || (value === null && !rule.optional)) errors[path] = 'Enter a number';
  }
  const result = applicantProfileSchema.safeParse(draftToInput(draft));
  if (result.success && Object.keys(errors).length === 0) {
    return { ok: true, profile: result.data, errors };
  }
  for (const issue of result.success ? [] : result.error.issues) {
    const field = fieldForPath(issue.path.map(String).join('.'));
    if (field && visible.has(field) && errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** Errors for some fields only, e.g. the fields of the current step or the one just left. */
export function pickErrors(errors: DraftErrors, fields: Iterable<DraftPath>): DraftErrors {
  const picked: DraftErrors = {};
  for (const field of fields) {
    const message = errors[field];
    if (message !== undefined) picked[field] = message;
  }
  return picked;
}

/**
 * A 400's errors split into those a form field shows (first message per field) and those no field owns,
 * which the form lists on its own.
 *
 * @example mapProblemErrors([{ path: 'exams.step2ck', message: 'USMLE scores run from 1 to 300' }])
 */
export function mapProblemErrors(errors: readonly ProblemError[]): {
  fields: DraftErrors;
  other: ProblemError[];
} {
  const fields: DraftErrors = {};
  const other: ProblemError[] = [];
  for (const error of errors) {
    const field = fieldForPath(error.path);
    if (field === null) other.push(error);
    else if (fields[field] === undefined) fields[field] = error.message;
  }
  return { fields, other };
}
