import { dayOf } from '../network/dates.js';
import { err, ok, type Result } from '../shared/result.js';
import { type Application, applicationSchema, CLOSED_STAGES, STAGES, type Stage } from './application.js';

/** What a move may record; anything left out keeps its value (dates default to the day of the move). */
export type TransitionDetails = Partial<
  Pick<
    Application,
    'appliedOn' | 'feeDollars' | 'invitedOn' | 'responseDeadline' | 'interview' | 'impressions'
  >
>;

export interface TransitionError {
  message: string;
  from: Stage;
  to: Stage;
}

const order = (stage: Stage): number => STAGES.indexOf(stage);
const label = (stage: Stage): string => stage.replace(/-/g, ' ');

/**
 * Why a move is illegal, or null when it is allowed. Moves go forward only; steps may be skipped where the
 * season really skips them (no signal, an invitation that arrives already scheduled), not where a later stage
 * depends on an earlier fact (you cannot rank a program you never interviewed at).
 */
function illegal(from: Stage, to: Stage, next: Application): string | null {
  if (from === to) return `Already ${label(to)}`;
  if (CLOSED_STAGES.includes(from)) return `Cannot move a ${label(from)} application; it is closed`;
  if (to === 'withdrawn') return null;
  if (order(to) < order(from)) return `Cannot move back from ${label(from)} to ${label(to)}`;
  // Signaling goes out through ERAS with or after the application, so saved → signaled means applying now.
  if (to !== 'applied' && to !== 'signaled' && from === 'saved')
    return `Cannot mark ${label(to)} before applying`;
  if (to === 'interview-scheduled' && next.interview === null) {
    return 'A scheduled interview needs a date/time and time zone';
  }
  if (to === 'interviewed' && from !== 'interview-scheduled') {
    return 'Cannot mark interviewed before an interview is scheduled';
  }
  if (to === 'ranked' && from !== 'interviewed') return 'Cannot rank a program before interviewing there';
  if ((to === 'matched' || to === 'not-matched') && from !== 'ranked') {
    return 'Cannot record an outcome for a program that is not on the rank list';
  }
  return null;
}

/** The fields a stage implies, filled from the details or the day of the move. */
function withStageFacts(
  application: Application,
  to: Stage,
  details: TransitionDetails,
  day: string,
): Application {
  const next: Application = { ...application, ...details };
  if (to === 'applied' || to === 'signaled') next.appliedOn = next.appliedOn ?? day;
  if (to === 'signaled') next.signaled = true;
  // A scheduled interview implies the invitation came, even if it was never logged.
  if (to === 'interview-invited' || to === 'interview-scheduled') next.invitedOn = next.invitedOn ?? day;
  return next;
}

/**
 * Moves one application to a new stage, recording the change in its history.
 *
 * @example
 * transition(app, 'interview-scheduled', {
 *   at: new Date('2026-10-20T15:00:00Z'),
 *   details: { interview: { startsAt: '2026-12-03T09:00:00-06:00', timeZone: 'America/Chicago', mode: 'virtual' } },
 * })
 */
export function transition(
  application: Application,
  to: Stage,
  { at, details = {} }: { at: Date; details?: TransitionDetails },
): Result<Application, TransitionError> {
  const from = application.stage;
  const next = withStageFacts(application, to, details, dayOf(at));
  const problem = illegal(from, to, next);
  if (problem !== null) return err({ message: problem, from, to });
  const candidate = {
    ...next,
    stage: to,
    history: [...application.history, { stage: to, at: at.toISOString() }],
  };
  const parsed = applicationSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    return err({ message: `${path ? `${path}: ` : ''}${issue?.message ?? 'Invalid application'}`, from, to });
  }
  return ok(parsed.data);
}

export interface PipelineTotals {
  byStage: Record<Stage, number>;
  /** Applications actually sent (withdrawn ones included: the fee was paid). */
  applications: number;
  invites: number;
  /** Interviews attended: reached 'interviewed' at some point. */
  interviews: number;
  spentDollars: number;
  budget: { budgetDollars: number; remainingDollars: number; overBudget: boolean } | null;
}

/**
 * The season at a glance: counts per stage and money spent against an optional budget.
 *
 * @example pipelineTotals(applications, 3000).budget?.remainingDollars
 */
export function pipelineTotals(applications: readonly Application[], budgetDollars?: number): PipelineTotals {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  let sent = 0;
  let invites = 0;
  let interviews = 0;
  let spentDollars = 0;
  for (const application of applications) {
    byStage[application.stage] += 1;
    if (application.appliedOn !== null) sent += 1;
    if (application.invitedOn !== null) invites += 1;
    if (application.history.some((change) => change.stage === 'interviewed')) interviews += 1;
    spentDollars += application.feeDollars ?? 0;
  }
  const budget =
    budgetDollars === undefined
      ? null
      : {
          budgetDollars,
          remainingDollars: budgetDollars - spentDollars,
          overBudget: spentDollars > budgetDollars,
        };
  return { byStage, applications: sent, invites, interviews, spentDollars, budget };
}
