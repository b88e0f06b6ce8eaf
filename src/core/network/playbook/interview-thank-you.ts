import type { Application } from '../../season/application.js';
import { addDays, dayOf, daysBetween } from '../dates.js';
import { messagedSince, THANK_YOU } from './follow-up.js';
import type { PlaybookRule, TaskDraft } from './task.js';

/** Thank-you notes are due this many days after the interview: the "within 48 hours" custom. */
export const INTERVIEW_THANK_YOU_DAYS = 2;

/**
 * Interviews older than this raise no new thank-you task. Assumption: a month on, the note no longer helps and
 * the applicant has either sent it or decided not to.
 */
export const INTERVIEW_THANK_YOU_LOOKBACK_DAYS = 30;

/** The interview's calendar day where it happened (a 6 p.m. Chicago interview is that day, not the next UTC one). */
function interviewDay(application: Application): string | null {
  if (application.interview !== null) {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: application.interview.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(application.interview.startsAt));
  }
  const change = application.history.findLast((c) => c.stage === 'interviewed');
  return change === undefined ? null : dayOf(new Date(change.at));
}

export const interviewThankYouRule: PlaybookRule = {
  id: 'interview-thank-you',
  title: 'Send thank-you notes within 48 hours of an interview',
  rationale:
    'A short, specific thank-you to the people who interviewed you keeps you in mind while the program ' +
    'builds its rank list, and shows the professionalism the interview day was judging.',
  tasks: (context) => {
    const drafts: TaskDraft[] = [];
    for (const application of context.applications) {
      // Once ranked, withdrawn or closed the moment has passed; the task goes with it.
      if (application.stage !== 'interviewed') continue;
      const day = interviewDay(application);
      if (day === null || day > context.today) continue;
      if (daysBetween(day, context.today) > INTERVIEW_THANK_YOU_LOOKBACK_DAYS) continue;
      const { acgmeId } = application;
      const atProgram = context.interactions.filter(
        (i) => i.acgmeId === acgmeId || context.contactById.get(i.contactId)?.affiliation.acgmeId === acgmeId,
      );
      if (messagedSince(atProgram, day, THANK_YOU)) continue;
      const name = context.programNames.get(acgmeId) ?? `program ${acgmeId}`;
      drafts.push({
        subject: acgmeId,
        acgmeId,
        title: `Send thank-you notes to ${name} within 48 hours`,
        why: 'A specific thank-you soon after the interview keeps you in mind while programs build rank lists.',
        dueDate: addDays(day, INTERVIEW_THANK_YOU_DAYS),
      });
    }
    return drafts;
  },
};
