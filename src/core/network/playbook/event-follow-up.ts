import { addDays, daysBetween } from '../dates.js';
import { messagedSince } from './follow-up.js';
import { addressOf, type PlaybookRule, type TaskDraft } from './task.js';

/**
 * Events that ended more than this many days ago raise no new follow-ups. Assumption: a month after a fair,
 * a "nice to meet you" no longer lands.
 */
export const EVENT_LOOKBACK_DAYS = 30;

export const eventFollowUpRule: PlaybookRule = {
  id: 'event-follow-up',
  title: 'Follow up with each person met at an event within 7 days',
  rationale:
    'Program people meet hundreds of applicants at a fair; a short note within a week, naming what you ' +
    'talked about, is what turns a handshake into a contact who recognises your application.',
  tasks: (context) => {
    const drafts: TaskDraft[] = [];
    for (const event of context.events) {
      // The task appears from the first day: people met on day one can be followed up while the event runs.
      if (event.startDate > context.today) continue;
      if (daysBetween(event.endDate, context.today) > EVENT_LOOKBACK_DAYS) continue;
      for (const contactId of new Set(event.contactIds)) {
        const contact = context.contactById.get(contactId);
        if (contact === undefined) continue;
        // A follow-up, or a thank-you for the conversation (the conference template is both).
        const history = context.interactionsByContact.get(contactId) ?? [];
        if (messagedSince(history, event.startDate, ['follow-up', 'thank-you'])) continue;
        drafts.push({
          subject: `${event.id}:${contactId}`,
          contactId,
          eventId: event.id,
          ...(contact.affiliation.acgmeId === null ? {} : { acgmeId: contact.affiliation.acgmeId }),
          title: `Follow up with ${addressOf(contact)} after ${event.name}`,
          why: 'A note within a week of meeting turns a handshake into a contact who remembers you.',
          dueDate: addDays(event.endDate, 7),
        });
      }
    }
    return drafts;
  },
};
