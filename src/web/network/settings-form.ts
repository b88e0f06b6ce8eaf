import { type NetworkSettings, networkSettingsSchema } from '../../core/network/network-settings.js';

/** The Playbook settings form as typed: every value a string; '' for a date means "not set". */
export interface SettingsFormDraft {
  applicationSubmitDate: string;
  matchDay: string;
  mentorUpdateDays: string;
  giveBeforeAskN: string;
  usFamilyMedicine: string;
  total: string;
}

export type SettingsFormField = keyof SettingsFormDraft;

export const SETTINGS_FORM_FIELDS: readonly SettingsFormField[] = [
  'applicationSubmitDate',
  'matchDay',
  'mentorUpdateDays',
  'giveBeforeAskN',
  'usFamilyMedicine',
  'total',
];

export type SettingsFormResult =
  | { ok: true; value: NetworkSettings }
  | { ok: false; errors: Partial<Record<SettingsFormField, string>> };

export function settingsToDraft(settings: NetworkSettings): SettingsFormDraft {
  return {
    applicationSubmitDate: settings.applicationSubmitDate ?? '',
    matchDay: settings.matchDay ?? '',
    mentorUpdateDays: String(settings.mentorUpdateDays),
    giveBeforeAskN: String(settings.giveBeforeAskN),
    usFamilyMedicine: String(settings.letterTarget.usFamilyMedicine),
    total: String(settings.letterTarget.total),
  };
}

/** Maps a schema or server path (`letterTarget.total`, `matchDay`) onto the form field; null if none. */
export function settingsFieldOfPath(path: string): SettingsFormField | null {
  if (path === 'letterTarget.usFamilyMedicine') return 'usFamilyMedicine';
  if (path === 'letterTarget.total') return 'total';
  const head = path.split('.')[0] ?? '';
  if (head === 'letterTarget') return 'total';
  return (SETTINGS_FORM_FIELDS as readonly string[]).includes(head) ? (head as SettingsFormField) : null;
}

/** '' → NaN so the schema reports it (as a number issue) rather than silently reading 0. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
const dateOrNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * Checks the form against the core networkSettingsSchema (the rules the server applies) and returns either the
 * settings to send or one message per form field.
 */
export function validateSettingsForm(draft: SettingsFormDraft): SettingsFormResult {
  const candidate = {
    mentorUpdateDays: toNumber(draft.mentorUpdateDays),
    giveBeforeAskN: toNumber(draft.giveBeforeAskN),
    applicationSubmitDate: dateOrNull(draft.applicationSubmitDate),
    matchDay: dateOrNull(draft.matchDay),
    letterTarget: { usFamilyMedicine: toNumber(draft.usFamilyMedicine), total: toNumber(draft.total) },
  };
  const errors: Partial<Record<SettingsFormField, string>> = {};
  // zod reports NaN as "expected number, received NaN": say what the user has to do instead.
  for (const field of ['mentorUpdateDays', 'giveBeforeAskN', 'usFamilyMedicine', 'total'] as const) {
    if (Number.isNaN(toNumber(draft[field]))) errors[field] = 'Enter a whole number';
  }
  const result = networkSettingsSchema.safeParse(candidate);
  if (result.success && Object.keys(errors).length === 0) return { ok: true, value: result.data };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = settingsFieldOfPath(issue.path.map(String).join('.'));
      if (field && errors[field] === undefined) errors[field] = issue.message;
    }
  }
  return { ok: false, errors };
}
