import type { BackupData } from './backup-schema.js';
import { BACKUP_SECTIONS, type BackupSectionName, countSections, type SectionCounts } from './sections.js';

/**
 * What restoring does to one section, under the rule "nothing already saved is lost":
 * - `add`: nothing of this kind is stored yet; the bundle's records are loaded as they are.
 * - `merge`: records are matched by their natural key; new ones are added, ones with the same key take the
 *   bundle's values, and stored records the bundle does not have are kept.
 * - `replace`: a single document (profile, settings, rank list) is stored; the bundle's one takes its place.
 */
export type RestoreAction = 'add' | 'replace' | 'merge';

/** Settings always exist: the defaults apply until the applicant saves their own. */
const isSettings = (name: BackupSectionName) => name === 'smartpickSettings' || name === 'networkSettings';

export interface SectionPreview {
  name: BackupSectionName;
  label: string;
  incoming: number;
  existing: number;
  action: RestoreAction;
}

export interface RestorePreview {
  /** True when the database holds nothing the bundle could overwrite: restoring is a plain load. */
  emptyTarget: boolean;
  sections: SectionPreview[];
}

/**
 * Says, section by section, what a restore would do, from the bundle and the stored counts alone.
 * Settings always exist (defaults apply until saved), so they are always replaced and do not make the target
 * count as non-empty.
 *
 * @example
 * previewRestore(backup, await currentCounts(db)).sections
 * // [{ name: 'network.contacts', label: 'Contacts', incoming: 12, existing: 3, action: 'merge' }, …]
 */
export function previewRestore(backup: BackupData, current: SectionCounts): RestorePreview {
  const incoming = countSections(backup);
  const sections = BACKUP_SECTIONS.map(({ name, kind, label }): SectionPreview => {
    const existing = isSettings(name) ? 1 : current[name];
    const action: RestoreAction = existing === 0 ? 'add' : kind === 'singleton' ? 'replace' : 'merge';
    return { name, label, incoming: incoming[name], existing, action };
  });
  const emptyTarget = sections.every((section) => isSettings(section.name) || section.existing === 0);
  return { emptyTarget, sections };
}
