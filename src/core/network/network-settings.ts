import { z } from 'zod';
import { DEFAULT_LETTER_TARGET, type LetterTarget } from './letters-readiness.js';
import { DEFAULT_PLAYBOOK_SETTINGS, type PlaybookSettings } from './playbook/task.js';

/** What the applicant can tune about the playbook and the letters check; stored per profile. */
export const networkSettingsSchema = z.object({
  mentorUpdateDays: z.number().int('Whole number').min(7, 'At least 7 days').max(365, 'At most 365 days'),
  giveBeforeAskN: z.number().int('Whole number').min(1, 'At least 1').max(20, 'At most 20'),
  /** The day the applicant plans to submit ERAS applications; null until they decide. */
  applicationSubmitDate: z.iso.date({ message: 'Use a date like 2026-09-24' }).nullable(),
  /** Match Day; null means the third Friday in March of the current Match year (see defaultMatchDay). */
  matchDay: z.iso.date({ message: 'Use a date like 2027-03-19' }).nullable(),
  letterTarget: z
    .object({
      usFamilyMedicine: z.number().int('Whole number').min(0).max(10),
      total: z.number().int('Whole number').min(1, 'At least 1 letter').max(10),
    })
    .refine((target) => target.usFamilyMedicine <= target.total, {
      message: 'Cannot be more than the letters needed in all',
      path: ['usFamilyMedicine'],
    }),
});

export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

export function defaultNetworkSettings(): NetworkSettings {
  return {
    mentorUpdateDays: DEFAULT_PLAYBOOK_SETTINGS.mentorUpdateDays,
    giveBeforeAskN: DEFAULT_PLAYBOOK_SETTINGS.giveBeforeAskN,
    applicationSubmitDate: null,
    matchDay: null,
    letterTarget: { ...DEFAULT_LETTER_TARGET },
  };
}

/**
 * Match Day is the third Friday in March (AAFP "Strolling Through the Match", nrmp-family-medicine.md);
 * the exact date changes each cycle, so it is only the default when the applicant has not entered one.
 */
export function defaultMatchDay(matchYear: number): string {
  const firstOfMarch = new Date(Date.UTC(matchYear, 2, 1));
  const firstFriday = 1 + ((5 - firstOfMarch.getUTCDay() + 7) % 7);
  return `${matchYear}-03-${String(firstFriday + 14).padStart(2, '0')}`;
}

export function toPlaybookSettings(settings: NetworkSettings, matchYear: number): PlaybookSettings {
  return {
    mentorUpdateDays: settings.mentorUpdateDays,
    giveBeforeAskN: settings.giveBeforeAskN,
    matchDay: settings.matchDay ?? defaultMatchDay(matchYear),
    ...(settings.applicationSubmitDate ? { applicationSubmitDate: settings.applicationSubmitDate } : {}),
  };
}

export const toLetterTarget = (settings: NetworkSettings): LetterTarget => settings.letterTarget;
