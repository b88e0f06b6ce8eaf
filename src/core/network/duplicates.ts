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
  // Reused between calls: duplicate search runs this millions of times.
  const sMatched = matchedFlags(0, s.length);
  const tMatched = matchedFlags(1, t.length);
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(t.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (tMatched[j] || s[i] !== t[j]) continue;
      sMatched[i] = 1;
      tMatched[j] = 1;
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

const flagBuffers: [Uint8Array, Uint8Array] = [new Uint8Array(64), new Uint8Array(64)];

/** A zeroed flag array of `length`, from a buffer kept between calls (grown when a string is longer). */
function matchedFlags(which: 0 | 1, length: number): Uint8Array {
  if (flagBuffers[which].length < length) flagBuffers[which] = new Uint8Array(length * 2);
  const flags = flagBuffers[which];
  flags.fill(0, 0, length);
  return flags;
}

/** The words of a name that {@link nameSimilarity} compares: normalized, initials dropped. */
function nameWords(name: string): string[] {
  return normalizeName(name)
    .split(' ')
    .filter((w) => w.length > 1);
}

function wordsSimilarity(
  wa: readonly string[],
  wb: readonly string[],
  sa: readonly string[],
  sb: readonly string[],
): number {
  const compare = (x: readonly string[], y: readonly string[]) =>
    Math.min(jaroWinkler(x[0] ?? '', y[0] ?? ''), jaroWinkler(x.at(-1) ?? '', y.at(-1) ?? ''));
  return Math.max(compare(wa, wb), compare(sa, sb));
}

/** `wordsSimilarity(…) >= threshold`, stopping at the first word pair that already decides it. */
function similarEnough(x: Keyed, y: Keyed, threshold: number): boolean {
  const reading = (a: readonly string[], b: readonly string[]) =>
    jaroWinkler(a[0] ?? '', b[0] ?? '') >= threshold &&
    jaroWinkler(a.at(-1) ?? '', b.at(-1) ?? '') >= threshold;
  return reading(x.words, y.words) || reading(x.sortedWords, y.sortedWords);
}

/**
 * How alike two names are, 0..1: the lower of the given-name and family-name similarities (first and last
 * word, initials ignored), so a shared first name alone ("Ana Lopez" / "Ana Perez") does not make a match.
 * Also tried with the words sorted, so "Lee, Anna" matches "Anna Lee"; the better reading wins.
 */
export function nameSimilarity(a: string, b: string): number {
  const wa = nameWords(a);
  const wb = nameWords(b);
  return wordsSimilarity(wa, wb, [...wa].sort(), [...wb].sort());
}

/**
 * Contacts in one block whose every pair is compared: 200 make 19,900 comparisons. A bigger block (1,000
 * colleagues at one hospital, 10,000 people with the same email) is split by name, and what is still bigger
 * is compared by nearest names only, so no input makes the search quadratic. Assumption: a personal network
 * rarely holds 200 people at one institution, and never 200 who share an email.
 */
export const MAX_FULL_BLOCK = 200;

/** In a block too big to search whole, how many following names (sorted) each contact is compared with. */
const NEIGHBOURS_IN_BIG_BLOCK = 5;

export interface DuplicateSearch {
  /** In the order brute force would give them: by the first contact's position, then the second's. */
  pairs: DuplicatePair[];
  /**
   * Blocks too big to compare every pair in (see {@link MAX_FULL_BLOCK}): there each contact was compared
   * with its nearest names only (or, in an affiliation block, with names sharing a key), so a duplicate pair in them may be missing. Empty in a usual network.
   */
  partial: { block: string; size: number }[];
}

/** What a contact is compared by, computed once rather than once per pair. */
interface Keyed {
  contact: Contact;
  email: string | null;
  linkedin: string | null;
  words: string[];
  sortedWords: string[];
  /** The program's ACGME id and the normalized institution: contacts sharing one share an affiliation. */
  affiliations: string[];
}

function keyed(contact: Contact): Keyed {
  const words = nameWords(contact.name);
  const institution =
    contact.affiliation.institution === null ? '' : normalizeName(contact.affiliation.institution);
  return {
    contact,
    email: contact.email === null ? null : normalizeEmail(contact.email),
    linkedin: contact.linkedinUrl === null ? null : normalizeLinkedinUrl(contact.linkedinUrl),
    words,
    sortedWords: [...words].sort(),
    affiliations: [
      ...(contact.affiliation.acgmeId === null ? [] : [`program:${contact.affiliation.acgmeId}`]),
      ...(institution === '' ? [] : [`institution:${institution}`]),
    ],
  };
}

/**
 * Keys two similar names almost always share, for splitting a big affiliation block: for each reading (as
 * written, words sorted) the family name with the given name's initial, and the given name with the family
 * name's initial, so a typo in one of the two names still lands the pair in one block.
 */
function nameKeys(k: Keyed): string[] {
  const keys = new Set<string>();
  for (const w of [k.words, k.sortedWords]) {
    const first = w[0] ?? '';
    const last = w.at(-1) ?? '';
    keys.add(`${last}|${first.slice(0, 1)}`);
    keys.add(`${first}|${last.slice(0, 1)}`);
  }
  return [...keys];
}

function duplicatePair(x: Keyed, y: Keyed): DuplicatePair | null {
  const reasons: DuplicateReason[] = [];
  if (x.email !== null && x.email === y.email) reasons.push('same-email');
  if (x.linkedin !== null && x.linkedin === y.linkedin) reasons.push('same-linkedin');
  const similarity = wordsSimilarity(x.words, y.words, x.sortedWords, y.sortedWords);
  if (similarity >= NAME_SIMILARITY_THRESHOLD && x.affiliations.some((a) => y.affiliations.includes(a))) {
    reasons.push('similar-name-same-affiliation');
  }
  return reasons.length === 0
    ? null
    : { a: x.contact.id, b: y.contact.id, reasons, nameSimilarity: similarity };
}

function addToBlock(blocks: Map<string, number[]>, key: string, index: number): void {
  const members = blocks.get(key);
  if (members === undefined) blocks.set(key, [index]);
  else if (members.at(-1) !== index) members.push(index);
}

/**
 * Pairs of contacts that are probably the same person, with why, and the blocks that were too big to search
 * whole. Only contacts that share a block are compared — the same normalized email, the same LinkedIn profile,
 * or the same program or institution (the name reason needs a shared affiliation) — so the pairs are those
 * comparing every pair would find (10,000 contacts: well under a second; see bench/RESULTS.md).
 *
 * @example searchDuplicates([drLeeFromLinkedin, annaLeeTypedByHand])
 * // { pairs: [{ a, b, reasons: ['same-email'], ... }], partial: [] }
 */
export function searchDuplicates(
  contacts: readonly Contact[],
  options: { maxFullBlock?: number } = {},
): DuplicateSearch {
  const maxFullBlock = Math.max(2, options.maxFullBlock ?? MAX_FULL_BLOCK);
  const all = contacts.map(keyed);
  const blocks = new Map<string, number[]>();
  for (const [index, k] of all.entries()) {
    if (k.email !== null) addToBlock(blocks, `email:${k.email}`, index);
    if (k.linkedin !== null) addToBlock(blocks, `linkedin:${k.linkedin}`, index);
    for (const affiliation of k.affiliations) addToBlock(blocks, affiliation, index);
  }

  // Pair i < j as one number, so a pair met in several blocks is compared once and pairs sort in input order.
  const candidates = new Set<number>();
  const n = all.length;
  const partial: DuplicateSearch['partial'] = [];
  // In an affiliation block only the name can make a pair (emails and profiles have blocks of their own), so
  // pairs whose names differ are dropped here rather than collected and scored.
  const compareAll = (members: readonly number[], byNameOnly: boolean) => {
    for (let x = 0; x < members.length; x++) {
      const i = members[x] as number;
      for (let y = x + 1; y < members.length; y++) {
        const j = members[y] as number;
        if (byNameOnly && !similarEnough(all[i] as Keyed, all[j] as Keyed, NAME_SIMILARITY_THRESHOLD))
          continue;
        candidates.add(i * n + j);
      }
    }
  };
  // Sorted by name, each contact meets the next few: a window that keeps the block's cost linear.
  const compareNeighbours = (block: string, members: readonly number[]) => {
    partial.push({ block, size: members.length });
    const byName = [...members].sort((x, y) => {
      const a = (all[x] as Keyed).sortedWords.join(' ');
      const b = (all[y] as Keyed).sortedWords.join(' ');
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    for (let x = 0; x < byName.length; x++) {
      for (let y = x + 1; y <= x + NEIGHBOURS_IN_BIG_BLOCK && y < byName.length; y++) {
        const [i, j] = [byName[x] as number, byName[y] as number].sort((p, q) => p - q) as [number, number];
        candidates.add(i * n + j);
      }
    }
  };

  for (const [block, members] of blocks) {
    if (members.length < 2) continue;
    const byNameOnly = !block.startsWith('email:') && !block.startsWith('linkedin:');
    if (members.length <= maxFullBlock) compareAll(members, byNameOnly);
    else if (!byNameOnly) compareNeighbours(block, members);
    else {
      const byName = new Map<string, number[]>();
      for (const index of members) {
        for (const key of nameKeys(all[index] as Keyed)) addToBlock(byName, key, index);
      }
      for (const [key, named] of byName) {
        if (named.length < 2) continue;
        if (named.length <= maxFullBlock) compareAll(named, true);
        else compareNeighbours(`${block} name:${key}`, named);
      }
      // Names were compared only within shared name keys: say so, as for any block not searched whole.
      partial.push({ block, size: members.length });
    }
  }

  const pairs: DuplicatePair[] = [];
  for (const pair of [...candidates].sort((p, q) => p - q)) {
    const found = duplicatePair(all[Math.floor(pair / n)] as Keyed, all[pair % n] as Keyed);
    if (found !== null) pairs.push(found);
  }
  return { pairs, partial };
}

/**
 * Pairs of contacts that are probably the same person, with why (see {@link searchDuplicates}).
 *
 * @example findDuplicates([drLeeFromLinkedin, annaLeeTypedByHand]) // [{ a, b, reasons: ['same-email'], ... }]
 */
export function findDuplicates(contacts: readonly Contact[]): DuplicatePair[] {
  return searchDuplicates(contacts).pairs;
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
