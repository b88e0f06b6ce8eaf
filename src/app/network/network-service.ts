import { randomUUID } from 'node:crypto';
import { suggestCircle } from '../../core/network/circle.js';
import {
  asText,
  type ContactDraft,
  type ContactImport,
  type FileError,
  type RowError,
  readContactsCsv,
  readLinkedInConnections,
  readVCards,
} from '../../core/network/import/index.js';
import {
  applyTaskState,
  type BackupRecord,
  type Circle,
  type Contact,
  type ContactRole,
  contactSchema,
  effectiveCircle,
  evaluatePlaybook,
  type Interaction,
  type NetworkData,
  normalizeEmail,
  normalizeLinkedinUrl,
  type RelationshipStrength,
  relationshipStrength,
  type TrackedTask,
  timelineOf,
} from '../../core/network/index.js';
import { toPlaybookSettings } from '../../core/network/network-settings.js';
import type { MergeValues } from '../../core/network/templates/index.js';
import { err, ok, type Result } from '../../core/shared/result.js';
import { toFieldIssues } from '../../core/shared/zod-issues.js';
import { currentMatchYear } from '../../core/smartpick/match-year.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { Repositories } from '../../db/repositories.js';

/** Everything stored about the network, as the core functions take it. */
export async function loadNetwork(repos: Repositories): Promise<NetworkData> {
  const [contacts, interactions, letters, events] = await Promise.all([
    repos.contacts.list(),
    repos.interactions.list(),
    repos.letters.list(),
    repos.events.list(),
  ]);
  return { contacts, interactions, letters, events };
}

export const newId = (): string => randomUUID();

/** A contact as the API shows it: the circle is the effective one, with the suggestion and strength beside. */
export type ContactView = Contact & { suggestedCircle: Circle; strength: RelationshipStrength };

export function contactView(contact: Contact, interactions: readonly Interaction[], now: Date): ContactView {
  const own = interactions.filter((i) => i.contactId === contact.id);
  return {
    ...contact,
    circle: effectiveCircle(contact, own),
    suggestedCircle: suggestCircle(contact.role, own),
    strength: relationshipStrength(own, now),
  };
}

/** The circle stored for a contact: the user's choice, or the suggestion (recomputed on every read anyway). */
export function storedCircle(
  role: ContactRole,
  chosen: Circle | null,
  interactions: readonly Interaction[],
): Pick<Contact, 'circle' | 'circleOverridden'> {
  return chosen === null
    ? { circle: suggestCircle(role, interactions), circleOverridden: false }
    : { circle: chosen, circleOverridden: true };
}

/**
 * The playbook run over the stored network at `now`, with what the user did to each task applied. `backup`
 * comes from an edition whose data a browser may delete (the static edition), for its backup reminder.
 */
export async function trackedTasks(
  repos: Repositories,
  now: Date,
  backup?: BackupRecord,
): Promise<TrackedTask[]> {
  const [network, states, settings, applications] = await Promise.all([
    loadNetwork(repos),
    repos.taskStates.list(),
    repos.networkSettings.get(),
    repos.applications.list(),
  ]);
  const programs = await repos.programs.getMany(applications.map((a) => a.acgmeId));
  const programNames = new Map([...programs].map(([id, program]) => [id, program.name]));
  const playbook = toPlaybookSettings(settings, currentMatchYear(now));
  const result = evaluatePlaybook({
    ...network,
    applications,
    programNames,
    settings: playbook,
    now,
    ...(backup ? { backup } : {}),
  });
  return applyTaskState(result.tasks, states);
}

// ---- contact import --------------------------------------------------------------------------------------

export type ContactFileFormat = 'linkedin-csv' | 'vcard' | 'matchwise-csv';

export interface ImportDuplicate {
  line: number;
  contact: ContactDraft;
  /** The stored contact it matches, or null when it matches an earlier record of the same file. */
  existingId: string | null;
  existingName: string;
  reasons: ('same-email' | 'same-linkedin')[];
}

export interface ContactImportPreview {
  filename: string;
  format: ContactFileFormat;
  total: number;
  valid: number;
  invalid: number;
  errors: RowError[];
  create: { line: number; contact: ContactDraft }[];
  duplicates: ImportDuplicate[];
}

export interface ContactImportReport extends ContactImportPreview {
  createdIds: string[];
}

export type ContactFileFailure = FileError & { path: string };

/** Which reader a file goes to: by extension, and for .csv by whether its first line is our own header. */
function readContactFile(
  filename: string,
  bytes: Uint8Array,
): Result<{ format: ContactFileFormat; parsed: ContactImport }, ContactFileFailure> {
  const lower = filename.toLowerCase();
  const withPath = (result: Result<ContactImport, FileError>, format: ContactFileFormat) =>
    result.ok
      ? ok({ format, parsed: result.value })
      : err({
          ...result.error,
          path: result.error.line === undefined ? 'file' : `line ${result.error.line}`,
        });
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard')) return withPath(readVCards(bytes), 'vcard');
  if (lower.endsWith('.csv')) {
    const text = asText(bytes);
    if (!text.ok) return withPath(text, 'linkedin-csv');
    const firstLine = text.value.trimStart().split(/\r?\n/, 1)[0] ?? '';
    return /^"?Name"?,/.test(firstLine)
      ? withPath(readContactsCsv(text.value), 'matchwise-csv')
      : withPath(readLinkedInConnections(text.value), 'linkedin-csv');
  }
  return err({
    kind: 'unsupported-format',
    message: 'Import a LinkedIn Connections.csv, a Matchwise contacts .csv or a vCard .vcf file',
    path: 'filename',
  });
}

/** A draft as a stored contact; the core schema may still refuse a value the importer let through. */
export function contactFromDraft(
  draft: ContactDraft,
  id: string,
  now: Date,
): Result<Contact, { field: string; message: string }[]> {
  const notes = [
    draft.notes,
    draft.position === null ? null : `Position: ${draft.position}`,
    draft.connectedOn === null ? null : `Connected on ${draft.connectedOn}`,
  ]
    .filter((part): part is string => part !== null)
    .join('\n');
  const parsed = contactSchema.safeParse({
    id,
    name: draft.name,
    title: draft.title,
    role: draft.role,
    circle: draft.circle,
    circleOverridden: draft.circle !== 'outer',
    affiliation: { acgmeId: null, institution: draft.institution },
    metHow: draft.metHow,
    metWhere: null,
    email: draft.email,
    phone: draft.phone,
    linkedinUrl: draft.linkedinUrl,
    tags: draft.tags,
    notes,
    createdAt: now.toISOString(),
  });
  if (parsed.success) return ok(parsed.data);
  return err(toFieldIssues(parsed.error).map((issue) => ({ field: issue.path, message: issue.message })));
}

/** The contacts a file would add, the ones it would duplicate (never overwritten), and its bad records. */
export async function planContactImport(
  repos: Repositories,
  request: { filename: string; bytes: Uint8Array; now: Date },
): Promise<Result<{ preview: ContactImportPreview; contacts: Contact[] }, ContactFileFailure>> {
  const read = readContactFile(request.filename, request.bytes);
  if (!read.ok) return read;
  const { format, parsed } = read.value;
  const known = new Map<string, { id: string | null; name: string }>();
  const remember = (
    c: { email: string | null; linkedinUrl: string | null },
    who: { id: string | null; name: string },
  ) => {
    if (c.email !== null) known.set(`email:${normalizeEmail(c.email)}`, who);
    const linkedin = c.linkedinUrl === null ? null : normalizeLinkedinUrl(c.linkedinUrl);
    if (linkedin !== null) known.set(`linkedin:${linkedin}`, who);
  };
  for (const stored of await repos.contacts.list()) remember(stored, { id: stored.id, name: stored.name });

  const errors = [...parsed.errors];
  const create: ContactImportPreview['create'] = [];
  const duplicates: ImportDuplicate[] = [];
  const contacts: Contact[] = [];
  for (const { line, contact: draft } of parsed.contacts) {
    const built = contactFromDraft(draft, newId(), request.now);
    if (!built.ok) {
      errors.push(...built.error.map((issue) => ({ line, ...issue })));
      continue;
    }
    const byEmail = draft.email === null ? undefined : known.get(`email:${normalizeEmail(draft.email)}`);
    const linkedin = draft.linkedinUrl === null ? null : normalizeLinkedinUrl(draft.linkedinUrl);
    const byLinkedin = linkedin === null ? undefined : known.get(`linkedin:${linkedin}`);
    const match = byEmail ?? byLinkedin;
    if (match !== undefined) {
      duplicates.push({
        line,
        contact: draft,
        existingId: match.id,
        existingName: match.name,
        reasons: [
          ...(byEmail !== undefined ? (['same-email'] as const) : []),
          ...(byLinkedin !== undefined ? (['same-linkedin'] as const) : []),
        ],
      });
      continue;
    }
    remember(draft, { id: null, name: draft.name });
    create.push({ line, contact: draft });
    contacts.push(built.value);
  }
  errors.sort((a, b) => a.line - b.line);
  const invalid = new Set(errors.map((e) => e.line)).size;
  return ok({
    preview: {
      filename: request.filename,
      format,
      total: parsed.total,
      valid: create.length + duplicates.length,
      invalid,
      errors,
      create,
      duplicates,
    },
    contacts,
  });
}

/** Plans the import and stores the new contacts in one transaction; duplicates and bad records are only reported. */
export async function commitContactImport(
  db: OwnerDatabase,
  request: { filename: string; bytes: Uint8Array; now: Date },
): Promise<Result<ContactImportReport, ContactFileFailure>> {
  return db.transaction(async (repos) => {
    const plan = await planContactImport(repos, request);
    if (!plan.ok) return plan;
    await repos.contacts.insertMany(plan.value.contacts);
    return ok({ ...plan.value.preview, createdIds: plan.value.contacts.map((contact) => contact.id) });
  });
}

// ---- compose ---------------------------------------------------------------------------------------------

const MONTH_DAY = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
const DAY_ONLY = new Intl.DateTimeFormat('en-US', { day: 'numeric', timeZone: 'UTC' });

/** "March 3–28, 2025", "October 27 – November 24, 2026", "December 29, 2025 – January 9, 2026". */
export function formatDateRange(start: string, end: string | null): string {
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end ?? start}T00:00:00Z`);
  const yearA = a.getUTCFullYear();
  const yearB = b.getUTCFullYear();
  if (end === null || end === start) return `${MONTH_DAY.format(a)}, ${yearA}`;
  if (yearA !== yearB) return `${MONTH_DAY.format(a)}, ${yearA} – ${MONTH_DAY.format(b)}, ${yearB}`;
  if (a.getUTCMonth() === b.getUTCMonth()) return `${MONTH_DAY.format(a)}–${DAY_ONLY.format(b)}, ${yearA}`;
  return `${MONTH_DAY.format(a)} – ${MONTH_DAY.format(b)}, ${yearA}`;
}

/** First and last word of a name, ignoring "Lee, Anna" order. */
function nameParts(name: string): { firstName: string | null; lastName: string | null } {
  if (name.includes(',')) {
    const [last, first] = name.split(',', 2).map((part) => part.trim());
    return { firstName: first?.split(/\s+/)[0] || null, lastName: last || null };
  }
  const words = name.trim().split(/\s+/);
  return { firstName: words[0] ?? null, lastName: words.length > 1 ? (words.at(-1) ?? null) : null };
}

/** Merge values known from the profile and the contact's history; the request's own values go on top. */
export async function knownMergeValues(
  repos: Repositories,
  contact: Contact | null,
  network: NetworkData,
): Promise<MergeValues> {
  const saved = await repos.profiles.get();
  const values: MergeValues = {
    me: {
      name: saved?.profile.name || null,
      graduationYear: saved?.profile.graduationYear ?? null,
    },
  };
  if (contact === null) return values;
  values.contact = { title: contact.title, name: contact.name, ...nameParts(contact.name) };
  const programName = async (acgmeId: string | null) =>
    acgmeId === null ? null : ((await repos.programs.get(acgmeId))?.name ?? null);
  const program = await programName(contact.affiliation.acgmeId);
  if (program !== null) values.program = { name: program };
  const rotation = timelineOf(contact.id, network.interactions).find((i) => i.kind === 'rotation');
  if (rotation !== undefined) {
    values.rotation = {
      site: (await programName(rotation.acgmeId)) ?? program ?? contact.affiliation.institution,
      dates: formatDateRange(rotation.date, rotation.endDate),
    };
  }
  const event = [...network.events]
    .filter((e) => e.contactIds.includes(contact.id))
    .sort((x, y) => y.startDate.localeCompare(x.startDate))[0];
  if (event !== undefined) values.event = { name: event.name };
  return values;
}

/** The request's values over the known ones, group by group. */
export function mergeValues(known: MergeValues, given: MergeValues): MergeValues {
  return {
    ...known,
    ...given,
    contact: { ...known.contact, ...given.contact },
    me: { ...known.me, ...given.me },
    program: { ...known.program, ...given.program },
    rotation: { ...known.rotation, ...given.rotation },
    event: { ...known.event, ...given.event },
  };
}
