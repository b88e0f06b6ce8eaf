import {
  type MergeField,
  type MergeValues,
  mergeValue,
  type OutreachTemplate,
} from '../../core/network/templates/index.js';

/** What the Compose screen asks the user to type when nothing else supplies it. */
export const MERGE_FIELD_INPUT_LABELS: Record<MergeField, string> = {
  'contact.title': 'Their title (e.g. Dr.)',
  'contact.firstName': 'Their first name',
  'contact.lastName': 'Their last name',
  'contact.name': 'Their full name',
  'me.name': 'Your name',
  'me.school': 'Your medical school',
  'me.graduationYear': 'Your graduation year',
  'me.email': 'Your email address',
  'program.name': 'Program name',
  'rotation.site': 'Where the rotation was',
  'rotation.dates': 'Rotation dates',
  'event.name': 'Event name',
  learned: 'Something specific you learned',
  bragSheet: 'Brag sheet (one point per line)',
};

/** Fields written on more than one line. */
export const MULTILINE_FIELDS: ReadonlySet<MergeField> = new Set(['learned', 'bragSheet']);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The merge fields a template uses, in order of first appearance (subject first). */
export function fieldsUsed(template: Pick<OutreachTemplate, 'subject' | 'body'>): MergeField[] {
  const seen = new Set<MergeField>();
  for (const match of `${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)) {
    const field = match[1] as MergeField;
    if (field in MERGE_FIELD_INPUT_LABELS) seen.add(field);
  }
  return [...seen];
}

/** "Dr. Anna María Lee" → first "Anna", last "Lee" (a title already stored apart is dropped from the name). */
export function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '' && !/^(dr|prof|professor|mr|mrs|ms)\.?$/i.test(word));
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: words[0] ?? null, lastName: words[0] ?? null };
  return { firstName: words[0] ?? null, lastName: words.at(-1) ?? null };
}

/** Sets one field's typed value into MergeValues (the brag sheet is one point per line). */
function withField(values: MergeValues, field: MergeField, text: string): MergeValues {
  if (field === 'learned') return { ...values, learned: text };
  if (field === 'bragSheet') return { ...values, bragSheet: text.split(/\r?\n/) };
  const [group, key] = field.split('.') as [keyof MergeValues, string];
  const current = (values[group] ?? {}) as Record<string, unknown>;
  return { ...values, [group]: { ...current, [key]: text } };
}

/**
 * The values for rendering: what Matchwise knows (`known`) with what the user typed laid over it for any
 * field they filled in. A typed value wins so the user can correct a known one.
 */
export function mergeWithTyped(known: MergeValues, typed: Partial<Record<MergeField, string>>): MergeValues {
  let values = known;
  for (const [field, text] of Object.entries(typed) as [MergeField, string][]) {
    if (text.trim() !== '') values = withField(values, field, text);
  }
  return values;
}

/** The fields of a template that Matchwise cannot fill on its own: the ones to show inputs for. */
export function fieldsToAsk(
  template: Pick<OutreachTemplate, 'subject' | 'body'>,
  known: MergeValues,
): MergeField[] {
  return fieldsUsed(template).filter((field) => mergeValue(known, field) === null);
}

/** A file name for the .eml download: "thank-you-anna-lee.eml". */
export function emlFileName(templateId: string, contactName: string): string {
  const slug = `${templateId}-${contactName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'message'}.eml`;
}
