import type { ContactRole } from '../contact.js';
import { addDays, daysBetween } from '../dates.js';
import { endDayOf, type Interaction } from '../interaction.js';
import { askedForFeedbackSince, messagedSince, THANK_YOU } from './follow-up.js';
import { addressOf, type PlaybookContext, type PlaybookRule, type TaskDraft } from './task.js';

/**
 * Rotations that ended more than this many days ago raise no new tasks. Assumption: after two months the
 * moment has passed, and importing an old history should not fill the Tasks page with stale chores.
 */
export const ROTATION_LOOKBACK_DAYS = 60;

/** Roles that can write a residency letter: attending physicians. Residents and coordinators cannot. */
const LETTER_WRITER_ROLES: ReadonlySet<ContactRole> = new Set([
  'mentor',
  'sponsor',
  'faculty',
  'attending',
  'program-director',
]);

interface EndedRotation {
  rotation: Interaction;
  endDay: string;
  /** All interactions with the rotation's contact. */
  history: readonly Interaction[];
  who: string;
  role: ContactRole;
}

function endedRotations(context: PlaybookContext): EndedRotation[] {
  const ended: EndedRotation[] = [];
  for (const rotation of context.interactions) {
    if (rotation.kind !== 'rotation') continue;
    const contact = context.contactById.get(rotation.contactId);
    const endDay = endDayOf(rotation);
    const age = daysBetween(endDay, context.today);
    if (contact === undefined || age < 0 || age > ROTATION_LOOKBACK_DAYS) continue;
    const history = context.interactionsByContact.get(contact.id) ?? [];
    ended.push({ rotation, endDay, history, who: addressOf(contact), role: contact.role });
  }
  return ended;
}

function draft(r: EndedRotation, fields: { title: string; why: string; dueDate: string }): TaskDraft {
  return {
    subject: r.rotation.id,
    contactId: r.rotation.contactId,
    ...(r.rotation.acgmeId === null ? {} : { acgmeId: r.rotation.acgmeId }),
    ...fields,
  };
}

export const rotationThankYouRule: PlaybookRule = {
  id: 'rotation-thank-you',
  title: 'Thank your preceptor within 48 hours of a rotation',
  rationale:
    'A prompt, specific thank-you is remembered when the preceptor later writes a letter or answers a ' +
    "program's call about you; after a few days it reads as an afterthought.",
  tasks: (context) =>
    endedRotations(context)
      .filter((r) => !messagedSince(r.history, r.endDay, THANK_YOU))
      .map((r) =>
        draft(r, {
          title: `Thank ${r.who} for the rotation`,
          why: 'A thank-you within 48 hours of a rotation is remembered when it is time to vouch for you.',
          dueDate: addDays(r.endDay, 2),
        }),
      ),
};

export const rotationFeedbackRule: PlaybookRule = {
  id: 'rotation-feedback',
  title: 'Ask for feedback after a rotation',
  rationale:
    'Asking what to improve shows the coachability programs look for, and the answer tells you what a ' +
    'letter from this preceptor would say.',
  tasks: (context) =>
    endedRotations(context)
      .filter((r) => !askedForFeedbackSince(r.history, r.endDay))
      .map((r) =>
        draft(r, {
          title: `Ask ${r.who} for feedback on the rotation`,
          why: 'Feedback while the rotation is fresh shows coachability and previews what a letter would say.',
          dueDate: addDays(r.endDay, 7),
        }),
      ),
};

export const rotationLetterRule: PlaybookRule = {
  id: 'rotation-letter',
  title: 'Ask for a letter while the rotation is fresh',
  rationale:
    'Letters written within weeks of working together are detailed; months later the writer remembers ' +
    'little beyond your name. Only attending physicians are asked.',
  tasks: (context) =>
    endedRotations(context)
      .filter((r) => LETTER_WRITER_ROLES.has(r.role))
      .filter((r) => !context.letters.some((l) => l.writerContactId === r.rotation.contactId))
      .filter(
        (r) =>
          !r.history.some(
            (i) =>
              i.kind === 'letter-requested' || i.kind === 'letter-received' || i.purpose === 'letter-request',
          ),
      )
      .map((r) =>
        draft(r, {
          title: `Ask ${r.who} for a letter of recommendation`,
          why: 'A letter asked for within two weeks of a rotation is specific; later it is generic.',
          dueDate: addDays(r.endDay, 14),
        }),
      ),
};
