import { backupReminderRule } from './backup-reminder.js';
import { eventFollowUpRule } from './event-follow-up.js';
import { giveBeforeAskRule } from './give-before-ask.js';
import { innerCircleUpdateRule } from './inner-circle-update.js';
import { interviewThankYouRule } from './interview-thank-you.js';
import { letterReminderRule } from './letter-reminder.js';
import { matchThanksRule } from './match-thanks.js';
import { reintroduceBeforeSubmissionRule } from './reintroduce-before-submission.js';
import { rotationFeedbackRule, rotationLetterRule, rotationThankYouRule } from './rotation-rules.js';
import type { PlaybookRule } from './task.js';

/** The networking playbook, in the order its tasks are listed when due the same day. */
export const PLAYBOOK_RULES: readonly PlaybookRule[] = [
  rotationThankYouRule,
  rotationFeedbackRule,
  rotationLetterRule,
  letterReminderRule,
  eventFollowUpRule,
  innerCircleUpdateRule,
  giveBeforeAskRule,
  reintroduceBeforeSubmissionRule,
  matchThanksRule,
  interviewThankYouRule,
  backupReminderRule,
];
