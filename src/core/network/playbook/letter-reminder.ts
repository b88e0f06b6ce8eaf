import { addDays } from '../dates.js';
import { messagedSince } from './follow-up.js';
import { addressOf, type PlaybookRule, type TaskDraft } from './task.js';

/**
 * A gentle reminder is due this many days after the letter was agreed (or requested, if no answer yet), and again
 * this long after each reminder. Assumption: two weeks is long enough not to nag, short enough to make the
 * September application window.
 */
export const LETTER_REMINDER_DAYS = 14;

export const letterReminderRule: PlaybookRule = {
  id: 'letter-reminder',
  title: 'Remind a letter writer, kindly, when the letter has not arrived',
  rationale:
    'Letter writers are busy and letters slip. Programs read applications as soon as they open, and an ' +
    'application waits for its letters. A short, thankful reminder two weeks on — with the upload link and ' +
    'your brag sheet again — is welcome, not rude; more often is.',
  tasks: (context) => {
    const drafts: TaskDraft[] = [];
    for (const letter of context.letters) {
      if (letter.uploadedOn !== null) continue;
      const since = letter.agreedOn ?? letter.requestedOn;
      if (since === null) continue;
      const writer = context.contactById.get(letter.writerContactId);
      if (writer === undefined) continue;
      const history = context.interactionsByContact.get(writer.id) ?? [];
      // The clock restarts with each message sent to the writer since the request.
      const lastMessage = history
        .filter((i) => i.date >= since && messagedSince([i], since))
        .reduce((latest, i) => (i.date > latest ? i.date : latest), since);
      const due = addDays(lastMessage, LETTER_REMINDER_DAYS);
      if (context.today < due) continue;
      drafts.push({
        subject: `${letter.id}:${lastMessage}`,
        contactId: writer.id,
        title: `Remind ${addressOf(writer)} about your letter`,
        why: `Your letter from ${addressOf(writer)} is not uploaded yet (${letter.agreedOn ? 'agreed' : 'requested'} on ${since}).`,
        dueDate: due,
      });
    }
    return drafts;
  },
};
