import {
  type Backup,
  type BackupData,
  type BackupProgramNotes,
  checkReferences,
  planRestore,
  previewRestore,
  type RestorePlan,
  type RestorePreview,
  type RestoreReport,
  referencedProgramIds,
  reportOf,
  type SectionCounts,
  toBackup,
} from '../../core/backup/index.js';
import type { Program } from '../../core/catalog/program.js';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import type { OwnerDatabase, Repositories } from '../../db/index.js';
import { appVersion } from './app-version.js';

export interface ExportOptions {
  now?: () => Date;
  /** Written to `app.version`; the installed package's version by default. */
  appVersion?: string;
}

/**
 * Reads everything of the applicant's through the repositories into one versioned bundle. The catalog
 * section holds imported and edited programs, plus demo programs the applicant's data points at (so
 * applications and notes about them can be restored); the rest of the demo catalog is left out.
 *
 * @example
 * const backup = await exportBackup(db);
 * await writeFile('matchwise-backup.json', JSON.stringify(backup, null, 2));
 */
export async function exportBackup(db: OwnerDatabase, options: ExportOptions = {}): Promise<Backup> {
  const programNotes: BackupProgramNotes[] = [];
  for (const acgmeId of await db.interviewPrep.listNotedPrograms()) {
    const notes = await db.interviewPrep.getNotes(acgmeId);
    if (notes) programNotes.push({ acgmeId, whatToMention: notes.whatToMention, notes: notes.notes });
  }
  const rest = await readOwnData(db, programNotes);
  const imported = await db.programs.list({ synthetic: false });
  const importedIds = new Set(imported.map((p) => p.acgmeId));
  const wanted = [...referencedProgramIds(rest)].filter((id) => !importedIds.has(id));
  const referenced = [...(await db.programs.getMany(wanted)).values()].sort((a, b) =>
    a.acgmeId < b.acgmeId ? -1 : a.acgmeId > b.acgmeId ? 1 : 0,
  );
  const data: BackupData = { ...rest, catalog: { programs: [...imported, ...referenced] } };
  return toBackup(data, {
    exportedAt: (options.now ?? (() => new Date()))(),
    appVersion: options.appVersion ?? appVersion(),
  });
}

/** Everything but the catalog, with the program notes the caller gathered (no repository lists them all). */
async function readOwnData(
  repos: Repositories,
  programNotes: BackupProgramNotes[],
): Promise<Omit<BackupData, 'catalog'>> {
  const saved = await repos.profiles.get();
  const { updatedAt, ...rankList } = await repos.rankList.get();
  return {
    profile: saved?.profile ?? null,
    smartpickSettings: await repos.smartpickSettings.get(),
    networkSettings: await repos.networkSettings.get(),
    network: {
      contacts: await repos.contacts.list(),
      interactions: await repos.interactions.list(),
      letters: await repos.letters.list(),
      events: await repos.events.list(),
      taskStates: await repos.taskStates.list(),
    },
    season: {
      applications: await repos.applications.list(),
      timelineEdits: await repos.timelineEdits.get(),
      practiceLog: await repos.interviewPrep.listPractice(),
      programNotes,
      rankList: updatedAt === null ? null : rankList,
    },
  };
}

/** What is stored under the keys the bundle mentions: the other side of `planRestore`. */
async function readStored(repos: Repositories, backup: BackupData): Promise<BackupData> {
  const programNotes: BackupProgramNotes[] = [];
  for (const { acgmeId } of backup.season.programNotes) {
    const notes = await repos.interviewPrep.getNotes(acgmeId);
    if (notes) programNotes.push({ acgmeId, whatToMention: notes.whatToMention, notes: notes.notes });
  }
  const programs = await repos.programs.getMany(backup.catalog.programs.map((p) => p.acgmeId));
  return { ...(await readOwnData(repos, programNotes)), catalog: { programs: [...programs.values()] } };
}

async function referenceIssues(repos: Repositories, backup: BackupData): Promise<FieldIssue[]> {
  const programIds = [
    ...backup.season.applications.map((a) => a.acgmeId),
    ...backup.season.programNotes.map((n) => n.acgmeId),
    ...backup.season.practiceLog.flatMap((e) => (e.acgmeId === null ? [] : [e.acgmeId])),
  ];
  const stored = await repos.programs.getMany(programIds);
  return checkReferences(backup, {
    programIds: new Set(stored.keys()),
    contactIds: new Set((await repos.contacts.list()).map((c) => c.id)),
    eventIds: new Set((await repos.events.list()).map((e) => e.id)),
  });
}

/** How much of each section the database holds now; settings always count as one (defaults until saved). */
export async function currentCounts(db: OwnerDatabase): Promise<SectionCounts> {
  const notedPrograms = (await db.interviewPrep.listNotedPrograms()).length;
  return {
    profile: (await db.profiles.get()) === null ? 0 : 1,
    'catalog.programs': (await db.programs.count()).total,
    smartpickSettings: 1,
    networkSettings: 1,
    'network.contacts': (await db.contacts.list()).length,
    'network.interactions': (await db.interactions.list()).length,
    'network.letters': (await db.letters.list()).length,
    'network.events': (await db.events.list()).length,
    'network.taskStates': (await db.taskStates.list()).length,
    'season.applications': (await db.applications.list()).length,
    'season.timelineEdits': Object.keys(await db.timelineEdits.get()).length,
    'season.practiceLog': (await db.interviewPrep.listPractice()).length,
    // count() is bigint: `pg` returns it as a string, PGlite as a number.
    'season.programNotes': notedPrograms,
    'season.rankList': (await db.rankList.get()).updatedAt === null ? 0 : 1,
  };
}

/**
 * Says what restoring would do, section by section; writes nothing. References the bundle cannot satisfy
 * (an interaction with an unknown contact, an application for a program neither bundled nor stored) are
 * field issues, as a restore would refuse them.
 */
export async function previewBackup(
  db: OwnerDatabase,
  backup: Backup,
): Promise<Result<RestorePreview, FieldIssue[]>> {
  const issues = await referenceIssues(db, backup);
  if (issues.length > 0) return err(issues);
  return ok(previewRestore(backup, await currentCounts(db)));
}

/**
 * Restores a bundle in one transaction — all of it lands or none of it. Into an empty database it is a plain
 * load; otherwise it merges by natural key (the bundle's values win for the same key) and never deletes a
 * stored record. Restoring the same bundle twice changes nothing the second time.
 */
export async function restoreBackup(
  db: OwnerDatabase,
  backup: Backup,
): Promise<Result<RestoreReport, FieldIssue[]>> {
  return db.transaction(async (repos) => {
    const issues = await referenceIssues(repos, backup);
    if (issues.length > 0) return err(issues);
    const plan = planRestore(backup, await readStored(repos, backup));
    await applyPlan(repos, plan);
    return ok(reportOf(plan));
  });
}

async function applyPlan(repos: Repositories, plan: RestorePlan): Promise<void> {
  const written = <T>(section: { add: T[]; replace: T[] }): T[] => [...section.add, ...section.replace];

  await repos.programs.upsertMany(written<Program>(plan.programs));
  for (const profile of written(plan.profile)) await repos.profiles.save(profile);
  for (const settings of written(plan.smartpickSettings)) await repos.smartpickSettings.save(settings);
  for (const settings of written(plan.networkSettings)) await repos.networkSettings.save(settings);

  // Contacts and events first: interactions and letters point at them.
  await repos.contacts.insertMany(plan.contacts.add);
  for (const contact of plan.contacts.replace) await repos.contacts.update(contact);
  for (const event of plan.events.add) await repos.events.insert(event);
  for (const event of plan.events.replace) await repos.events.update(event);
  // Interactions and practice entries cannot be edited in place: a changed one is written again.
  for (const interaction of plan.interactions.replace) await repos.interactions.delete(interaction.id);
  for (const interaction of written(plan.interactions)) await repos.interactions.insert(interaction);
  for (const letter of plan.letters.add) await repos.letters.insert(letter);
  for (const letter of plan.letters.replace) await repos.letters.update(letter);
  for (const state of written(plan.taskStates)) await repos.taskStates.set(state);

  await repos.applications.insertMissing(plan.applications.add);
  for (const application of plan.applications.replace) await repos.applications.update(application);
  if (written(plan.timelineEdits).length > 0) await repos.timelineEdits.save(plan.timelineEdits.merged);
  for (const entry of plan.practiceLog.replace) await repos.interviewPrep.deletePractice(entry.id);
  // The log is newest first; inserting oldest first keeps same-day entries in their order.
  for (const entry of written(plan.practiceLog).reverse()) await repos.interviewPrep.insertPractice(entry);
  for (const { acgmeId, ...notes } of written(plan.programNotes)) {
    await repos.interviewPrep.saveNotes(acgmeId, notes);
  }
  for (const list of written(plan.rankList)) await repos.rankList.save(list);
}
