import type { Application } from '../../season/application.js';
import type { Contact } from '../contact.js';
import { dayOf } from '../dates.js';
import type { NetworkEvent } from '../event.js';
import type { Interaction } from '../interaction.js';
import type { Letter } from '../letter.js';
import type { BackupRecord } from './backup-reminder.js';
import { PLAYBOOK_RULES } from './rules.js';
import {
  DEFAULT_PLAYBOOK_SETTINGS,
  type PlaybookContext,
  type PlaybookRule,
  type PlaybookSettings,
  type Task,
} from './task.js';

export interface PlaybookInput {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  events: readonly NetworkEvent[];
  letters: readonly Letter[];
  /** The application season's pipeline, for interview thank-yous; none by default. */
  applications?: readonly Application[];
  /** Program names by ACGME id, for task titles. */
  programNames?: ReadonlyMap<string, string>;
  /** Only where the data may be deleted with a browser's storage: asks for backups (backup-reminder.ts). */
  backup?: BackupRecord;
  settings?: Partial<PlaybookSettings>;
  now: Date;
  /** Tasks stored from the previous evaluation, to tell what is new and what closed. */
  existingTasks?: readonly Pick<Task, 'id'>[];
  /** Defaults to the whole playbook; tests and previews pass a subset. */
  rules?: readonly PlaybookRule[];
}

export interface PlaybookResult {
  /** Every task the playbook asks for now, by due date. */
  tasks: Task[];
  /** Tasks not among `existingTasks`. */
  added: Task[];
  /** Ids of existing tasks the playbook no longer asks for: their condition was met (or their moment passed). */
  closed: string[];
}

/**
 * Runs the playbook over the network at `now`. Pure and deterministic: task ids come from rule and subject,
 * so running it again (every page load, every logged interaction) gives the same ids, and a task whose
 * condition has been met — say, a thank-you logged after the rotation — is simply no longer emitted.
 *
 * @example evaluatePlaybook({ contacts, interactions, events, letters, now: new Date() }).tasks
 */
export function evaluatePlaybook(input: PlaybookInput): PlaybookResult {
  const settings: PlaybookSettings = { ...DEFAULT_PLAYBOOK_SETTINGS, ...input.settings };
  const byContact = new Map<string, Interaction[]>();
  const ordered = input.interactions
    .map((interaction, index) => ({ interaction, index }))
    .sort((a, b) => a.interaction.date.localeCompare(b.interaction.date) || a.index - b.index);
  for (const { interaction } of ordered) {
    const list = byContact.get(interaction.contactId) ?? [];
    list.push(interaction);
    byContact.set(interaction.contactId, list);
  }
  const context: PlaybookContext = {
    contacts: input.contacts,
    interactions: input.interactions,
    events: input.events,
    letters: input.letters,
    settings,
    today: dayOf(input.now),
    contactById: new Map(input.contacts.map((c) => [c.id, c])),
    interactionsByContact: byContact,
    applications: input.applications ?? [],
    programNames: input.programNames ?? new Map(),
    ...(input.backup ? { backup: input.backup } : {}),
  };

  const tasks = new Map<string, Task>();
  for (const rule of input.rules ?? PLAYBOOK_RULES) {
    for (const { subject, ...draft } of rule.tasks(context)) {
      const id = `${rule.id}:${subject}`;
      if (!tasks.has(id)) tasks.set(id, { id, ruleId: rule.id, ...draft, status: 'open' });
    }
  }
  // Stable sort: same-day tasks keep the playbook's rule order.
  const sorted = [...tasks.values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const existing = new Set((input.existingTasks ?? []).map((t) => t.id));
  return {
    tasks: sorted,
    added: sorted.filter((t) => !existing.has(t.id)),
    closed: [...existing].filter((id) => !tasks.has(id)),
  };
}
