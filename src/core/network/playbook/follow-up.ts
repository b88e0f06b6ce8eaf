import { type Interaction, type InteractionKind, isOutgoing, type MessagePurpose } from '../interaction.js';

/** Kinds of interaction that carry a message from the applicant: a thank-you, a follow-up, an update. */
const MESSAGE_KINDS: ReadonlySet<InteractionKind> = new Set(['email-sent', 'call', 'video', 'meeting']);

/**
 * The applicant sent a message (not a request) to the contact on or after `since`. With `purposes`, only a
 * message stated to be for one of them counts: a task closes on what it asks for, not on any message.
 */
export function messagedSince(
  interactions: readonly Interaction[],
  since: string,
  purposes?: readonly MessagePurpose[],
): boolean {
  return interactions.some(
    (i) =>
      MESSAGE_KINDS.has(i.kind) &&
      isOutgoing(i) &&
      !i.isRequest &&
      i.date >= since &&
      (purposes === undefined || (i.purpose !== null && purposes.includes(i.purpose))),
  );
}

/** Messages that close a thank-you task: only a thank-you. */
export const THANK_YOU: readonly MessagePurpose[] = ['thank-you'];

/** The applicant asked the contact for feedback on or after `since` (a letter request is not feedback). */
export function askedForFeedbackSince(interactions: readonly Interaction[], since: string): boolean {
  return interactions.some(
    (i) =>
      MESSAGE_KINDS.has(i.kind) &&
      isOutgoing(i) &&
      i.isRequest &&
      i.purpose === 'feedback-request' &&
      i.date >= since,
  );
}
