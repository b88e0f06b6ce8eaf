import type { Application } from '../season/application.js';
import { matchFromValue, valueOf } from './match-model.js';

/**
 * Live odds: the plan's P(match) assumes nothing has happened yet. Once the season holds invitations, interviews,
 * rejections or withdrawals, "P(match) now" conditions on them, program by program:
 * - invited, scheduled, interviewed or ranked: an interview for sure; what is left is whether its offer reaches you,
 *   E[σ(L)·q] / E[σ(L)] — the reach chance given an interview (the same number the rank-list page uses);
 * - rejected (not matched) or withdrawn: nothing;
 * - applied or signaled with no invitation yet: the interview chance is discounted by how long the program has been
 *   silent (SILENCE_RULE), then counts as on the plan;
 * - matched: P(match) is 1.
 * Programs only saved, never applied to, are not part of "now".
 */

/**
 * ASSUMPTION (stated rule): family medicine invitations go out over about eight weeks after an application; we take
 * the share of a program's invitations already sent d days after you applied as min(0.95, d / 56). No published
 * timing figure was in front of us; change it here.
 */
export const SILENCE_RULE = { fullWindowDays: 56, maxShareSent: 0.95 } as const;

export function shareOfInvitationsSent(daysSinceApplied: number): number {
  if (!(daysSinceApplied > 0)) return 0;
  return Math.min(SILENCE_RULE.maxShareSent, daysSinceApplied / SILENCE_RULE.fullWindowDays);
}

/** P(interview | no invitation after a share φ of invitations went out) = p(1 − φ) / (1 − pφ). */
export function silentInterviewChance(interview: number, shareSent: number): number {
  if (interview <= 0) return 0;
  return (interview * (1 - shareSent)) / (1 - interview * shareSent);
}

export type SeasonProgramState = 'interview' | 'waiting' | 'out' | 'matched';

export interface SeasonProgramInput {
  acgmeId: string;
  /** From the model: E[σ(L)] and E[σ(L)·q], with the signal when the application was signaled. */
  interview: number;
  reach: number;
}

export interface SeasonProgramOdds {
  acgmeId: string;
  state: SeasonProgramState;
  /** What this program now contributes: the chance of an interview here whose offer reaches you. */
  chance: number;
  /** Only for waiting programs: the discounted chance of an invitation. */
  interviewChance: number | null;
  daysSilent: number | null;
}

export interface SeasonIssue {
  acgmeId: string;
  reason: string;
}

export interface NowOdds {
  probability: number;
  interviews: number;
  waiting: number;
  out: number;
  programs: SeasonProgramOdds[];
  /** Contradictions in what the season holds, with what the odds assumed. */
  issues: SeasonIssue[];
  assumptions: string[];
}

const INTERVIEW_STAGES = new Set(['interview-invited', 'interview-scheduled', 'interviewed', 'ranked']);
const WAITING_STAGES = new Set(['applied', 'signaled']);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * @example
 * nowOdds({ applications, today: '2026-11-15', chances: new Map([['1200500001', { acgmeId: '1200500001', interview: 0.3, reach: 0.18 }]]) });
 */
export function nowOdds(input: {
  applications: readonly Application[];
  /** ISO date. */
  today: string;
  chances: ReadonlyMap<string, SeasonProgramInput>;
  rankList?: readonly string[];
}): NowOdds | null {
  const programs: SeasonProgramOdds[] = [];
  const issues: SeasonIssue[] = [];
  let total = 0;
  let matched = false;
  let interviews = 0;
  let waiting = 0;
  let out = 0;
  const interviewedIds = new Set<string>();
  for (const application of input.applications) {
    const { acgmeId, stage } = application;
    if (stage === 'saved') continue;
    const model = input.chances.get(acgmeId);
    if (stage === 'matched') {
      matched = true;
      programs.push({ acgmeId, state: 'matched', chance: 1, interviewChance: null, daysSilent: null });
      continue;
    }
    if (stage === 'withdrawn' || stage === 'not-matched') {
      if (application.interview !== null && stage === 'withdrawn') {
        issues.push({
          acgmeId,
          reason:
            'An interview is recorded at a program you withdrew from: counted as withdrawn (no chance there).',
        });
      }
      out++;
      programs.push({ acgmeId, state: 'out', chance: 0, interviewChance: null, daysSilent: null });
      continue;
    }
    if (model === undefined) {
      issues.push({
        acgmeId,
        reason:
          'Not in the catalog SmartPick scored (another specialty, excluded, or removed): left out of the odds.',
      });
      continue;
    }
    if (INTERVIEW_STAGES.has(stage)) {
      interviews++;
      interviewedIds.add(acgmeId);
      const chance = model.interview > 0 ? Math.min(1, model.reach / model.interview) : 0;
      total += valueOf(chance);
      programs.push({ acgmeId, state: 'interview', chance, interviewChance: 1, daysSilent: null });
      continue;
    }
    if (WAITING_STAGES.has(stage)) {
      waiting++;
      const days =
        application.appliedOn === null ? 0 : Math.max(0, daysBetween(application.appliedOn, input.today));
      if (application.appliedOn === null) {
        issues.push({
          acgmeId,
          reason: 'No application date: counted as just applied (no silence discount).',
        });
      }
      const interviewChance = silentInterviewChance(model.interview, shareOfInvitationsSent(days));
      const perInterview = model.interview > 0 ? model.reach / model.interview : 0;
      const chance = interviewChance * perInterview;
      total += valueOf(chance);
      programs.push({ acgmeId, state: 'waiting', chance, interviewChance, daysSilent: days });
    }
  }
  for (const acgmeId of input.rankList ?? []) {
    if (!interviewedIds.has(acgmeId)) {
      issues.push({
        acgmeId,
        reason:
          'On your rank list without an interview on record: it adds nothing to the odds until one is recorded.',
      });
    }
  }
  if (programs.length === 0) return null;
  return {
    probability: matched ? 1 : matchFromValue(total),
    interviews,
    waiting,
    out,
    programs,
    issues,
    assumptions: [
      'Interviews on record count as interviews; what remains is whether each program’s offer reaches you, from simulated Matches.',
      `Programs silent since you applied are discounted as invitations go out over about ${SILENCE_RULE.fullWindowDays / 7} weeks (a stated assumption).`,
      'Rejected and withdrawn programs count for nothing; saved programs you have not applied to are not counted.',
    ],
  };
}
