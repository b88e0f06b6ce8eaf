import { type Interaction, type InteractionKind, isOutgoing } from '../interaction.js';

/** Kinds of interaction that carry a message from the applicant: a thank-you, a follow-up, an update. */
const MESSAGE_KINDS: ReadonlySet<InteractionKind> = new Set(['email-sent', 'call', 'video', 'meeting']);

/** The applicant sent a message (not a request) to the contact on or after `since`. */
export function messagedSince(interactions: readonly Interaction[], since: string): boolean {
  return interactions.some(
    (i) => MESSAGE_KINDS.has(i.kind) && isOutgoing(i) && !i.isRequest && i.date >= since,
  );
}

/** The applicant asked the contact for something (other than a letter) on or after `since`. */
export function askedSince(interactions: readonly Interaction[], since: string): boolean {
  return interactions.some(
    (i) => MESSAGE_KINDS.has(i.kind) && isOutgoing(i) && i.isRequest && i.date >= since,
  );
}
