import type { ColumnType, Generated } from 'kysely';

/**
 * A jsonb column: written as JSON text, read back parsed but typed `unknown`, because repositories parse it
 * with the core zod schemas so a bad row fails loudly. Text, not objects, goes in because `pg` would turn a
 * JS array parameter into a Postgres array literal, while both drivers pass a string through untouched.
 */
export type Jsonb = ColumnType<unknown, string, string>;

/** Filled by the column default; never written by the application. */
export type CreatedAt = ColumnType<Date, never, never>;
/** Filled by the column default on insert; repositories set it to now() on update. */
export type UpdatedAt = ColumnType<Date, never, Date>;

export interface ProgramsTable {
  acgme_id: string;
  nrmp_code: string | null;
  name: string;
  institution: string | null;
  city: string;
  state: string;
  census_division: string | null;
  latitude: number | null;
  longitude: number | null;
  specialty: string;
  positions: number | null;
  program_type: string | null;
  facts: ColumnType<unknown, string | undefined, string>;
  synthetic: boolean;
  origin: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProfilesTable {
  id: string;
  data: Jsonb;
  updated_at: UpdatedAt;
}

export interface ImportReportsTable {
  id: Generated<number>;
  filename: string;
  report: Jsonb;
  created_at: CreatedAt;
}

export interface SmartpickSettingsTable {
  profile_id: string;
  data: Jsonb;
  updated_at: UpdatedAt;
}

/** Every table as Kysely sees it. A migration that adds a table adds it here too. */
export interface DatabaseSchema {
  programs: ProgramsTable;
  profiles: ProfilesTable;
  import_reports: ImportReportsTable;
  smartpick_settings: SmartpickSettingsTable;
}
