import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';

export const CONTACT_ROLES = [
  'mentor',
  'sponsor',
  'faculty',
  'attending',
  'program-director',
  'coordinator',
  'chief-resident',
  'resident',
  'alumnus',
  'peer',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  mentor: 'Mentor',
  sponsor: 'Sponsor',
  faculty: 'Faculty',
  attending: 'Attending',
  'program-director': 'Program director',
  coordinator: 'Program coordinator',
  'chief-resident': 'Chief resident',
  resident: 'Resident',
  alumnus: 'Alumnus',
  peer: 'Peer',
  other: 'Other',
};

/**
 * How close a contact is. Inner: people who vouch for you (mentors, letter writers). Middle: people you have
 * worked with or who answer you. Outer: everyone else you have met.
 */
export const CIRCLES = ['inner', 'middle', 'outer'] as const;
export type Circle = (typeof CIRCLES)[number];

/** True for a LinkedIn address: linkedin.com or any of its subdomains (www., country ones like de.). */
export function isLinkedinHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

const optionalText = (max: number) => storableText().trim().max(max).nullable();

/** An http(s) address on LinkedIn; false for anything that does not parse as a URL. */
export function isLinkedinUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && isLinkedinHost(parsed.hostname);
  } catch {
    return false;
  }
}

export const linkedinUrlSchema = z
  .url({ message: 'Use a full address like https://www.linkedin.com/in/jane-doe' })
  .refine(isLinkedinUrl, { message: 'Use a linkedin.com address' });

export const affiliationSchema = z.object({
  /** A program from the catalog, when the contact works or trains at one. */
  acgmeId: storableText().trim().min(1).max(40).nullable(),
  /** A hospital, school or practice that is not (or not only) a catalog program. */
  institution: optionalText(300),
});
export type Affiliation = z.infer<typeof affiliationSchema>;

export const contactSchema = z.object({
  id: storableText().min(1),
  name: storableText().trim().min(1, 'Name is required').max(200),
  /** How they are addressed, e.g. "Dr." or "Professor"; empty when unknown. */
  title: optionalText(60),
  role: z.enum(CONTACT_ROLES, { message: 'Choose a role' }),
  circle: z.enum(CIRCLES),
  /** True once the user chose the circle: the suggestion from role and history no longer replaces it. */
  circleOverridden: z.boolean(),
  affiliation: affiliationSchema,
  metHow: optionalText(300),
  metWhere: optionalText(300),
  email: z.email({ message: 'Use an address like name@example.org' }).nullable(),
  phone: storableText()
    .trim()
    .regex(/^[+()0-9.\-\s]{7,30}$/, 'Use digits, spaces and + ( ) - only')
    .nullable(),
  linkedinUrl: linkedinUrlSchema.nullable(),
  tags: z.array(storableText().trim().min(1).max(60)).max(50),
  notes: storableText().max(20_000),
  createdAt: z.iso.datetime({ message: 'Use a timestamp like 2026-11-25T12:00:00Z' }),
});

export type Contact = z.infer<typeof contactSchema>;
export type ContactInput = z.input<typeof contactSchema>;
