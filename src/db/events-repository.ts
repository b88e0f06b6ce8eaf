import type { Kysely, Selectable } from 'kysely';
import { eventSchema, type NetworkEvent } from '../core/network/event.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema, EventsTable } from './schema.js';

export interface EventRepository {
  /** Every event, newest first. */
  list(): Promise<NetworkEvent[]>;
  get(id: string): Promise<NetworkEvent | null>;
  /** Validates with the core schema (throws when invalid), then inserts. */
  insert(event: NetworkEvent): Promise<NetworkEvent>;
  /** Replaces the stored event with the same id; null when there is none. */
  update(event: NetworkEvent): Promise<NetworkEvent | null>;
  delete(id: string): Promise<boolean>;
}

function toRow(event: NetworkEvent) {
  const e = eventSchema.parse(event);
  return {
    id: e.id,
    name: e.name,
    start_date: e.startDate,
    end_date: e.endDate,
    place: e.place,
    programs_attending: JSON.stringify(e.programsAttending),
    prep: JSON.stringify(e.prep),
    contact_ids: JSON.stringify(e.contactIds),
  };
}

function fromRow(row: Selectable<EventsTable>): NetworkEvent {
  return parseStoredRow(
    eventSchema,
    {
      id: row.id,
      name: row.name,
      startDate: row.start_date,
      endDate: row.end_date,
      place: row.place,
      programsAttending: row.programs_attending,
      prep: row.prep,
      contactIds: row.contact_ids,
    },
    `event ${row.id}`,
  );
}

/** One owner's events: every read filters by `ownerId`, every write stores it. */
export function createEventRepository(db: Kysely<DatabaseSchema>, ownerId: string): EventRepository {
  const owned = () => db.selectFrom('events').selectAll().where('owner_id', '=', ownerId);
  return {
    async list() {
      const rows = await owned().orderBy('start_date', 'desc').orderBy('id').execute();
      return rows.map(fromRow);
    },

    async get(id) {
      const row = await owned().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async insert(event) {
      await db
        .insertInto('events')
        .values({ ...toRow(event), owner_id: ownerId })
        .execute();
      return eventSchema.parse(event);
    },

    async update(event) {
      const { id, ...row } = toRow(event);
      const result = await db
        .updateTable('events')
        .set(row)
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? eventSchema.parse(event) : null;
    },

    async delete(id) {
      const result = await db
        .deleteFrom('events')
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
