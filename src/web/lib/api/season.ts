import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { RankList } from '../../../core/season/rank-list.js';
import type { TimelineOverrides } from '../../../core/season/season-timeline.js';
import { request } from './client.js';
import { queryKeys } from './queries.js';
import type { ApiResponse } from './responses.js';

/**
 * Shapes of docs/api.md, "Season" (applications, timeline, prep, rank list) and odds. Responses are read off the
 * server's routes (responses.ts); request bodies are the core schemas' types.
 */

export { STAGES, type Stage } from '../../../core/season/application.js';
export {
  TIMELINE_ITEM_IDS,
  type TimelineItemId,
  type TimelineOverride,
  type TimelineOverrides,
} from '../../../core/season/season-timeline.js';

export type ApplicationList = ApiResponse<'/applications', '$get'>;
export type SeasonTotals = ApplicationList['totals'];
export type ApplicationView = ApplicationList['applications'][number];
export type Application = Omit<ApplicationView, 'program'>;
export type ProgramRef = ApplicationView['program'];
export type Interview = NonNullable<Application['interview']>;
export type Impressions = NonNullable<Application['impressions']>;

export type BulkAddResult = ApiResponse<'/applications', '$post'>;

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
  stage: Application['stage'];
  details?: Omit<ApplicationEdit, 'signaled' | 'notes'>;
}

export type SeasonTimelineView = ApiResponse<'/season/timeline', '$get'>;
export type TimelineItem = SeasonTimelineView['items'][number];

export type QuestionBank = ApiResponse<'/interview-prep/questions', '$get'>;
export type InterviewQuestion = QuestionBank['items'][number];
export type QuestionCategory = InterviewQuestion['category'];

export type PracticeEntry = ApiResponse<'/interview-prep/practice', '$post'>;

export interface PracticeBody {
  questionId?: string | null;
  questionText?: string | null;
  acgmeId?: string | null;
  practicedOn?: string;
  rating: number;
  notes?: string;
}

export type ProgramNotesView = ApiResponse<'/interview-prep/notes/:acgmeId', '$get'>;

export type RankListView = ApiResponse<'/rank-list', '$get'>;
export type RankedEntry = RankListView['ranked'][number];
export type RankListWarning = RankListView['warnings'][number];
export type CouplesList = NonNullable<RankListView['couples']>;
/** What PUT /api/rank-list takes: the core schema's type (minimumRanked has a default). */
export type RankListBody = Omit<RankList, 'minimumRanked'> & { minimumRanked?: number };

export interface SimulationRequest {
  runs?: number;
  rankList?: string[];
}

export type SimulationStatus = ApiResponse<'/match/simulations/:id', '$get'>;
export type SimulationResult = NonNullable<SimulationStatus['result']>;

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
  practice: () =>
    request<ApiResponse<'/interview-prep/practice', '$get'>>('GET', '/api/interview-prep/practice'),
  addPractice: (body: PracticeBody) => request<PracticeEntry>('POST', '/api/interview-prep/practice', body),
  deletePractice: (entryId: string) => request<void>('DELETE', `/api/interview-prep/practice/${id(entryId)}`),
  programNotes: (acgmeId: string) =>
    request<ProgramNotesView>('GET', `/api/interview-prep/notes/${id(acgmeId)}`),
  saveProgramNotes: (acgmeId: string, body: { whatToMention: string; notes: string }) =>
    request<ProgramNotesView>('PUT', `/api/interview-prep/notes/${id(acgmeId)}`, body),

  rankList: () => request<RankListView>('GET', '/api/rank-list'),
  saveRankList: (body: RankListBody) => request<RankListView>('PUT', '/api/rank-list', body),

  startSimulation: (body: SimulationRequest) =>
    request<ApiResponse<'/match/simulations', '$post'>>('POST', '/api/match/simulations', body),
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

/**
 * Refreshes what an application change touches: every season view, and SmartPick's list, whose "P(match) now" is
 * read from the pipeline (My list showed the figure from before the change until its cache went stale).
 */
export function invalidateApplications(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: seasonKeys.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.smartPick }),
  ]);
}

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
