import type { Kysely, Selectable } from 'kysely';
import { type Letter, letterSchema } from '../core/network/letter.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema, LettersTable } from './schema.js';

export interface LetterRepository {
  /** Every letter, in the order they were added. */
  list(): Promise<Letter[]>;
  get(id: string): Promise<Letter | null>;
  /** Validates with the core schema (throws when invalid), then inserts. */
  insert(letter: Letter): Promise<Letter>;
  /** Replaces the stored letter with the same id; null when there is none. */
  update(letter: Letter): Promise<Letter | null>;
  delete(id: string): Promise<boolean>;
  /** Letters written by one contact now name another (a merge); returns how many moved. */
  reassign(fromContactId: string, toContactId: string): Promise<number>;
}

function toRow(letter: Letter) {
  const l = letterSchema.parse(letter);
  return {
    id: l.id,
    writer_contact_id: l.writerContactId,
    kind: l.kind,
    requested_on: l.requestedOn,
    agreed_on: l.agreedOn,
    uploaded_on: l.uploadedOn,
    notes: l.notes,
  };
}

function fromRow(row: Selectable<LettersTable>): Letter {
  return parseStoredRow(
    letterSchema,
    {
      id: row.id,
      writerContactId: row.writer_contact_id,
      kind: row.kind,
      requestedOn: row.requested_on,
      agreedOn: row.agreed_on,
      uploadedOn: row.uploaded_on,
      notes: row.notes,
    },
    `letter ${row.id}`,
  );
}

/** One owner's letters: every read filters by `ownerId`, every write stores it. */
export function createLetterRepository(db: Kysely<DatabaseSchema>, ownerId: string): LetterRepository {
  const owned = () => db.selectFrom('letters').selectAll().where('owner_id', '=', ownerId);
  return {
    async list() {
      return (await owned().orderBy('seq').execute()).map(fromRow);
    },

    async get(id) {
      const row = await owned().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async insert(letter) {
      await db
        .insertInto('letters')
        .values({ ...toRow(letter), owner_id: ownerId })
        .execute();
      return letterSchema.parse(letter);
    },

    async update(letter) {
      const { id, ...row } = toRow(letter);
      const result = await db
        .updateTable('letters')
        .set(row)
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? letterSchema.parse(letter) : null;
    },

    async delete(id) {
      const result = await db
        .deleteFrom('letters')
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async reassign(fromContactId, toContactId) {
      const result = await db
        .updateTable('letters')
        .set({ writer_contact_id: toContactId })
        .where('owner_id', '=', ownerId)
        .where('writer_contact_id', '=', fromContactId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
