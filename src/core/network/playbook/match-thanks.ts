import { effectiveCircle } from '../circle.js';
import { addDays, daysBetween } from '../dates.js';
import type { InteractionKind } from '../interaction.js';
import { messagedSince, THANK_YOU } from './follow-up.js';
import { addressOf, type PlaybookRule, type TaskDraft } from './task.js';

/** Thanks are asked for during the two months after Match Day. Assumption: after that the moment has passed. */
export const MATCH_THANKS_WINDOW_DAYS = 60;

/** Interactions that mean the contact helped: they worked with you, wrote for you, or opened a door. */
const HELPED_KINDS: ReadonlySet<InteractionKind> = new Set([
  'rotation',
  'letter-received',
  'introduction-made',
]);

export const matchThanksRule: PlaybookRule = {
  id: 'match-thanks',
  title: 'Thank everyone who helped, after the Match',
  rationale:
    'Letter writers, preceptors, mentors and people who introduced you rarely learn how things turned out. ' +
    'Telling them closes the loop, and they will be your colleagues — and future applicants’ contacts.',
  tasks: (context) => {
    const matchDay = context.settings.matchDay;
    if (matchDay === undefined) return [];
    const age = daysBetween(matchDay, context.today);
    if (age < 0 || age > MATCH_THANKS_WINDOW_DAYS) return [];
    const drafts: TaskDraft[] = [];
    for (const contact of context.contacts) {
      const history = context.interactionsByContact.get(contact.id) ?? [];
      const wroteLetter = context.letters.some(
        (l) => l.writerContactId === contact.id && (l.agreedOn !== null || l.uploadedOn !== null),
      );
      const helped =
        wroteLetter ||
        history.some((i) => HELPED_KINDS.has(i.kind)) ||
        effectiveCircle(contact, history) === 'inner';
      if (!helped || messagedSince(history, matchDay, THANK_YOU)) continue;
      drafts.push({
        subject: `${contact.id}:${matchDay}`,
        contactId: contact.id,
        title: `Thank ${addressOf(contact)} and tell them where you matched`,
        why: 'People who helped you rarely learn how it turned out; telling them closes the loop.',
        dueDate: addDays(matchDay, 7),
      });
    }
    return drafts;
  },
};
