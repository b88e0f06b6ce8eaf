import { type Kysely, sql } from 'kysely';

/**
 * One budget: the profile's. A budget saved with My list's settings moves into the profile when it was saved
 * after the profile (it is the user's later choice); otherwise the profile's stands. Either way the settings keep
 * none, so the two can no longer disagree.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update profiles p
    set data = jsonb_set(p.data, '{budget}', s.data -> 'budget'), updated_at = s.updated_at
    from user_settings s
    where s.kind = 'smartpick' and s.profile_id = p.id
      and jsonb_typeof(s.data -> 'budget') = 'object' and s.updated_at > p.updated_at`.execute(db);
  await sql`
    update user_settings set data = jsonb_set(data, '{budget}', 'null'::jsonb)
    where kind = 'smartpick' and jsonb_typeof(data -> 'budget') = 'object'`.execute(db);
}
