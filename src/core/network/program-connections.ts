import type { ConnectionsById, ProgramConnections } from '../smartpick/types.js';
import { effectiveCircle } from './circle.js';
import type { Circle, Contact } from './contact.js';
import type { NetworkEvent } from './event.js';
import type { Interaction } from './interaction.js';
import type { Letter } from './letter.js';

export interface NetworkData {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  letters: readonly Letter[];
  events: readonly NetworkEvent[];
}

/** The SmartPick flags plus what is behind them, for explanations ("you rotated here with Dr. Lee"). */
export interface ProgramConnectionDetail extends ProgramConnections {
  acgmeId: string;
  /** Names of people the applicant rotated with at the program. */
  rotatedWith: string[];
  /** Names of letter writers affiliated with the program. */
  letterWriters: string[];
  /** Contacts affiliated with the program, by circle (the circle the user sees). */
  byCircle: Record<Circle, string[]>;
  /** Contacts affiliated with the program who were met at an event. */
  metAtEvent: string[];
}

/**
 * What the network holds at one program:
 * - rotated: a rotation interaction logged at that ACGME id;
 * - letterWriter: a letter writer whose affiliation is that program;
 * - contact: any contact affiliated with that program.
 *
 * @example connectionsAtProgram('1201200001', network).rotated // true after logging a rotation there
 */
export function connectionsAtProgram(acgmeId: string, data: NetworkData): ProgramConnectionDetail {
  return connectionsByProgram(data).get(acgmeId) ?? emptyDetail(acgmeId);
}

function emptyDetail(acgmeId: string): ProgramConnectionDetail {
  return {
    acgmeId,
    rotated: false,
    letterWriter: false,
    contact: false,
    rotatedWith: [],
    letterWriters: [],
    byCircle: { inner: [], middle: [], outer: [] },
    metAtEvent: [],
  };
}

const addOnce = (list: string[], name: string) => {
  if (!list.includes(name)) list.push(name);
};

/** Connection details for every program the network touches, keyed by ACGME id; one pass over the data. */
export function connectionsByProgram(data: NetworkData): Map<string, ProgramConnectionDetail> {
  const details = new Map<string, ProgramConnectionDetail>();
  const at = (acgmeId: string) => {
    let detail = details.get(acgmeId);
    if (detail === undefined) {
      detail = emptyDetail(acgmeId);
      details.set(acgmeId, detail);
    }
    return detail;
  };
  const contactById = new Map(data.contacts.map((c) => [c.id, c]));
  const interactionsOf = new Map<string, Interaction[]>();
  for (const i of data.interactions) {
    interactionsOf.set(i.contactId, [...(interactionsOf.get(i.contactId) ?? []), i]);
  }
  const writers = new Set(data.letters.map((l) => l.writerContactId));
  const metAtEvents = new Set(data.events.flatMap((e) => e.contactIds));
  for (const i of data.interactions) {
    if (i.kind !== 'rotation' || i.acgmeId === null) continue;
    const detail = at(i.acgmeId);
    detail.rotated = true;
    const contact = contactById.get(i.contactId);
    if (contact !== undefined) addOnce(detail.rotatedWith, contact.name);
  }
  for (const contact of data.contacts) {
    const acgmeId = contact.affiliation.acgmeId;
    if (acgmeId === null) continue;
    const detail = at(acgmeId);
    detail.contact = true;
    detail.byCircle[effectiveCircle(contact, interactionsOf.get(contact.id) ?? [])].push(contact.name);
    if (writers.has(contact.id)) {
      detail.letterWriter = true;
      addOnce(detail.letterWriters, contact.name);
    }
    if (metAtEvents.has(contact.id)) detail.metAtEvent.push(contact.name);
  }
  return details;
}

/** The flags SmartPick's interview model takes, for every program the network touches. */
export function connectionsById(data: NetworkData): ConnectionsById {
  const flags: Record<string, ProgramConnections> = {};
  for (const [acgmeId, d] of connectionsByProgram(data)) {
    flags[acgmeId] = { rotated: d.rotated, letterWriter: d.letterWriter, contact: d.contact };
  }
  return flags;
}
