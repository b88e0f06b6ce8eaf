import { addDays } from '../dates.js';
import { messagedSince } from './follow-up.js';
import { addressOf, type PlaybookRule, type TaskDraft } from './task.js';

/** The reintroduction window opens this many days before submission. Assumption: two months. */
export const REINTRODUCE_WINDOW_DAYS = 60;
/** Reintroductions are due this many days before submission, so contacts can watch for the application. */
export const REINTRODUCE_LEAD_DAYS = 14;

export const reintroduceBeforeSubmissionRule: PlaybookRule = {
  id: 'reintroduce-before-submission',
  title: 'Reintroduce yourself at programs where you have a contact',
  rationale:
    'A contact at a program can flag your application to the program director or coordinator, but only if ' +
    'they know it is coming. A reminder of who you are, shortly before you submit, gives them that chance.',
  tasks: (context) => {
    const submit = context.settings.applicationSubmitDate;
    if (submit === undefined) return [];
    const opens = addDays(submit, -REINTRODUCE_WINDOW_DAYS);
    if (context.today < opens || context.today > submit) return [];
    const drafts: TaskDraft[] = [];
    for (const contact of context.contacts) {
      const acgmeId = contact.affiliation.acgmeId;
      if (acgmeId === null) continue;
      if (messagedSince(context.interactionsByContact.get(contact.id) ?? [], opens)) continue;
      drafts.push({
        subject: `${contact.id}:${submit}`,
        contactId: contact.id,
        acgmeId,
        title: `Reintroduce yourself to ${addressOf(contact)} before you apply`,
        why: 'A contact who knows your application is coming can flag it to the program.',
        dueDate: addDays(submit, -REINTRODUCE_LEAD_DAYS),
      });
    }
    return drafts;
  },
};
