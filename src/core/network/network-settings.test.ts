import { describe, expect, it } from 'vitest';
import {
  defaultMatchDay,
  defaultNetworkSettings,
  networkSettingsSchema,
  toPlaybookSettings,
} from './network-settings.js';

describe('network settings', () => {
  it('puts Match Day on the third Friday in March', () => {
    expect(defaultMatchDay(2024)).toBe('2024-03-15');
    expect(defaultMatchDay(2025)).toBe('2025-03-21');
    expect(defaultMatchDay(2027)).toBe('2027-03-19');
  });

  it('uses the entered Match Day over the default, and passes the submission date only when set', () => {
    const defaults = toPlaybookSettings(defaultNetworkSettings(), 2027);
    expect(defaults).toEqual({ mentorUpdateDays: 90, giveBeforeAskN: 3, matchDay: '2027-03-19' });
    const entered = toPlaybookSettings(
      { ...defaultNetworkSettings(), matchDay: '2027-03-20', applicationSubmitDate: '2026-09-24' },
      2027,
    );
    expect(entered).toMatchObject({ matchDay: '2027-03-20', applicationSubmitDate: '2026-09-24' });
  });

  it('names the field of a bad value', () => {
    const result = networkSettingsSchema.safeParse({ ...defaultNetworkSettings(), mentorUpdateDays: 2 });
    expect(result.error?.issues[0]?.path).toEqual(['mentorUpdateDays']);
    const tooMany = networkSettingsSchema.safeParse({
      ...defaultNetworkSettings(),
      letterTarget: { usFamilyMedicine: 4, total: 3 },
    });
    expect(tooMany.error?.issues[0]?.path).toEqual(['letterTarget', 'usFamilyMedicine']);
  });
});
