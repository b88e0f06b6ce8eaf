import type { Program } from '../catalog/program.js';
import type { Contact } from '../network/contact.js';
import type { NetworkEvent } from '../network/event.js';
import type { Interaction } from '../network/interaction.js';
import type { Letter } from '../network/letter.js';
import type { NetworkSettings } from '../network/network-settings.js';
import type { TaskState } from '../network/playbook/task-state.js';
import type { ApplicantProfile } from '../profile/applicant-profile.js';
import type { Application } from '../season/application.js';
import type { PracticeEntry } from '../season/interview-prep.js';
import type { RankList } from '../season/rank-list.js';
import type { TimelineEditsByYear, TimelineOverrides } from '../season/season-timeline.js';
import type { FieldIssue } from '../shared/result.js';
import type { SmartPickSettings } from '../smartpick/settings-schema.js';
import type { BackupData, BackupProgramNotes } from './backup-schema.js';
import type { BackupSectionName } from './sections.js';

/** The records of one section a restore writes: `add` are new keys, `replace` are stored keys that differ. */
export interface SectionPlan<T> {
  add: T[];
  replace: T[];
  unchanged: number;
}

/**
 * What a restore writes, section by section. Nothing here deletes: stored records the bundle lacks are kept.
 * Timeline edits merge by Match year; `timelineEdits.merged` is the whole document to save.
 */
export interface RestorePlan {
  profile: SectionPlan<ApplicantProfile>;
  programs: SectionPlan<Program>;
  smartpickSettings: SectionPlan<SmartPickSettings>;
  networkSettings: SectionPlan<NetworkSettings>;
  contacts: SectionPlan<Contact>;
  interactions: SectionPlan<Interaction>;
  letters: SectionPlan<Letter>;
  events: SectionPlan<NetworkEvent>;
  taskStates: SectionPlan<TaskState>;
  applications: SectionPlan<Application>;
  timelineEdits: SectionPlan<[year: string, TimelineOverrides]> & { merged: TimelineEditsByYear };
  practiceLog: SectionPlan<PracticeEntry>;
  programNotes: SectionPlan<BackupProgramNotes>;
  rankList: SectionPlan<RankList>;
}

/** One row of the report a restore returns. */
export interface SectionReport {
  name: BackupSectionName;
  added: number;
  updated: number;
  unchanged: number;
}

export interface RestoreReport {
  /** False when the database already held everything in the bundle: the restore wrote nothing. */
  changed: boolean;
  sections: SectionReport[];
}

/**
 * What is stored now, for the keys the bundle mentions. `programs` and `programNotes` may hold only the
 * bundle's keys (the catalog is large); the other collections are the whole stored lists. Settings are what
 * `get()` returns (defaults when never saved); a never-saved profile or rank list is null.
 */
export type StoredData = BackupData;

/**
 * Deep equality that ignores object key order: PostgreSQL's jsonb gives keys back in its own order, so a
 * record read back must still equal the record written.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = b as Record<string, unknown>;
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return left.length === rightKeys.length && left.every(([key, value]) => sameValue(value, right[key]));
}

function planCollection<T>(
  incoming: readonly T[],
  stored: readonly T[],
  key: (record: T) => string,
): SectionPlan<T> {
  const byKey = new Map(stored.map((record) => [key(record), record]));
  const plan: SectionPlan<T> = { add: [], replace: [], unchanged: 0 };
  // The same key twice in a bundle: the later record wins, as in a catalog import.
  const latest = new Map(incoming.map((record) => [key(record), record]));
  for (const record of latest.values()) {
    const current = byKey.get(key(record));
    if (current === undefined) plan.add.push(record);
    else if (sameValue(current, record)) plan.unchanged++;
    else plan.replace.push(record);
  }
  return plan;
}

function planSingleton<T>(incoming: T | null, stored: T | null): SectionPlan<T> {
  if (incoming === null) return { add: [], replace: [], unchanged: 0 };
  if (stored === null) return { add: [incoming], replace: [], unchanged: 0 };
  if (sameValue(stored, incoming)) return { add: [], replace: [], unchanged: 1 };
  return { add: [], replace: [incoming], unchanged: 0 };
}

/** The creation time as the database hands it back (milliseconds, Z), so a restored contact compares equal. */
function normalizeContact(contact: Contact): Contact {
  return { ...contact, createdAt: new Date(contact.createdAt).toISOString() };
}

/**
 * Decides what restoring `incoming` over `stored` writes. Natural keys: program ACGME id, contact /
 * interaction / letter / event / practice entry id, task id, application and notes by ACGME id, timeline
 * edits by Match year. Same key, different values: the bundle wins. Stored records the bundle lacks: kept.
 */
export function planRestore(incoming: BackupData, stored: StoredData): RestorePlan {
  const timeline = planCollection(
    Object.entries(incoming.season.timelineEdits),
    Object.entries(stored.season.timelineEdits),
    ([year]) => year,
  );
  return {
    profile: planSingleton(incoming.profile, stored.profile),
    programs: planCollection(incoming.catalog.programs, stored.catalog.programs, (p) => p.acgmeId),
    smartpickSettings: planSingleton(incoming.smartpickSettings, stored.smartpickSettings),
    networkSettings: planSingleton(incoming.networkSettings, stored.networkSettings),
    contacts: planCollection(
      incoming.network.contacts.map(normalizeContact),
      stored.network.contacts.map(normalizeContact),
      (c) => c.id,
    ),
    interactions: planCollection(incoming.network.interactions, stored.network.interactions, (i) => i.id),
    letters: planCollection(incoming.network.letters, stored.network.letters, (l) => l.id),
    events: planCollection(incoming.network.events, stored.network.events, (e) => e.id),
    taskStates: planCollection(incoming.network.taskStates, stored.network.taskStates, (t) => t.taskId),
    applications: planCollection(incoming.season.applications, stored.season.applications, (a) => a.acgmeId),
    timelineEdits: {
      ...timeline,
      merged: { ...stored.season.timelineEdits, ...incoming.season.timelineEdits },
    },
    practiceLog: planCollection(incoming.season.practiceLog, stored.season.practiceLog, (e) => e.id),
    programNotes: planCollection(incoming.season.programNotes, stored.season.programNotes, (n) => n.acgmeId),
    rankList: planSingleton(incoming.season.rankList, stored.season.rankList),
  };
}

/** The plan as the per-section counts a person reads after a restore. */
export function reportOf(plan: RestorePlan): RestoreReport {
  const row = (name: BackupSectionName, section: SectionPlan<unknown>): SectionReport => ({
    name,
    added: section.add.length,
    updated: section.replace.length,
    unchanged: section.unchanged,
  });
  const sections = [
    row('profile', plan.profile),
    row('catalog.programs', plan.programs),
    row('smartpickSettings', plan.smartpickSettings),
    row('networkSettings', plan.networkSettings),
    row('network.contacts', plan.contacts),
    row('network.interactions', plan.interactions),
    row('network.letters', plan.letters),
    row('network.events', plan.events),
    row('network.taskStates', plan.taskStates),
    row('season.applications', plan.applications),
    row('season.timelineEdits', plan.timelineEdits),
    row('season.practiceLog', plan.practiceLog),
    row('season.programNotes', plan.programNotes),
    row('season.rankList', plan.rankList),
  ];
  return { changed: sections.some((s) => s.added + s.updated > 0), sections };
}

/** Ids stored in the database that the bundle's references may point at. */
export interface KnownIds {
  programIds: ReadonlySet<string>;
  contactIds: ReadonlySet<string>;
  eventIds: ReadonlySet<string>;
}

/**
 * References the database enforces (foreign keys), checked before writing so a dangling one is reported at
 * its JSON path instead of failing the transaction: each must name a record in the bundle or already stored.
 */
export function checkReferences(incoming: BackupData, stored: KnownIds): FieldIssue[] {
  const programs = new Set([...stored.programIds, ...incoming.catalog.programs.map((p) => p.acgmeId)]);
  const contacts = new Set([...stored.contactIds, ...incoming.network.contacts.map((c) => c.id)]);
  const events = new Set([...stored.eventIds, ...incoming.network.events.map((e) => e.id)]);
  const issues: FieldIssue[] = [];
  const require = (known: Set<string>, id: string | null, path: string, what: string) => {
    if (id !== null && !known.has(id)) issues.push({ path, message: `No ${what} with id "${id}"` });
  };
  incoming.network.interactions.forEach((i, index) => {
    require(contacts, i.contactId, `network.interactions[${index}].contactId`, 'contact');
    require(events, i.eventId, `network.interactions[${index}].eventId`, 'event');
  });
  incoming.network.letters.forEach((l, index) => {
    require(contacts, l.writerContactId, `network.letters[${index}].writerContactId`, 'contact');
  });
  incoming.season.applications.forEach((a, index) => {
    require(programs, a.acgmeId, `season.applications[${index}].acgmeId`, 'catalog program');
  });
  incoming.season.practiceLog.forEach((e, index) => {
    require(programs, e.acgmeId, `season.practiceLog[${index}].acgmeId`, 'catalog program');
  });
  incoming.season.programNotes.forEach((n, index) => {
    require(programs, n.acgmeId, `season.programNotes[${index}].acgmeId`, 'catalog program');
  });
  return issues;
}

/** ACGME ids the applicant's own data points at: demo programs among them travel with the bundle. */
export function referencedProgramIds(data: Omit<BackupData, 'catalog'>): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | null) => {
    if (id !== null) ids.add(id);
  };
  for (const a of data.season.applications) add(a.acgmeId);
  for (const e of data.season.practiceLog) add(e.acgmeId);
  for (const n of data.season.programNotes) add(n.acgmeId);
  for (const id of data.season.rankList?.ranked ?? []) add(id);
  for (const id of data.season.rankList?.wouldNotAttend ?? []) add(id);
  for (const pair of data.season.rankList?.couples?.pairs ?? []) add(pair.mine);
  for (const c of data.network.contacts) add(c.affiliation.acgmeId);
  for (const i of data.network.interactions) add(i.acgmeId);
  for (const e of data.network.events) for (const id of e.programsAttending) add(id);
  return ids;
}
