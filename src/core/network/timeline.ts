import type { Interaction } from './interaction.js';

/** A contact's interactions, newest first; ties keep the order they were logged in. */
export function timelineOf(contactId: string, interactions: readonly Interaction[]): Interaction[] {
  return interactions
    .map((interaction, index) => ({ interaction, index }))
    .filter(({ interaction }) => interaction.contactId === contactId)
    .sort((a, b) => b.interaction.date.localeCompare(a.interaction.date) || b.index - a.index)
    .map(({ interaction }) => interaction);
}

/** The most recent day anything happened with the contact (a rotation counts until its last day), or null. */
export function lastContactOf(contactId: string, interactions: readonly Interaction[]): string | null {
  let last: string | null = null;
  for (const i of interactions) {
    if (i.contactId !== contactId) continue;
    const day = i.endDate ?? i.date;
    if (last === null || day > last) last = day;
  }
  return last;
}
