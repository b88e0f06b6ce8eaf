import type { Kysely, Selectable } from 'kysely';
import { type Interaction, interactionSchema } from '../core/network/interaction.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema, InteractionsTable } from './schema.js';

export interface InteractionRepository {
  /** Every interaction, in the order they were logged. */
  list(): Promise<Interaction[]>;
  listByContact(contactId: string): Promise<Interaction[]>;
  /** Validates with the core schema (throws when invalid), then inserts. */
  insert(interaction: Interaction): Promise<Interaction>;
  delete(id: string): Promise<boolean>;
  /** Moves every interaction of one contact to another (a merge); returns how many moved. */
  reassign(fromContactId: string, toContactId: string): Promise<number>;
}

function fromRow(row: Selectable<InteractionsTable>): Interaction {
  return parseStoredRow(
    interactionSchema,
    {
      id: row.id,
      contactId: row.contact_id,
      kind: row.kind,
      direction: row.direction,
      isRequest: row.is_request,
      date: row.date,
      endDate: row.end_date,
      acgmeId: row.acgme_id,
      eventId: row.event_id,
      notes: row.notes,
      purpose: row.purpose,
    },
    `interaction ${row.id}`,
  );
}

/** One owner's interactions: every read filters by `ownerId`, every write stores it. */
export function createInteractionRepository(
  db: Kysely<DatabaseSchema>,
  ownerId: string,
): InteractionRepository {
  const owned = () => db.selectFrom('interactions').selectAll().where('owner_id', '=', ownerId);
  return {
    async list() {
      return (await owned().orderBy('seq').execute()).map(fromRow);
    },

    async listByContact(contactId) {
      const rows = await owned().where('contact_id', '=', contactId).orderBy('seq').execute();
      return rows.map(fromRow);
    },

    async insert(interaction) {
      const i = interactionSchema.parse(interaction);
      await db
        .insertInto('interactions')
        .values({
          owner_id: ownerId,
          id: i.id,
          contact_id: i.contactId,
          kind: i.kind,
          direction: i.direction,
          is_request: i.isRequest,
          date: i.date,
          end_date: i.endDate,
          acgme_id: i.acgmeId,
          event_id: i.eventId,
          notes: i.notes,
          purpose: i.purpose,
        })
        .execute();
      return i;
    },

    async delete(id) {
      const result = await db
        .deleteFrom('interactions')
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async reassign(fromContactId, toContactId) {
      const result = await db
        .updateTable('interactions')
        .set({ contact_id: toContactId })
        .where('owner_id', '=', ownerId)
        .where('contact_id', '=', fromContactId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
