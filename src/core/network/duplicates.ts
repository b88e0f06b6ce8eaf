import type { Circle, Contact } from './contact.js';
import type { NetworkEvent } from './event.js';
import type { Interaction } from './interaction.js';
import type { Letter } from './letter.js';

/**
 * Name similarity (see {@link nameSimilarity}) at or above which two contacts who share an affiliation are
 * taken for the same person. Assumption: 0.9 catches "Jon"/"John", "Garcia"/"García", "Dr. Anna M. Lee"/
 * "Anna Lee", while "Ana Lopez"/"Ana Perez" at the same program stay apart.
 */
export const NAME_SIMILARITY_THRESHOLD = 0.9;

export type DuplicateReason = 'same-email' | 'same-linkedin' | 'similar-name-same-affiliation';

export interface DuplicatePair {
  /** Ids in the order the contacts were given: `a` came first. */
  a: string;
  b: string;
  reasons: DuplicateReason[];
  /** Similarity of the names, 0..1 (see {@link nameSimilarity}). */
  nameSimilarity: number;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A LinkedIn profile address reduced to `linkedin.com/in/<slug>`: scheme, www. or country subdomain, query,
 * fragment, trailing slash and letter case removed, so an import and a hand-typed address compare equal.
 */
export function normalizeLinkedinUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(/^https?:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`);
  } catch {
    return null;
  }
  const path = decodeURIComponent(parsed.pathname).toLowerCase().replace(/\/+$/, '');
  return path === '' ? null : `linkedin.com${path}`;
}

/** Honorifics and degrees that say nothing about who a person is. */
const NAME_NOISE = new Set([
  'dr',
  'doctor',
  'prof',
  'professor',
  'mr',
  'mrs',
  'ms',
  'miss',
  'md',
  'do',
  'mbbs',
  'mbchb',
  'phd',
  'mph',
  'facp',
  'faafp',
  'jr',
  'sr',
]);

/** Lower case, accents folded ("García" → "garcia"), punctuation and titles ("Dr.", "MD") dropped. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((token) => token !== '' && !NAME_NOISE.has(token))
    .join(' ');
}

/** Jaro–Winkler similarity, 0..1 (Winkler 1990): rewards a shared prefix, which suits names. */
export function jaroWinkler(s: string, t: string): number {
  if (s === t) return 1;
  if (s.length === 0 || t.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched = new Array<boolean>(s.length).fill(false);
  const tMatched = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(t.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (tMatched[j] || s[i] !== t[j]) continue;
      sMatched[i] = true;
      tMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k++;
    if (s[i] !== t[k]) transpositions++;
    k++;
  }
  const jaro = (matches / s.length + matches / t.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < s.length && prefix < t.length && s[prefix] === t[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How alike two names are, 0..1: the lower of the given-name and family-name similarities (first and last
 * word, initials ignored), so a shared first name alone ("Ana Lopez" / "Ana Perez") does not make a match.
 * Also tried with the words sorted, so "Lee, Anna" matches "Anna Lee"; the better reading wins.
 */
export function nameSimilarity(a: string, b: string): number {
  const words = (name: string) =>
    normalizeName(name)
      .split(' ')
      .filter((w) => w.length > 1);
  const ends = (w: string[]) => [w[0] ?? '', w[w.length - 1] ?? ''] as const;
  const compare = (x: string[], y: string[]) => {
    const [xFirst, xLast] = ends(x);
    const [yFirst, yLast] = ends(y);
    return Math.min(jaroWinkler(xFirst, yFirst), jaroWinkler(xLast, yLast));
  };
  const wa = words(a);
  const wb = words(b);
  return Math.max(compare(wa, wb), compare([...wa].sort(), [...wb].sort()));
}

function sameAffiliation(a: Contact, b: Contact): boolean {
  if (a.affiliation.acgmeId !== null && a.affiliation.acgmeId === b.affiliation.acgmeId) return true;
  const ia = a.affiliation.institution;
  const ib = b.affiliation.institution;
  return ia !== null && ib !== null && normalizeName(ia) !== '' && normalizeName(ia) === normalizeName(ib);
}

/**
 * Pairs of contacts that are probably the same person, with why. Compares every pair: a personal network is
 * hundreds to a few thousand people, where that stays well under a second.
 *
 * @example findDuplicates([drLeeFromLinkedin, annaLeeTypedByHand]) // [{ a, b, reasons: ['same-email'], ... }]
 */
export function findDuplicates(contacts: readonly Contact[]): DuplicatePair[] {
  const keyed = contacts.map((c) => ({
    contact: c,
    email: c.email === null ? null : normalizeEmail(c.email),
    linkedin: c.linkedinUrl === null ? null : normalizeLinkedinUrl(c.linkedinUrl),
  }));
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < keyed.length; i++) {
    for (let j = i + 1; j < keyed.length; j++) {
      const x = keyed[i] as (typeof keyed)[number];
      const y = keyed[j] as (typeof keyed)[number];
      const reasons: DuplicateReason[] = [];
      if (x.email !== null && x.email === y.email) reasons.push('same-email');
      if (x.linkedin !== null && x.linkedin === y.linkedin) reasons.push('same-linkedin');
      const similarity = nameSimilarity(x.contact.name, y.contact.name);
      if (similarity >= NAME_SIMILARITY_THRESHOLD && sameAffiliation(x.contact, y.contact)) {
        reasons.push('similar-name-same-affiliation');
      }
      if (reasons.length > 0) {
        pairs.push({ a: x.contact.id, b: y.contact.id, reasons, nameSimilarity: similarity });
      }
    }
  }
  return pairs;
}

const CIRCLE_RANK: Record<Circle, number> = { inner: 0, middle: 1, outer: 2 };

function joinNotes(a: string, b: string): string {
  if (b.trim() === '' || a.includes(b)) return a;
  if (a.trim() === '') return b;
  return `${a}\n\n${b}`;
}

function unionTags(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of [...a, ...b]) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export interface MergedContact {
  contact: Contact;
  /** B's interactions, now pointing at A: nothing of B's history is lost. */
  interactions: Interaction[];
}

/**
 * Merges contact `b` into `a`. A's values win; an empty field of A takes B's value; tags are united (case
 * ignored), notes joined. A circle the user chose wins over a suggested one, and otherwise the closer circle
 * wins, so merging never demotes someone. The merged contact keeps A's id and the earlier creation time.
 */
export function mergeContacts(
  a: Contact,
  b: Contact,
  interactionsOfB: readonly Interaction[],
): MergedContact {
  const circleFrom =
    a.circleOverridden || (!b.circleOverridden && CIRCLE_RANK[a.circle] <= CIRCLE_RANK[b.circle]) ? a : b;
  const contact: Contact = {
    id: a.id,
    name: a.name,
    title: a.title ?? b.title,
    role: a.role === 'other' ? b.role : a.role,
    circle: circleFrom.circle,
    circleOverridden: a.circleOverridden || b.circleOverridden,
    affiliation: {
      acgmeId: a.affiliation.acgmeId ?? b.affiliation.acgmeId,
      institution: a.affiliation.institution ?? b.affiliation.institution,
    },
    metHow: a.metHow ?? b.metHow,
    metWhere: a.metWhere ?? b.metWhere,
    email: a.email ?? b.email,
    phone: a.phone ?? b.phone,
    linkedinUrl: a.linkedinUrl ?? b.linkedinUrl,
    tags: unionTags(a.tags, b.tags),
    notes: joinNotes(a.notes, b.notes),
    createdAt: a.createdAt <= b.createdAt ? a.createdAt : b.createdAt,
  };
  const interactions = interactionsOfB.map((i) => (i.contactId === b.id ? { ...i, contactId: a.id } : i));
  return { contact, interactions };
}

/** After a merge, letters written by B and events where B was met point at A (B listed once per event). */
export function repointContact(
  fromId: string,
  toId: string,
  data: { letters: readonly Letter[]; events: readonly NetworkEvent[] },
): { letters: Letter[]; events: NetworkEvent[] } {
  return {
    letters: data.letters.map((l) => (l.writerContactId === fromId ? { ...l, writerContactId: toId } : l)),
    events: data.events.map((e) =>
      e.contactIds.includes(fromId)
        ? { ...e, contactIds: [...new Set(e.contactIds.map((id) => (id === fromId ? toId : id)))] }
        : e,
    ),
  };
}
