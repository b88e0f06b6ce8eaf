import type { SmartPickSettings } from '../../core/smartpick/settings-schema.js';
import type { Repositories } from '../../db/repositories.js';
import { Refusal } from '../refusal.js';

/**
 * One budget, in one place: the profile's. My list's settings carry `budget` for its form, but it is read from
 * and written to the profile, never stored with the settings — so "Save settings" on My list and the profile's
 * budget step edit the same value, and Applications' totals use it too.
 */

/** The saved settings with the profile's budget (null before a profile is saved). */
export async function readSmartPickSettings(db: Pick<Repositories, 'smartpickSettings' | 'profiles'>) {
  const [settings, saved] = await Promise.all([db.smartpickSettings.get(), db.profiles.get()]);
  return { ...settings, budget: saved?.profile.budget ?? null } satisfies SmartPickSettings;
}

/**
 * Saves the settings; a budget in them is saved to the profile (refused before a profile exists, naming
 * `budget`). Returns what readSmartPickSettings will read back.
 */
export async function saveSmartPickSettings(
  db: Pick<Repositories, 'smartpickSettings' | 'profiles'>,
  settings: SmartPickSettings,
): Promise<SmartPickSettings> {
  if (settings.budget !== null) {
    const saved = await db.profiles.get();
    if (saved === null) {
      throw new Refusal('Save your profile first', [
        { path: 'budget', message: 'The budget is part of your profile: save the profile, then the budget' },
      ]);
    }
    const same = JSON.stringify(saved.profile.budget) === JSON.stringify(settings.budget);
    if (!same) await db.profiles.save({ ...saved.profile, budget: settings.budget });
  }
  await db.smartpickSettings.save({ ...settings, budget: null });
  return readSmartPickSettings(db);
}
