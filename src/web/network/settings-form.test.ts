import { describe, expect, it } from 'vitest';
import { defaultNetworkSettings } from '../../core/network/network-settings.js';
import { settingsFieldOfPath, settingsToDraft, validateSettingsForm } from './settings-form.js';

describe('validateSettingsForm', () => {
  it('round-trips the defaults, blank dates as null', () => {
    const defaults = defaultNetworkSettings();
    const draft = settingsToDraft(defaults);
    expect(draft.matchDay).toBe('');
    expect(validateSettingsForm(draft)).toEqual({ ok: true, value: defaults });
  });

  it('reads dates and numbers', () => {
    const draft = {
      ...settingsToDraft(defaultNetworkSettings()),
      applicationSubmitDate: '2026-09-24',
      matchDay: '2027-03-19',
      mentorUpdateDays: ' 60 ',
      total: '4',
    };
    expect(validateSettingsForm(draft)).toEqual({
      ok: true,
      value: expect.objectContaining({
        applicationSubmitDate: '2026-09-24',
        matchDay: '2027-03-19',
        mentorUpdateDays: 60,
        letterTarget: { usFamilyMedicine: 2, total: 4 },
      }),
    });
  });

  it('names each bad field with the schema message', () => {
    const result = validateSettingsForm({
      applicationSubmitDate: '2026-13-40',
      matchDay: '',
      mentorUpdateDays: '2',
      giveBeforeAskN: '',
      usFamilyMedicine: '1.5',
      total: '0',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        applicationSubmitDate: 'Use a date like 2026-09-24',
        mentorUpdateDays: 'At least 7 days',
        giveBeforeAskN: 'Enter a whole number',
        usFamilyMedicine: 'Whole number',
        total: 'At least 1 letter',
      },
    });
  });
});

describe('settingsFieldOfPath', () => {
  it('maps server paths onto form fields', () => {
    expect(settingsFieldOfPath('mentorUpdateDays')).toBe('mentorUpdateDays');
    expect(settingsFieldOfPath('letterTarget.total')).toBe('total');
    expect(settingsFieldOfPath('letterTarget.usFamilyMedicine')).toBe('usFamilyMedicine');
    expect(settingsFieldOfPath('letterTarget')).toBe('total');
    expect(settingsFieldOfPath('somethingElse')).toBeNull();
  });
});
