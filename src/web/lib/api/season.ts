import { useQuery } from '@tanstack/react-query';
import type { ProgramConnectionDetail } from '../../../core/network/index.js';
import { request } from './client.js';

/** Request and response shapes of docs/api.md, "Season" (applications, timeline, prep, rank list) and odds. */

// The stage and timeline ids are the core's own, so the page and the API can never disagree on them.
import type { Stage } from '../../../core/season/application.js';
import type { TimelineItemId } from '../../../core/season/season-timeline.js';

export { STAGES, type Stage } from '../../../core/season/application.js';
export { TIMELINE_ITEM_IDS, type TimelineItemId } from '../../../core/season/season-timeline.js';

export interface Interview {
  /** An instant with its offset, e.g. 2026-12-03T09:00:00-06:00. */
  startsAt: string;
  /** IANA zone of the program, e.g. America/Chicago. */
  timeZone: string;
  mode: 'virtual' | 'in-person';
}

export interface Impressions {
  ratings: Record<string, number>;
  notes: string;
}

export interface Application {
  acgmeId: string;
  stage: Stage;
  appliedOn: string | null;
  feeDollars: number | null;
  signaled: boolean;
  invitedOn: string | null;
  responseDeadline: string | null;
  interview: Interview | null;
  impressions: Impressions | null;
  history: { stage: Stage; at: string }[];
  notes: string;
}

export interface ProgramRef {
  name: string;
  city: string;
  state: string;
}

export type ApplicationView = Application & { program: ProgramRef };

export interface SeasonTotals {
  byStage: Record<Stage, number>;
  applications: number;
  invites: number;
  interviews: number;
  feesSpent: number;
  budget: { budgetDollars: number; remainingDollars: number; overBudget: boolean } | null;
  budgetPrograms: number | null;
}

export interface ApplicationList {
  applications: ApplicationView[];
  totals: SeasonTotals;
}

export interface BulkAddResult {
  added: string[];
  /** Already in the pipeline. */
  skipped: string[];
  applications: ApplicationView[];
}

/** The fields PATCH /api/applications/:acgmeId edits; the stage changes only through a move. */
export type ApplicationEdit = Partial<
  Pick<
    Application,
    | 'appliedOn'
    | 'feeDollars'
    | 'invitedOn'
    | 'responseDeadline'
    | 'interview'
    | 'impressions'
    | 'signaled'
    | 'notes'
  >
>;

export interface StageMove {
  stage: Stage;
  details?: Omit<ApplicationEdit, 'signaled' | 'notes'>;
}

export interface TimelineItem {
  id: TimelineItemId;
  title: string;
  kind: 'deadline' | 'milestone' | 'window';
  date: string;
  endDate: string | null;
  approximate: boolean;
  source: string;
  edited: boolean;
  done: boolean;
}

export interface TimelineOverride {
  date?: string;
  endDate?: string | null;
  title?: string;
  done?: boolean;
}

export type TimelineOverrides = Partial<Record<TimelineItemId, TimelineOverride>>;

export interface SeasonTimelineView {
  matchYear: number;
  today: string;
  items: TimelineItem[];
  next: TimelineItem[];
  overdue: TimelineItem[];
  overrides: TimelineOverrides;
}

export type QuestionCategory = 'behavioural' | 'why-family-medicine' | 'img' | 'program-specific';

export interface InterviewQuestion {
  id: string;
  category: QuestionCategory;
  text: string;
  /** What interviewers listen for: shown as the tip. */
  listenFor: string;
}

export interface QuestionBank {
  categories: { id: QuestionCategory; label: string }[];
  items: InterviewQuestion[];
}

export interface PracticeEntry {
  id: string;
  questionId: string | null;
  questionText: string | null;
  acgmeId: string | null;
  practicedOn: string;
  rating: number;
  notes: string;
}

export interface PracticeBody {
  questionId?: string | null;
  questionText?: string | null;
  acgmeId?: string | null;
  practicedOn?: string;
  rating: number;
  notes?: string;
}

export interface ProgramNotesView {
  acgmeId: string;
  program: ProgramRef;
  notes: { whatToMention: string; notes: string; updatedAt: string | null };
  application: ApplicationView | null;
  interview: Interview | null;
  connections: ProgramConnectionDetail;
  contacts: { id: string; name: string; title: string | null; role: string; circle: string }[];
}

export interface CouplesList {
  partnerName: string;
  /** mine: an ACGME id, null = no match for me; partner: free text, null = no match for the partner. */
  pairs: { mine: string | null; partner: string | null }[];
}

export interface RankListBody {
  ranked: string[];
  wouldNotAttend: string[];
  couples: CouplesList | null;
  minimumRanked?: number;
}

export interface RankedEntry {
  rank: number;
  acgmeId: string;
  program: ProgramRef;
  stage: Stage | null;
  interviewed: boolean;
}

export interface RankListWarning {
  kind: 'too-few' | 'interviewed-left-off' | 'ranked-would-not-attend' | 'ranked-not-interviewed';
  acgmeId: string | null;
  message: string;
}

export interface RankListView {
  ranked: RankedEntry[];
  wouldNotAttend: string[];
  couples: CouplesList | null;
  minimumRanked: number;
  warnings: RankListWarning[];
  candidates: (ProgramRef & { acgmeId: string })[];
  updatedAt: string | null;
}

export interface SimulationRequest {
  runs?: number;
  rankList?: string[];
}

export interface SimulationResult {
  runs: number;
  /** Share of simulated Matches in which you matched. */
  pMatch: number;
  /** Wilson 95% interval of pMatch: simulation error only (how many runs), not the model's own uncertainty. */
  ci95: [number, number];
  distribution: { acgmeId: string; name: string; probability: number; ci95: [number, number] }[];
  pUnmatched: number;
  /** The model's P(match) given interviews at these programs: what My list shows as "P(match) now" for them. */
  model: { pMatch: number; perProgram: { acgmeId: string; name: string; chance: number }[] };
  synthetic: true;
  assumptions: string[];
}

export interface SimulationStatus {
  id: string;
  status: 'running' | 'done' | 'failed' | 'canceled';
  completedRuns: number;
  totalRuns: number;
  result: SimulationResult | null;
  error?: string | null;
}

const id = encodeURIComponent;

/** Typed calls for the Season endpoints. */
export const seasonApi = {
  applications: () => request<ApplicationList>('GET', '/api/applications'),
  addApplications: (acgmeIds: string[]) => request<BulkAddResult>('POST', '/api/applications', { acgmeIds }),
  moveApplication: (acgmeId: string, move: StageMove) =>
    request<ApplicationView>('POST', `/api/applications/${id(acgmeId)}/stage`, move),
  updateApplication: (acgmeId: string, edit: ApplicationEdit) =>
    request<ApplicationView>('PATCH', `/api/applications/${id(acgmeId)}`, edit),
  deleteApplication: (acgmeId: string) => request<void>('DELETE', `/api/applications/${id(acgmeId)}`),

  timeline: (timeZone = browserTimeZone()) =>
    request<SeasonTimelineView>('GET', `/api/season/timeline?timeZone=${id(timeZone)}`),
  saveTimeline: (year: number, overrides: TimelineOverrides) =>
    request<SeasonTimelineView>('PUT', `/api/season/timeline/${year}`, overrides),

  questions: () => request<QuestionBank>('GET', '/api/interview-prep/questions'),
  practice: () => request<{ items: PracticeEntry[] }>('GET', '/api/interview-prep/practice'),
  addPractice: (body: PracticeBody) => request<PracticeEntry>('POST', '/api/interview-prep/practice', body),
  deletePractice: (entryId: string) => request<void>('DELETE', `/api/interview-prep/practice/${id(entryId)}`),
  programNotes: (acgmeId: string) =>
    request<ProgramNotesView>('GET', `/api/interview-prep/notes/${id(acgmeId)}`),
  saveProgramNotes: (acgmeId: string, body: { whatToMention: string; notes: string }) =>
    request<ProgramNotesView>('PUT', `/api/interview-prep/notes/${id(acgmeId)}`, body),

  rankList: () => request<RankListView>('GET', '/api/rank-list'),
  saveRankList: (body: RankListBody) => request<RankListView>('PUT', '/api/rank-list', body),

  startSimulation: (body: SimulationRequest) =>
    request<{ id: string; totalRuns: number }>('POST', '/api/match/simulations', body),
  simulation: (simulationId: string) =>
    request<SimulationStatus>('GET', `/api/match/simulations/${id(simulationId)}`),
  cancelSimulation: (simulationId: string) =>
    request<void>('DELETE', `/api/match/simulations/${id(simulationId)}`),
};

/** The applicant's IANA zone, which decides "today" for the timeline. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The timeline, reply deadlines, interviews and Network tasks as one iCalendar file. */
export const SEASON_ICS_URL = '/api/season/calendar.ics';

export const seasonKeys = {
  /** Everything computed from applications (board, timeline interviews, prep, rank list): invalidate this. */
  all: ['season'] as const,
  applications: ['season', 'applications'] as const,
  timeline: ['season', 'timeline'] as const,
  questions: ['interview-prep', 'questions'] as const,
  practice: ['season', 'practice'] as const,
  programNotes: (acgmeId: string) => ['season', 'program-notes', acgmeId] as const,
  rankList: ['season', 'rank-list'] as const,
};

export const useApplications = () =>
  useQuery({ queryKey: seasonKeys.applications, queryFn: seasonApi.applications });

export const useSeasonTimeline = () =>
  useQuery({ queryKey: seasonKeys.timeline, queryFn: () => seasonApi.timeline() });

export const useQuestionBank = () =>
  useQuery({
    queryKey: seasonKeys.questions,
    queryFn: seasonApi.questions,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const usePractice = () => useQuery({ queryKey: seasonKeys.practice, queryFn: seasonApi.practice });

export const useProgramNotes = (acgmeId: string) =>
  useQuery({ queryKey: seasonKeys.programNotes(acgmeId), queryFn: () => seasonApi.programNotes(acgmeId) });

export const useRankList = () => useQuery({ queryKey: seasonKeys.rankList, queryFn: seasonApi.rankList });
