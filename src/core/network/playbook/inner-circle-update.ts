import { plural } from '../../shared/plural.js';
import { effectiveCircle } from '../circle.js';
import { addDays, laterOf } from '../dates.js';
import { endDayOf, isOutgoing } from '../interaction.js';
import { addressOf, type PlaybookRule, type TaskDraft } from './task.js';

export const innerCircleUpdateRule: PlaybookRule = {
  id: 'inner-circle-update',
  title: 'Keep inner-circle contacts updated',
  rationale:
    'Mentors and letter writers can only advocate for what they know: a short update every few months ' +
    '(scores, rotations, where you are applying) keeps them current and keeps you on their mind.',
  tasks: (context) => {
    const drafts: TaskDraft[] = [];
    for (const contact of context.contacts) {
      const history = context.interactionsByContact.get(contact.id) ?? [];
      if (effectiveCircle(contact, history) !== 'inner') continue;
      // The clock starts at the last time the applicant was in touch, or when the contact was added.
      let since = contact.createdAt.slice(0, 10);
      for (const i of history) {
        if (!isOutgoing(i) || i.date > context.today) continue;
        // A rotation still running counts as being in touch today.
        const day = endDayOf(i) > context.today ? context.today : endDayOf(i);
        since = laterOf(since, day);
      }
      drafts.push({
        // The cycle's start is part of the subject: logging an update closes this task and opens the next.
        subject: `${contact.id}:${since}`,
        contactId: contact.id,
        title: `Send ${addressOf(contact)} an update`,
        why: `Inner-circle contacts hear from you every ${plural(context.settings.mentorUpdateDays, 'day')} so they can advocate for you.`,
        dueDate: addDays(since, context.settings.mentorUpdateDays),
      });
    }
    return drafts;
  },
};
