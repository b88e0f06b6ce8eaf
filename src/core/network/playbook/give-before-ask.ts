import { plural } from '../../shared/plural.js';
import { addDays } from '../dates.js';
import { addressOf, type PlaybookRule, type TaskDraft } from './task.js';

export const giveBeforeAskRule: PlaybookRule = {
  id: 'give-before-ask',
  title: 'Give before you ask again',
  rationale:
    'A relationship made only of requests wears thin. When your last few messages to someone were all asks, ' +
    'send something with no ask in it — thanks, news of how their advice worked out, an article — before the next one.',
  tasks: (context) => {
    const n = context.settings.giveBeforeAskN;
    const drafts: TaskDraft[] = [];
    for (const contact of context.contacts) {
      const history = context.interactionsByContact.get(contact.id) ?? [];
      // Messages the applicant started; rotations and conversations are shared, not "sent".
      const sent = history.filter((i) => i.direction === 'outgoing' && i.kind !== 'rotation');
      const lastN = sent.slice(-n);
      if (n < 1 || lastN.length < n || !lastN.every((i) => i.isRequest)) continue;
      const latest = lastN[lastN.length - 1]?.date as string;
      drafts.push({
        subject: `${contact.id}:${latest}`,
        contactId: contact.id,
        title: `Give ${addressOf(contact)} something before asking again`,
        why: `Your last ${plural(n, 'message')} to them were all requests.`,
        dueDate: addDays(latest, 7),
      });
    }
    return drafts;
  },
};
