import { type Circle, type Contact, type ContactRole, contactSchema } from '../../core/network/index.js';

/** The Add contact form as typed: every value a string; '' for circle means "use the suggestion". */
export interface ContactFormDraft {
  name: string;
  title: string;
  role: ContactRole | '';
  circle: Circle | '';
  acgmeId: string;
  institution: string;
  metHow: string;
  metWhere: string;
  email: string;
  phone: string;
  linkedinUrl: string;
  tags: string;
  notes: string;
}

export type ContactFormField = keyof ContactFormDraft;

export const EMPTY_CONTACT_FORM: ContactFormDraft = {
  name: '',
  title: '',
  role: '',
  circle: '',
  acgmeId: '',
  institution: '',
  metHow: '',
  metWhere: '',
  email: '',
  phone: '',
  linkedinUrl: '',
  tags: '',
  notes: '',
};

/**
 * A stored contact as the form shows it for editing. The circle stays '' (suggested) unless the user chose it,
 * so saving does not freeze a suggestion into an override.
 */
export function contactToDraft(contact: Contact): ContactFormDraft {
  return {
    name: contact.name,
    title: contact.title ?? '',
    role: contact.role,
    circle: contact.circleOverridden ? contact.circle : '',
    acgmeId: contact.affiliation.acgmeId ?? '',
    institution: contact.affiliation.institution ?? '',
    metHow: contact.metHow ?? '',
    metWhere: contact.metWhere ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    linkedinUrl: contact.linkedinUrl ?? '',
    tags: contact.tags.join(', '),
    notes: contact.notes,
  };
}

/** What the form produces once valid: a contact without the parts the server assigns. */
export interface ContactFields {
  name: string;
  title: string | null;
  role: ContactRole;
  /** null: let Matchwise suggest it from role and history. */
  circle: Circle | null;
  affiliation: { acgmeId: string | null; institution: string | null };
  metHow: string | null;
  metWhere: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  tags: string[];
  notes: string;
}

export type ContactFormResult =
  | { ok: true; value: ContactFields }
  | { ok: false; errors: Partial<Record<ContactFormField, string>> };

const orNull = (value: string) => {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** "fm, img-friendly , fm" → ["fm", "img-friendly"]. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

const PATH_TO_FIELD: Record<string, ContactFormField> = {
  'affiliation.acgmeId': 'acgmeId',
  'affiliation.institution': 'institution',
};

/**
 * Checks the form against the core contactSchema (the same rules the server applies) and returns either the
 * fields to send or one message per form field.
 */
export function validateContactForm(draft: ContactFormDraft): ContactFormResult {
  const fields = {
    name: draft.name.trim(),
    title: orNull(draft.title),
    role: draft.role,
    circle: draft.circle === '' ? null : draft.circle,
    affiliation: { acgmeId: orNull(draft.acgmeId), institution: orNull(draft.institution) },
    metHow: orNull(draft.metHow),
    metWhere: orNull(draft.metWhere),
    email: orNull(draft.email),
    phone: orNull(draft.phone),
    linkedinUrl: orNull(draft.linkedinUrl),
    tags: parseTags(draft.tags),
    notes: draft.notes,
  };
  const result = contactSchema.safeParse({
    ...fields,
    id: 'new',
    circle: fields.circle ?? 'outer',
    circleOverridden: fields.circle !== null,
    createdAt: '2026-01-01T00:00:00Z',
  });
  if (result.success) return { ok: true, value: fields as ContactFields };
  const errors: Partial<Record<ContactFormField, string>> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const key =
      PATH_TO_FIELD[path.join('.')] ?? (path[0] === 'tags' ? 'tags' : (path[0] as ContactFormField));
    if (key in EMPTY_CONTACT_FORM && errors[key] === undefined) {
      errors[key] = key === 'tags' ? `Tags: ${issue.message}` : issue.message;
    }
  }
  return { ok: false, errors };
}
