import { dayOf, daysBetween } from './dates.js';
import { endDayOf, type Interaction, type InteractionKind } from './interaction.js';

/**
 * Every constant of the strength score, each an assumption to revisit with real use (there is no published
 * model of applicant–faculty relationships to take them from). Explained in plain words in
 * docs/network-playbook.md.
 */
export const STRENGTH_PARAMETERS = {
  /** Shares of the score; they sum to 1. Recency leads because a stale relationship is what costs applicants. */
  weights: { recency: 0.35, frequency: 0.2, reciprocity: 0.2, depth: 0.25 },
  /** Recency halves every 90 days: a contact from last season still counts for something. */
  recencyHalfLifeDays: 90,
  /** Frequency counts the last 365 days: one application cycle. */
  frequencyWindowDays: 365,
  /** Eight touches a year (about one every six weeks) counts as fully frequent. */
  frequencyFullAt: 8,
  /**
   * How deep each kind of interaction goes, 0..1. Working side by side or a letter is the deepest; an email
   * sent and not answered the shallowest.
   */
  depth: {
    rotation: 1,
    'letter-received': 1,
    'letter-requested': 0.8,
    'introduction-made': 0.8,
    meeting: 0.6,
    video: 0.6,
    call: 0.5,
    'conference-meeting': 0.4,
    'email-received': 0.3,
    'email-sent': 0.2,
  } satisfies Record<InteractionKind, number>,
} as const;

/** Each part of the score, 0..1, so the UI can say why a relationship is weak. */
export interface StrengthParts {
  recency: number;
  frequency: number;
  reciprocity: number;
  depth: number;
}

export interface RelationshipStrength {
  /** 0..100, whole number. */
  score: number;
  parts: StrengthParts;
  /** The last day anything happened, or null when nothing has yet. */
  lastContact: string | null;
}

/**
 * The strength of one relationship, 0–100, from the interactions with that contact up to `now`:
 *
 *   score = round(100 × (0.35·recency + 0.20·frequency + 0.20·reciprocity + 0.25·depth))
 *
 * - recency = 0.5 ^ (days since the last interaction / 90)
 * - frequency = min(1, interactions in the last 365 days / 8)
 * - reciprocity = min(1, interactions they started or shared (incoming, both) / interactions you started
 *   (outgoing)); 1 when they reached out and you never had to
 * - depth = the deepest kind of interaction so far (rotation or letter 1 … email sent 0.2)
 *
 * Interactions dated after `now` (planned rotations) do not count yet.
 *
 * @example relationshipStrength(timelineOf(drLee.id, interactions), new Date('2026-11-25T12:00:00Z')).score
 */
export function relationshipStrength(interactions: readonly Interaction[], now: Date): RelationshipStrength {
  const today = dayOf(now);
  const past = interactions.filter((i) => i.date <= today);
  if (past.length === 0) {
    return { score: 0, parts: { recency: 0, frequency: 0, reciprocity: 0, depth: 0 }, lastContact: null };
  }
  const p = STRENGTH_PARAMETERS;
  // A rotation still running counts as contact today.
  const lastContact = past
    .map((i) => (endDayOf(i) > today ? today : endDayOf(i)))
    .sort()
    .at(-1) as string;
  const recency = 0.5 ** (daysBetween(lastContact, today) / p.recencyHalfLifeDays);
  const recent = past.filter((i) => daysBetween(endDayOf(i), today) <= p.frequencyWindowDays).length;
  const frequency = Math.min(1, recent / p.frequencyFullAt);
  const fromThem = past.filter((i) => i.direction !== 'outgoing').length;
  const fromYou = past.filter((i) => i.direction === 'outgoing').length;
  const reciprocity = fromYou === 0 ? (fromThem > 0 ? 1 : 0) : Math.min(1, fromThem / fromYou);
  const depth = Math.max(...past.map((i) => p.depth[i.kind]));
  const parts = { recency, frequency, reciprocity, depth };
  const w = p.weights;
  const score = Math.round(
    100 * (w.recency * recency + w.frequency * frequency + w.reciprocity * reciprocity + w.depth * depth),
  );
  return { score, parts, lastContact };
}
