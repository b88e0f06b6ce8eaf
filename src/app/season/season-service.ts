import { randomUUID } from 'node:crypto';
import type { Program } from '../../core/catalog/program.js';
import {
  bucketTasks,
  type Contact,
  connectionsAtProgram,
  effectiveCircle,
  icsFromTasks,
  type ProgramConnectionDetail,
} from '../../core/network/index.js';
import {
  type Application,
  type Interview,
  newApplication,
  type Stage,
} from '../../core/season/application.js';
import { feeOnApplying } from '../../core/season/application-fee.js';
import type { PracticeEntry } from '../../core/season/interview-prep.js';
import { mergeCalendars } from '../../core/season/merge-calendars.js';
import {
  type PipelineTotals,
  pipelineTotals,
  type TransitionDetails,
  transition,
} from '../../core/season/pipeline.js';
import { questionById } from '../../core/season/question-bank.js';
import {
  type RankList,
  type RankListWarning,
  rankListWarnings,
  wasInterviewed,
} from '../../core/season/rank-list.js';
import { seasonIcs } from '../../core/season/season-ics.js';
import {
  localDay,
  type SeasonTimeline,
  seasonTimeline,
  type TimelineItem,
  type TimelineOverrides,
  whatIsNext,
} from '../../core/season/season-timeline.js';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import { DEFAULT_PARAMETERS } from '../../core/smartpick/model-parameters.js';
import type { Repositories } from '../../db/repositories.js';
import { loadNetwork, trackedTasks } from '../network/network-service.js';

/** Why a season request cannot be done; routes turn it into a problem, the CLI into a message. */
export interface SeasonFailure {
  status: 404 | 422;
  title: string;
  detail?: string;
  errors: FieldIssue[];
}

const failure = (status: 404 | 422, title: string, errors: FieldIssue[], detail?: string): SeasonFailure => ({
  status,
  title,
  errors,
  ...(detail === undefined ? {} : { detail }),
});

export interface ProgramRef {
  name: string;
  city: string;
  state: string;
}

export type ApplicationView = Application & { program: ProgramRef };

const refOf = (program: Program): ProgramRef => ({
  name: program.name,
  city: program.city,
  state: program.state,
});

/** A program gone from the catalog still reads as something; its id is all that is left. */
const unknownRef = (acgmeId: string): ProgramRef => ({ name: `Program ${acgmeId}`, city: '', state: '' });

async function programRefs(repos: Repositories, ids: readonly string[]): Promise<Map<string, ProgramRef>> {
  const programs = await repos.programs.getMany([...new Set(ids)]);
  return new Map([...programs].map(([id, program]) => [id, refOf(program)]));
}

function notInPipeline(acgmeId: string): SeasonFailure {
  return failure(404, `No application for ACGME id ${acgmeId}`, [
    { path: 'acgmeId', message: 'This program is not in your pipeline' },
  ]);
}

// ---- applications ---------------------------------------------------------------------------------------

/** Every application with its program's name and place, by program name. */
export async function applicationViews(repos: Repositories): Promise<ApplicationView[]> {
  const applications = await repos.applications.list();
  return withPrograms(repos, applications);
}

async function viewOf(repos: Repositories, application: Application): Promise<ApplicationView> {
  const program = await repos.programs.get(application.acgmeId);
  return { ...application, program: program === null ? unknownRef(application.acgmeId) : refOf(program) };
}

async function withPrograms(
  repos: Repositories,
  applications: readonly Application[],
): Promise<ApplicationView[]> {
  const refs = await programRefs(
    repos,
    applications.map((a) => a.acgmeId),
  );
  return applications
    .map((a) => ({ ...a, program: refs.get(a.acgmeId) ?? unknownRef(a.acgmeId) }))
    .sort((a, b) => a.program.name.localeCompare(b.program.name) || a.acgmeId.localeCompare(b.acgmeId));
}

export type SeasonTotals = Omit<PipelineTotals, 'spentDollars'> & {
  feesSpent: number;
  budgetPrograms: number | null;
};

/** The pipeline's totals against the budget: the profile's, the one My list edits too. */
export async function seasonTotals(
  repos: Repositories,
  applications: readonly Application[],
): Promise<SeasonTotals> {
  const budget = (await repos.profiles.get())?.profile.budget ?? null;
  const dollars = budget?.kind === 'dollars' ? budget.dollars : undefined;
  const { spentDollars, ...totals } = pipelineTotals(applications, dollars);
  return {
    ...totals,
    feesSpent: spentDollars,
    budgetPrograms: budget?.kind === 'programs' ? budget.programs : null,
  };
}

export interface AddReport {
  added: string[];
  skipped: string[];
  applications: ApplicationView[];
}

/** Saves programs to the pipeline; ones already there are skipped, and unknown ids refuse the whole batch. */
export async function addApplications(
  repos: Repositories,
  acgmeIds: readonly string[],
  now: Date,
): Promise<Result<AddReport, SeasonFailure>> {
  const unique = [...new Set(acgmeIds)];
  const programs = await repos.programs.getMany(unique);
  const unknown = acgmeIds.flatMap((id, index) =>
    programs.has(id) ? [] : [{ path: `acgmeIds.${index}`, message: `No program with ACGME id ${id}` }],
  );
  if (unknown.length > 0) return err(failure(422, 'Some programs are not in the catalog', unknown));
  const added = new Set(await repos.applications.insertMissing(unique.map((id) => newApplication(id, now))));
  const stored = await repos.applications.list();
  return ok({
    added: unique.filter((id) => added.has(id)),
    skipped: unique.filter((id) => !added.has(id)),
    applications: await withPrograms(
      repos,
      stored.filter((a) => added.has(a.acgmeId)),
    ),
  });
}

/** One move through the pipeline; an illegal one fails with the core's message. */
export async function moveApplication(
  repos: Repositories,
  acgmeId: string,
  to: Stage,
  { at, details = {} }: { at: Date; details?: TransitionDetails },
): Promise<Result<ApplicationView, SeasonFailure>> {
  const current = await repos.applications.get(acgmeId);
  if (current === null) return err(notInPipeline(acgmeId));
  const moved = transition(current, to, {
    at,
    details: await withFeeOnApplying(repos, current, to, details),
  });
  if (!moved.ok) {
    const { message } = moved.error;
    return err(failure(422, 'Illegal stage change', [{ path: 'stage', message }], message));
  }
  await repos.applications.update(moved.value);
  return ok(await viewOf(repos, moved.value));
}

/**
 * Sending an application records its fee from the fee schedule (the one My list uses: yours if you edited it),
 * unless the move names a fee or one is recorded already; the fee stays editable on the application.
 */
async function withFeeOnApplying(
  repos: Repositories,
  current: Application,
  to: Stage,
  details: TransitionDetails,
): Promise<TransitionDetails> {
  const applying = (to === 'applied' || to === 'signaled') && current.appliedOn === null;
  if (!applying || details.feeDollars !== undefined || current.feeDollars !== null) return details;
  const [settings, applications] = await Promise.all([
    repos.smartpickSettings.get(),
    repos.applications.list(),
  ]);
  const schedule = settings.feeSchedule ?? DEFAULT_PARAMETERS.defaults.feeSchedule;
  return { ...details, feeDollars: feeOnApplying(applications, current.acgmeId, schedule).dollars };
}

export type ApplicationEdit = TransitionDetails & Partial<Pick<Application, 'signaled' | 'notes'>>;

/** Edits facts of an application without moving it (the stage and history change only through a move). */
export async function editApplication(
  repos: Repositories,
  acgmeId: string,
  edit: ApplicationEdit,
): Promise<Result<ApplicationView, SeasonFailure>> {
  const current = await repos.applications.get(acgmeId);
  if (current === null) return err(notInPipeline(acgmeId));
  const next: Application = { ...current, ...edit, stage: current.stage, history: current.history };
  await repos.applications.update(next);
  return ok(await viewOf(repos, next));
}

// ---- timeline and calendar --------------------------------------------------------------------------------

export interface SeasonTimelineView {
  matchYear: number;
  today: string;
  items: TimelineItem[];
  next: TimelineItem[];
  overdue: TimelineItem[];
  overrides: TimelineOverrides;
}

async function storedTimeline(
  repos: Repositories,
  year: number,
): Promise<[SeasonTimeline, TimelineOverrides]> {
  const overrides = (await repos.timelineEdits.get())[String(year)] ?? {};
  return [seasonTimeline(year, overrides), overrides];
}

/** A cycle's dates with the applicant's edits, and what is next or overdue on the applicant's day. */
export async function timelineView(
  repos: Repositories,
  { year, now, timeZone = 'UTC' }: { year: number; now: Date; timeZone?: string },
): Promise<SeasonTimelineView> {
  const [timeline, overrides] = await storedTimeline(repos, year);
  const { next, overdue } = whatIsNext(timeline, { now, timeZone });
  return { matchYear: year, today: localDay(now, timeZone), items: timeline.items, next, overdue, overrides };
}

/** Replaces one cycle's edits; other cycles' stay. */
export async function saveTimelineEdits(
  repos: Repositories,
  year: number,
  overrides: TimelineOverrides,
): Promise<void> {
  const all = await repos.timelineEdits.get();
  await repos.timelineEdits.save({ ...all, [String(year)]: overrides });
}

/** The timeline, reply deadlines, interviews and open Network tasks as one iCalendar file. */
export async function seasonCalendar(
  repos: Repositories,
  { year, now }: { year: number; now: Date },
): Promise<string> {
  const [[timeline], applications, tasks] = await Promise.all([
    storedTimeline(repos, year),
    repos.applications.list(),
    trackedTasks(repos, now),
  ]);
  const refs = await programRefs(
    repos,
    applications.map((a) => a.acgmeId),
  );
  const programNames = Object.fromEntries([...refs].map(([id, ref]) => [id, ref.name]));
  const buckets = bucketTasks(tasks, now);
  const open = [...buckets.overdue, ...buckets.today, ...buckets.thisWeek, ...buckets.later];
  return mergeCalendars(seasonIcs({ timeline, applications, programNames, now }), icsFromTasks(open, now));
}

// ---- interview preparation --------------------------------------------------------------------------------

export interface PracticeInput {
  questionId?: string | null | undefined;
  questionText?: string | null | undefined;
  acgmeId?: string | null | undefined;
  practicedOn?: string | undefined;
  rating: number;
  notes?: string | undefined;
}

/** Logs one practice session; the question must be in the bank and the program in the catalog. */
export async function logPractice(
  repos: Repositories,
  input: PracticeInput,
  today: string,
): Promise<Result<PracticeEntry, SeasonFailure>> {
  const questionId = input.questionId ?? null;
  if (questionId !== null && questionById(questionId) === undefined) {
    return err(
      failure(422, 'No such question', [{ path: 'questionId', message: 'Not in the question bank' }]),
    );
  }
  const acgmeId = input.acgmeId ?? null;
  if (acgmeId !== null && (await repos.programs.get(acgmeId)) === null) {
    return err(
      failure(422, 'The program is not in the catalog', [
        { path: 'acgmeId', message: `No program with ACGME id ${acgmeId}` },
      ]),
    );
  }
  return ok(
    await repos.interviewPrep.insertPractice({
      id: randomUUID(),
      questionId,
      questionText: input.questionText ?? null,
      acgmeId,
      practicedOn: input.practicedOn ?? today,
      rating: input.rating,
      notes: input.notes ?? '',
    }),
  );
}

export interface ProgramNotesView {
  acgmeId: string;
  program: ProgramRef;
  notes: { whatToMention: string; notes: string; updatedAt: string | null };
  application: ApplicationView | null;
  interview: Interview | null;
  connections: ProgramConnectionDetail;
  contacts: Pick<Contact, 'id' | 'name' | 'title' | 'role' | 'circle'>[];
}

/** What to say at one program, beside its interview and the people the applicant knows there. */
export async function programNotesView(
  repos: Repositories,
  acgmeId: string,
): Promise<Result<ProgramNotesView, SeasonFailure>> {
  const program = await repos.programs.get(acgmeId);
  if (program === null) {
    return err(
      failure(404, `No program with ACGME id ${acgmeId}`, [
        { path: 'acgmeId', message: 'Not in the catalog' },
      ]),
    );
  }
  const [notes, application, network] = await Promise.all([
    repos.interviewPrep.getNotes(acgmeId),
    repos.applications.get(acgmeId),
    loadNetwork(repos),
  ]);
  const contacts = network.contacts
    .filter((c) => c.affiliation.acgmeId === acgmeId)
    .map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      role: c.role,
      circle: effectiveCircle(
        c,
        network.interactions.filter((i) => i.contactId === c.id),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return ok({
    acgmeId,
    program: refOf(program),
    notes: notes ?? { whatToMention: '', notes: '', updatedAt: null },
    application: application === null ? null : { ...application, program: refOf(program) },
    interview: application?.interview ?? null,
    connections: connectionsAtProgram(acgmeId, network),
    contacts,
  });
}

// ---- rank list ----------------------------------------------------------------------------------------

export interface RankedEntry {
  rank: number;
  acgmeId: string;
  program: ProgramRef | null;
  stage: Stage | null;
  interviewed: boolean;
}

export interface RankListView {
  ranked: RankedEntry[];
  wouldNotAttend: string[];
  couples: RankList['couples'];
  minimumRanked: number;
  warnings: RankListWarning[];
  candidates: (ProgramRef & { acgmeId: string })[];
  updatedAt: string | null;
}

/** The rank list with program names, its warnings, and interviewed programs not yet placed. */
export async function rankListView(repos: Repositories): Promise<RankListView> {
  const [list, applications] = await Promise.all([repos.rankList.get(), repos.applications.list()]);
  const byId = new Map(applications.map((a) => [a.acgmeId, a]));
  const refs = await programRefs(repos, [...list.ranked, ...applications.map((a) => a.acgmeId)]);
  const programNames = Object.fromEntries([...refs].map(([id, ref]) => [id, ref.name]));
  const placed = new Set([...list.ranked, ...list.wouldNotAttend]);
  return {
    ranked: list.ranked.map((acgmeId, index) => {
      const application = byId.get(acgmeId);
      return {
        rank: index + 1,
        acgmeId,
        program: refs.get(acgmeId) ?? null,
        stage: application?.stage ?? null,
        interviewed: application !== undefined && wasInterviewed(application),
      };
    }),
    wouldNotAttend: list.wouldNotAttend,
    couples: list.couples,
    minimumRanked: list.minimumRanked,
    warnings: rankListWarnings({
      ranked: list.ranked,
      applications,
      wouldNotAttend: list.wouldNotAttend,
      minimumRanked: list.minimumRanked,
      programNames,
    }),
    candidates: applications
      .filter((a) => wasInterviewed(a) && a.stage !== 'withdrawn' && !placed.has(a.acgmeId))
      .map((a) => ({ acgmeId: a.acgmeId, ...(refs.get(a.acgmeId) ?? unknownRef(a.acgmeId)) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    updatedAt: list.updatedAt,
  };
}

/** Saves the whole list; every ACGME id must be in the catalog. */
export async function saveRankList(
  repos: Repositories,
  list: RankList,
): Promise<Result<RankListView, SeasonFailure>> {
  const named: [string, string][] = [
    ...list.ranked.map((id, i): [string, string] => [`ranked.${i}`, id]),
    ...list.wouldNotAttend.map((id, i): [string, string] => [`wouldNotAttend.${i}`, id]),
    ...(list.couples?.pairs ?? []).flatMap((pair, i): [string, string][] =>
      pair.mine === null ? [] : [[`couples.pairs.${i}.mine`, pair.mine]],
    ),
  ];
  const programs = await repos.programs.getMany(named.map(([, id]) => id));
  const unknown = named
    .filter(([, id]) => !programs.has(id))
    .map(([path, id]) => ({ path, message: `No program with ACGME id ${id}` }));
  if (unknown.length > 0) return err(failure(422, 'Some programs are not in the catalog', unknown));
  await repos.rankList.save(list);
  return ok(await rankListView(repos));
}
