/**
 * The merge fields a template may use, each with what it means so the Compose screen can explain an empty
 * one. Anything else in {{ }} is a typo and is reported, never left in the message.
 */
export const MERGE_FIELDS = {
  'contact.title': 'Their title, e.g. "Dr."',
  'contact.firstName': 'Their first name',
  'contact.lastName': 'Their last name',
  'contact.name': 'Their full name',
  'me.name': 'Your full name',
  'me.school': 'Your medical school',
  'me.graduationYear': 'The year you graduated',
  'me.email': 'Your email address',
  'program.name': 'The residency program',
  'rotation.site': 'Where the rotation was',
  'rotation.dates': 'When the rotation was, e.g. "March 3–28, 2025"',
  'event.name': 'The conference or fair where you met',
  learned: 'One specific thing you learned from them or about the program',
  bragSheet: 'Bullet points of what you did and achieved, one per line',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;

/** What the Compose screen knows, gathered from the contact, the profile, the program and the user. */
export interface MergeValues {
  contact?: {
    title?: string | null;
    firstName?: string | null;
    lastName?: string | null;
    name?: string | null;
  };
  me?: {
    name?: string | null;
    school?: string | null;
    graduationYear?: string | number | null;
    email?: string | null;
  };
  program?: { name?: string | null };
  rotation?: { site?: string | null; dates?: string | null };
  event?: { name?: string | null };
  learned?: string | null;
  bragSheet?: readonly string[] | null;
}

export function isMergeField(name: string): name is MergeField {
  return Object.hasOwn(MERGE_FIELDS, name);
}

/**
 * The text for a field, or null when it has no usable value (absent, blank, or an empty brag sheet), so the
 * caller reports it instead of writing "Dear Dr. ," or "undefined". The brag sheet becomes "- " bullets.
 */
export function mergeValue(values: MergeValues, field: MergeField): string | null {
  if (field === 'bragSheet') {
    const bullets = (values.bragSheet ?? []).map((item) => item.trim()).filter((item) => item !== '');
    return bullets.length === 0 ? null : bullets.map((item) => `- ${item}`).join('\n');
  }
  if (field === 'learned') return nonBlank(values.learned);
  const [group, key] = field.split('.') as [Exclude<keyof MergeValues, 'learned' | 'bragSheet'>, string];
  const record = values[group] as Record<string, string | number | null | undefined> | undefined;
  const value = record?.[key];
  return nonBlank(typeof value === 'number' ? String(value) : value);
}

function nonBlank(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}
