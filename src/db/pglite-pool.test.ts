import { PGlite } from '@electric-sql/pglite';
import { type Generated, Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PglitePool } from './pglite-pool.js';

describe('PglitePool', () => {
  let pglite: PGlite;
  let pool: PglitePool;
  let db: Kysely<{ events: { seq: Generated<number>; label: string } }>;

  beforeAll(async () => {
    pglite = await PGlite.create('memory://');
    pool = new PglitePool(pglite);
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    await sql`create table events (seq serial primary key, label text not null)`.execute(db);
  });
  afterAll(() => db?.destroy());

  it('reports affected rows, as Kysely needs for inserts, updates and deletes', async () => {
    const inserted = await db
      .insertInto('events')
      .values([{ label: 'a' }, { label: 'b' }])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
    const updated = await db.updateTable('events').set({ label: 'c' }).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await db.deleteFrom('events').executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
  });

  it("lends the one connection to one borrower at a time, so others' statements wait out a transaction", async () => {
    const order: string[] = [];
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values({ label: 'in transaction' }).execute();
      order.push('transaction wrote');
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('transaction ends');
      throw new Error('roll back');
    });
    const outside = db
      .insertInto('events')
      .values({ label: 'outside' })
      .execute()
      .then(() => order.push('outside wrote'));
    await expect(transaction).rejects.toThrow('roll back');
    await outside;
    expect(order).toEqual(['transaction wrote', 'transaction ends', 'outside wrote']);
    const labels = (await db.selectFrom('events').select('label').execute()).map((r) => r.label);
    expect(labels).toEqual(['outside']);
  });

  it('refuses a second release, which would let two borrowers share the session', async () => {
    const client = await pool.connect();
    client.release();
    expect(() => client.release()).toThrow(/released twice/);
  });

  it('refuses queries after release', async () => {
    const client = await pool.connect();
    client.release();
    await expect(client.query('select 1', [])).rejects.toThrow(/after release/);
  });

  it('rolls back a discarded connection before lending the session again', async () => {
    const client = await pool.connect();
    await client.query('begin', []);
    await client.query("insert into events (label) values ('abandoned')", []);
    client.release(true);
    const next = await pool.connect();
    try {
      expect(next).not.toBe(client);
      const { rows } = await next.query<{ label: string }>(
        "select label from events where label = 'abandoned'",
        [],
      );
      expect(rows).toEqual([]);
    } finally {
      next.release();
    }
  });

  it('ends once, waiting for the borrower, then refuses new borrowers', async () => {
    const other = new PglitePool(await pglite.clone());
    const client = await other.connect();
    let ended = false;
    const ending = Promise.all([other.end(), other.end()]).then(() => {
      ended = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toBe(false);
    client.release();
    await ending;
    await expect(other.connect()).rejects.toThrow(/ended/);
  });
});
