import type { Kysely } from 'kysely';

/**
 * What an outgoing message was for (a thank-you, a letter request, …), so a playbook task closes only on the
 * message it asks for. Null for what was logged before: its purpose was never stated.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('interactions').addColumn('purpose', 'text').execute();
}
