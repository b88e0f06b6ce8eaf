import type { Contact } from './contact.js';
import type { NetworkEvent } from './event.js';
import type { Interaction } from './interaction.js';
import type { Letter } from './letter.js';
import { evaluatePlaybook, type PlaybookInput } from './playbook/evaluate.js';

/** Domain examples shared by the network tests: an applicant's contacts on a fixed clock. */

/** "Today" in every network test: Wednesday 25 November 2026, noon UTC. */
export const NOW = new Date('2026-11-25T12:00:00Z');

/** Riverside Family Medicine, a (synthetic) program in the catalog. */
export const RIVERSIDE = '1201200001';
export const LAKESHORE = '1209900108';

export function contact(overrides: Partial<Contact> & Pick<Contact, 'id' | 'name'>): Contact {
  return {
    title: null,
    role: 'other',
    circle: 'outer',
    circleOverridden: false,
    affiliation: { acgmeId: null, institution: null },
    metHow: null,
    metWhere: null,
    email: null,
    phone: null,
    linkedinUrl: null,
    tags: [],
    notes: '',
    createdAt: '2026-01-10T09:00:00Z',
    ...overrides,
  };
}

/** Dr. Anna Lee, the attending who precepted the applicant's family medicine rotation at Riverside. */
export const drLee = contact({
  id: 'c-lee',
  name: 'Anna Lee',
  title: 'Dr.',
  role: 'attending',
  affiliation: { acgmeId: RIVERSIDE, institution: 'Riverside Health' },
  email: 'anna.lee@riverside.example',
});

let sequence = 0;
export function interaction(
  overrides: Partial<Interaction> & Pick<Interaction, 'contactId' | 'kind' | 'date'>,
): Interaction {
  sequence += 1;
  return {
    id: `i-${sequence}`,
    direction: 'outgoing',
    isRequest: false,
    endDate: null,
    acgmeId: null,
    eventId: null,
    notes: '',
    purpose: null,
    ...overrides,
  };
}

/** A four-week rotation with Dr. Lee at Riverside that ended yesterday. */
export const rotationEndedYesterday = interaction({
  id: 'i-rotation-lee',
  contactId: drLee.id,
  kind: 'rotation',
  direction: 'both',
  date: '2026-10-27',
  endDate: '2026-11-24',
  acgmeId: RIVERSIDE,
});

export function letter(overrides: Partial<Letter> & Pick<Letter, 'id' | 'writerContactId'>): Letter {
  return {
    kind: 'us-family-medicine',
    requestedOn: null,
    agreedOn: null,
    uploadedOn: null,
    notes: '',
    ...overrides,
  };
}

export function event(overrides: Partial<NetworkEvent> & Pick<NetworkEvent, 'id' | 'name'>): NetworkEvent {
  return {
    startDate: '2026-11-20',
    endDate: '2026-11-21',
    place: 'Kansas City, MO',
    programsAttending: [],
    prep: [],
    contactIds: [],
    ...overrides,
  };
}

/** Runs one playbook rule (or all) on the fixed clock, with empty data where none is given. */
export function runPlaybook(
  input: Partial<Omit<PlaybookInput, 'now'>> & { now?: Date },
): ReturnType<typeof evaluatePlaybook> {
  return evaluatePlaybook({ contacts: [], interactions: [], events: [], letters: [], now: NOW, ...input });
}
