import type { Application } from '../../season/application.js';
import type { Contact } from '../contact.js';
import type { NetworkEvent } from '../event.js';
import type { Interaction } from '../interaction.js';
import type { Letter } from '../letter.js';
import type { BackupRecord } from './backup-reminder.js';

export const RULE_IDS = [
  'rotation-thank-you',
  'rotation-feedback',
  'rotation-letter',
  'letter-reminder',
  'event-follow-up',
  'inner-circle-update',
  'give-before-ask',
  'reintroduce-before-submission',
  'match-thanks',
  'interview-thank-you',
  'export-backup',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Something the applicant should do, produced by a playbook rule. */
export interface Task {
  /** `<ruleId>:<subject>`: the same situation always gives the same id, so re-evaluating never duplicates. */
  id: string;
  ruleId: RuleId;
  contactId?: string;
  eventId?: string;
  acgmeId?: string;
  title: string;
  /** The rule's reason in one sentence, shown under the title. */
  why: string;
  /** ISO date. */
  dueDate: string;
  status: 'open';
}

/** What a rule returns: a task without the parts the engine fills in. `subject` names the situation. */
export type TaskDraft = Omit<Task, 'id' | 'ruleId' | 'status'> & { subject: string };

export interface PlaybookSettings {
  /** Days between updates to an inner-circle contact. */
  mentorUpdateDays: number;
  /** Flag a contact when this many outgoing messages in a row were requests. */
  giveBeforeAskN: number;
  /** The day the applicant plans to submit ERAS applications, when known. */
  applicationSubmitDate?: string;
  /** NRMP Match Day, when known. */
  matchDay?: string;
}

export const DEFAULT_PLAYBOOK_SETTINGS = {
  mentorUpdateDays: 90,
  giveBeforeAskN: 3,
} satisfies PlaybookSettings;

/** Everything a rule may look at, with the lookups rules share computed once. */
export interface PlaybookContext {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  events: readonly NetworkEvent[];
  letters: readonly Letter[];
  settings: PlaybookSettings;
  /** Today's ISO date (UTC day of `now`). */
  today: string;
  contactById: ReadonlyMap<string, Contact>;
  /** Each contact's interactions in date order, oldest first. */
  interactionsByContact: ReadonlyMap<string, readonly Interaction[]>;
  /** The application season's pipeline (empty when the caller has none). */
  applications: readonly Application[];
  /** Program names by ACGME id, for task titles. */
  programNames: ReadonlyMap<string, string>;
  /** Backups and changes, from an edition whose data a browser may delete (see backup-reminder.ts). */
  backup?: BackupRecord;
}

/** A playbook rule as data: what it is called, why it exists, and the tasks it asks for today. */
export interface PlaybookRule {
  id: RuleId;
  title: string;
  /** Why the rule exists, in plain words; docs/network-playbook.md says the same. */
  rationale: string;
  tasks(context: PlaybookContext): TaskDraft[];
}

/** "Dr. Anna Lee" when a title is known, otherwise the name. */
export function addressOf(contact: Contact): string {
  return contact.title ? `${contact.title} ${contact.name}` : contact.name;
}
