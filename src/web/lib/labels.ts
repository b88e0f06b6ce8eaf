import type { Fact, ProgramFactKey, ProgramType } from '../../core/catalog/program.js';
import { SPECIALTIES, type Specialty } from '../../core/catalog/specialty.js';
import type {
  PROGRAM_TYPE_PREFERENCES,
  RURAL_PREFERENCES,
  SIZE_PREFERENCES,
  VisaNeed,
} from '../../core/profile/applicant-profile.js';
import { plural, pluralNoun } from '../../core/shared/plural.js';

/** Words the web app shows for the core's enum values. */

export const VISA_NEED_LABELS: Record<VisaNeed, string> = {
  none: 'No visa needed',
  j1: 'J-1 visa',
  h1b: 'H-1B visa',
};

export const PROGRAM_TYPE_LABELS: Record<ProgramType, string> = {
  university: 'University',
  'community-university': 'Community, university-affiliated',
  community: 'Community',
  military: 'Military',
};

export const PROGRAM_TYPE_PREFERENCE_LABELS: Record<(typeof PROGRAM_TYPE_PREFERENCES)[number], string> = {
  any: 'No preference',
  university: 'University',
  'community-university': 'Community, university-affiliated',
  community: 'Community',
};

export const SIZE_PREFERENCE_LABELS: Record<(typeof SIZE_PREFERENCES)[number], string> = {
  any: 'No preference',
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
};

export const RURAL_PREFERENCE_LABELS: Record<(typeof RURAL_PREFERENCES)[number], string> = {
  any: 'No preference',
  prefer: 'Prefer rural programs',
  avoid: 'Avoid rural programs',
};

export const specialtyLabel = (id: Specialty): string => SPECIALTIES[id].name;

export const FACT_LABELS: Record<ProgramFactKey, string> = {
  visaJ1: 'Sponsors J-1 visas',
  visaH1b: 'Sponsors H-1B visas',
  acceptsImgs: 'Considers international graduates',
  imgShare: 'Share of residents who are IMGs',
  minStep2Score: 'Minimum Step 2 CK score',
  typicalStep2Score: 'Typical Step 2 CK score',
  maxYearsSinceGraduation: 'Most years since graduation',
  maxFailedAttempts: 'Most failed exam attempts',
  minUsceMonths: 'U.S. clinical experience required',
  rural: 'Rural or rural track',
};

/** A researched fact's value in words: yes/no, a percentage, months. */
export function formatFactValue(key: ProgramFactKey, fact: Fact<unknown>): string {
  const { value } = fact;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (key === 'imgShare') return `${Math.round(value * 100)}%`;
    if (key === 'minUsceMonths') return value === 0 ? 'Not required' : plural(value, 'month');
    if (key === 'maxYearsSinceGraduation') return plural(value, 'year');
    return String(value);
  }
  return String(value);
}

/** One wording for import fields everywhere: the core's, which the CLI and server messages use too. */
export { IMPORT_FIELD_LABELS } from '../../core/catalog/import/detect-mapping.js';

/** One plural rule for the web app, the CLI and core messages (Intl.PluralRules). */
export { plural, pluralNoun };

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
