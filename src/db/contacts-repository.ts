import type { Kysely, Selectable } from 'kysely';
import { type Contact, contactSchema } from '../core/network/contact.js';
import { parameterBatches } from './batched-insert.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { ContactsTable, DatabaseSchema } from './schema.js';

export interface ContactRepository {
  /** Every contact, by name. */
  list(): Promise<Contact[]>;
  get(id: string): Promise<Contact | null>;
  /** Validates with the core schema (throws when invalid), then inserts; returns the contact as stored. */
  insert(contact: Contact): Promise<Contact>;
  /**
   * Validates every contact, then inserts them in batches under the parameter limit. Atomic: runs in a
   * transaction of its own unless called inside one.
   */
  insertMany(contacts: readonly Contact[]): Promise<void>;
  /** Replaces the stored contact with the same id; null when there is none. */
  update(contact: Contact): Promise<Contact | null>;
  /** Deletes the contact and (by cascade) its interactions and letters; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** Valid, with the creation time as the database gives it back (milliseconds, Z), so reads equal writes. */
function normalized(contact: Contact): Contact {
  const c = contactSchema.parse(contact);
  return { ...c, createdAt: new Date(c.createdAt).toISOString() };
}

function toRow(contact: Contact) {
  const c = normalized(contact);
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    role: c.role,
    circle: c.circle,
    circle_overridden: c.circleOverridden,
    affiliation_acgme_id: c.affiliation.acgmeId,
    affiliation_institution: c.affiliation.institution,
    met_how: c.metHow,
    met_where: c.metWhere,
    email: c.email,
    phone: c.phone,
    linkedin_url: c.linkedinUrl,
    tags: JSON.stringify(c.tags),
    notes: c.notes,
    created_at: c.createdAt,
  };
}

function fromRow(row: Selectable<ContactsTable>): Contact {
  return parseStoredRow(
    contactSchema,
    {
      id: row.id,
      name: row.name,
      title: row.title,
      role: row.role,
      circle: row.circle,
      circleOverridden: row.circle_overridden,
      affiliation: { acgmeId: row.affiliation_acgme_id, institution: row.affiliation_institution },
      metHow: row.met_how,
      metWhere: row.met_where,
      email: row.email,
      phone: row.phone,
      linkedinUrl: row.linkedin_url,
      tags: row.tags,
      notes: row.notes,
      createdAt: new Date(row.created_at).toISOString(),
    },
    `contact ${row.id}`,
  );
}

/** One owner's contacts: every read filters by `ownerId`, every write stores it. */
export function createContactRepository(db: Kysely<DatabaseSchema>, ownerId: string): ContactRepository {
  const owned = () => db.selectFrom('contacts').selectAll().where('owner_id', '=', ownerId);
  return {
    async list() {
      const rows = await owned().orderBy('name').orderBy('id').execute();
      return rows.map(fromRow);
    },

    async get(id) {
      const row = await owned().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async insert(contact) {
      const row = toRow(contact);
      await db
        .insertInto('contacts')
        .values({ ...row, owner_id: ownerId })
        .execute();
      return normalized(contact);
    },

    async insertMany(contacts) {
      const batches = parameterBatches(contacts.map((c) => ({ ...toRow(c), owner_id: ownerId })));
      if (batches.length === 0) return;
      const write = async (trx: Kysely<DatabaseSchema>) => {
        for (const batch of batches) await trx.insertInto('contacts').values(batch).execute();
      };
      if (db.isTransaction || batches.length === 1) await write(db);
      else await db.transaction().execute(write);
    },

    async update(contact) {
      const { id, ...row } = toRow(contact);
      const result = await db
        .updateTable('contacts')
        .set(row)
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? normalized(contact) : null;
    },

    async delete(id) {
      const result = await db
        .deleteFrom('contacts')
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
