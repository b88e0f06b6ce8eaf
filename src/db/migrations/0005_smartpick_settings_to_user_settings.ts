import { type Kysely, sql } from 'kysely';

/** SmartPick settings move into user_settings (kind "smartpick"), so one repository serves every settings kind. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into user_settings (profile_id, kind, data, updated_at)
    select profile_id, 'smartpick', data, updated_at from smartpick_settings
    on conflict (profile_id, kind) do nothing`.execute(db);
  await db.schema.dropTable('smartpick_settings').execute();
}
