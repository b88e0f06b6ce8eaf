import type { Circle, Contact, ContactRole } from './contact.js';
import type { Interaction } from './interaction.js';

/** Roles whose job is to vouch for the applicant: inner circle from the start. */
const INNER_ROLES: ReadonlySet<ContactRole> = new Set(['mentor', 'sponsor']);

/**
 * Answers from a contact that make them middle circle without having worked together. Assumption: two replies
 * show a relationship that goes both ways; one reply may be courtesy.
 */
export const MIDDLE_CIRCLE_MIN_REPLIES = 2;

/**
 * The circle Matchwise suggests for a contact, from role and history:
 * - inner: a mentor or sponsor, or someone asked for or giving a letter (a letter writer vouches for you);
 * - middle: someone you rotated with, or who has replied or talked with you at least
 *   {@link MIDDLE_CIRCLE_MIN_REPLIES} times (incoming or two-way interactions);
 * - outer: everyone else — people met once, cold contacts.
 *
 * @example suggestCircle('attending', [rotationWithDrLee]) // 'middle'
 */
export function suggestCircle(role: ContactRole, interactions: readonly Interaction[]): Circle {
  if (INNER_ROLES.has(role)) return 'inner';
  if (interactions.some((i) => i.kind === 'letter-requested' || i.kind === 'letter-received')) return 'inner';
  if (interactions.some((i) => i.kind === 'rotation')) return 'middle';
  const replies = interactions.filter((i) => i.direction === 'incoming' || i.direction === 'both').length;
  return replies >= MIDDLE_CIRCLE_MIN_REPLIES ? 'middle' : 'outer';
}

/** The circle to show and plan with: the user's choice when they made one, otherwise the suggestion. */
export function effectiveCircle(contact: Contact, interactionsOfContact: readonly Interaction[]): Circle {
  if (contact.circleOverridden) return contact.circle;
  return suggestCircle(
    contact.role,
    interactionsOfContact.filter((i) => i.contactId === contact.id),
  );
}
