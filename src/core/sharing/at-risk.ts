import { addDays } from '../network/dates.js';

/**
 * The advisor dashboard's at-risk rule, in one place so the page can state it and a test can hold it:
 * an advisee is at risk when any one of these holds (each read only when the advisee shares what it needs).
 */
export const AT_RISK_RULE = {
  /** P(match) now, once applications are out, below this. */
  pMatchNowBelow: 0.5,
  /** More open playbook tasks past their due day than this. */
  overdueTasksAbove: 3,
  /** Letters short of the target this many days or fewer before applications open (or any time after). */
  lettersDaysBeforeApplicationsOpen: 30,
} as const;

export const AT_RISK_RULE_TEXT =
  `At risk when P(match) now is below ${AT_RISK_RULE.pMatchNowBelow * 100}%, ` +
  `or more than ${AT_RISK_RULE.overdueTasksAbove} playbook tasks are overdue, ` +
  `or the letters are short of the target (2 U.S. family medicine, 3 in all) within ` +
  `${AT_RISK_RULE.lettersDaysBeforeApplicationsOpen} days of applications opening or after.`;

export interface AdviseeSignals {
  /** Null: no application sent yet, or "list" not shared. */
  pMatchNow: number | null;
  /** Null: "network" not shared. */
  overdueTasks: number | null;
  /** Null: "network" not shared. */
  lettersReady: boolean | null;
  /** ISO date applications to programs open this cycle. */
  applicationsOpen: string;
  /** ISO date today. */
  today: string;
}

export interface AtRisk {
  atRisk: boolean;
  /** Each part of the rule that holds, in words. */
  reasons: string[];
}

/**
 * @example atRisk({ pMatchNow: 0.42, overdueTasks: 0, lettersReady: true, applicationsOpen: '2026-09-01', today: '2026-12-01' })
 * // { atRisk: true, reasons: ['P(match) now 42% is below 50%'] }
 */
export function atRisk(signals: AdviseeSignals): AtRisk {
  const reasons: string[] = [];
  if (signals.pMatchNow !== null && signals.pMatchNow < AT_RISK_RULE.pMatchNowBelow) {
    reasons.push(
      `P(match) now ${Math.round(signals.pMatchNow * 100)}% is below ${AT_RISK_RULE.pMatchNowBelow * 100}%`,
    );
  }
  if (signals.overdueTasks !== null && signals.overdueTasks > AT_RISK_RULE.overdueTasksAbove) {
    reasons.push(`${signals.overdueTasks} overdue tasks (more than ${AT_RISK_RULE.overdueTasksAbove})`);
  }
  const lettersDue = addDays(signals.applicationsOpen, -AT_RISK_RULE.lettersDaysBeforeApplicationsOpen);
  if (signals.lettersReady === false && signals.today >= lettersDue) {
    reasons.push(
      signals.today >= signals.applicationsOpen
        ? 'Letters short of the target after applications opened'
        : `Letters short of the target with applications opening ${signals.applicationsOpen}`,
    );
  }
  return { atRisk: reasons.length > 0, reasons };
}
