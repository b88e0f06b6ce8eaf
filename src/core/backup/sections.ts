import type { BackupData } from './backup-schema.js';

/**
 * The sections of a bundle, named by their JSON path so a preview row, a report row and a field error all
 * point at the same place. A singleton holds one document (the profile, a settings page, the rank list);
 * a collection holds records with a natural key.
 */
export const BACKUP_SECTIONS = [
  { name: 'profile', kind: 'singleton', label: 'Profile' },
  { name: 'catalog.programs', kind: 'collection', label: 'Catalog programs' },
  { name: 'smartpickSettings', kind: 'singleton', label: 'SmartPick settings' },
  { name: 'networkSettings', kind: 'singleton', label: 'Network settings' },
  { name: 'network.contacts', kind: 'collection', label: 'Contacts' },
  { name: 'network.interactions', kind: 'collection', label: 'Interactions' },
  { name: 'network.letters', kind: 'collection', label: 'Letters' },
  { name: 'network.events', kind: 'collection', label: 'Events' },
  { name: 'network.taskStates', kind: 'collection', label: 'Task states' },
  { name: 'season.applications', kind: 'collection', label: 'Applications' },
  { name: 'season.timelineEdits', kind: 'collection', label: 'Timeline edits (Match years)' },
  { name: 'season.practiceLog', kind: 'collection', label: 'Interview practice log' },
  { name: 'season.programNotes', kind: 'collection', label: 'Program interview notes' },
  { name: 'season.rankList', kind: 'singleton', label: 'Rank list' },
] as const;

export type BackupSectionName = (typeof BACKUP_SECTIONS)[number]['name'];

/** How many records (or documents) of each section a bundle — or a database — holds. */
export type SectionCounts = Record<BackupSectionName, number>;

/** Counts the records in a bundle's data, section by section. */
export function countSections(data: BackupData): SectionCounts {
  return {
    profile: data.profile === null ? 0 : 1,
    'catalog.programs': data.catalog.programs.length,
    smartpickSettings: 1,
    networkSettings: 1,
    'network.contacts': data.network.contacts.length,
    'network.interactions': data.network.interactions.length,
    'network.letters': data.network.letters.length,
    'network.events': data.network.events.length,
    'network.taskStates': data.network.taskStates.length,
    'season.applications': data.season.applications.length,
    'season.timelineEdits': Object.keys(data.season.timelineEdits).length,
    'season.practiceLog': data.season.practiceLog.length,
    'season.programNotes': data.season.programNotes.length,
    'season.rankList': data.season.rankList === null ? 0 : 1,
  };
}
