import type { ColumnType, Generated } from 'kysely';

/**
 * A jsonb column: written as JSON text, read back parsed but typed `unknown`, because repositories parse it
 * with the core zod schemas so a bad row fails loudly. Text, not objects, goes in because `pg` would turn a
 * JS array parameter into a Postgres array literal, while both drivers pass a string through untouched.
 */
export type Jsonb = ColumnType<unknown, string, string>;

/**
 * The applicant a row belongs to (migration 0010). Repositories filter every read by it and write it on every
 * insert; on PostgreSQL, row-level security admits only the connection's owner's rows.
 */
export type OwnerId = string;

/** Filled by the column default; never written by the application. */
export type CreatedAt = ColumnType<Date, never, never>;
/** Filled by the column default on insert; repositories set it to now() on update. */
export type UpdatedAt = ColumnType<Date, never, Date>;

export interface ProgramsTable {
  owner_id: OwnerId;
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
  owner_id: OwnerId;
  id: string;
  data: Jsonb;
  updated_at: UpdatedAt;
}

export interface ImportReportsTable {
  owner_id: OwnerId;
  id: Generated<number>;
  filename: string;
  report: Jsonb;
  created_at: CreatedAt;
}

/** A jsonb column with a default: may be left out on insert. */
export type JsonbWithDefault = ColumnType<unknown, string | undefined, string>;
/** An ISO date (YYYY-MM-DD) kept as text, so both drivers return exactly what was written. */
type IsoDate = string;

export interface ContactsTable {
  owner_id: OwnerId;
  id: string;
  name: string;
  title: string | null;
  role: string;
  circle: string;
  circle_overridden: boolean;
  affiliation_acgme_id: string | null;
  affiliation_institution: string | null;
  met_how: string | null;
  met_where: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  tags: JsonbWithDefault;
  notes: string;
  created_at: ColumnType<Date, string, string>;
}

export interface InteractionsTable {
  owner_id: OwnerId;
  seq: Generated<string>;
  id: string;
  contact_id: string;
  kind: string;
  direction: string;
  is_request: boolean;
  date: IsoDate;
  end_date: IsoDate | null;
  acgme_id: string | null;
  event_id: string | null;
  notes: string;
  /** MessagePurpose, or null when not stated (migration 0007). */
  purpose: string | null;
}

export interface LettersTable {
  owner_id: OwnerId;
  seq: Generated<string>;
  id: string;
  writer_contact_id: string;
  kind: string;
  requested_on: IsoDate | null;
  agreed_on: IsoDate | null;
  uploaded_on: IsoDate | null;
  notes: string;
}

export interface EventsTable {
  owner_id: OwnerId;
  id: string;
  name: string;
  start_date: IsoDate;
  end_date: IsoDate;
  place: string;
  programs_attending: JsonbWithDefault;
  prep: JsonbWithDefault;
  contact_ids: JsonbWithDefault;
}

export interface TaskStatesTable {
  owner_id: OwnerId;
  task_id: string;
  status: string;
  until: IsoDate | null;
  updated_at: UpdatedAt;
}

export interface UserSettingsTable {
  owner_id: OwnerId;
  profile_id: string;
  kind: string;
  data: Jsonb;
  updated_at: UpdatedAt;
}

export interface ApplicationsTable {
  owner_id: OwnerId;
  acgme_id: string;
  stage: string;
  applied_on: IsoDate | null;
  fee_dollars: number | null;
  signaled: boolean;
  invited_on: IsoDate | null;
  response_deadline: IsoDate | null;
  interview: ColumnType<unknown, string | null, string | null>;
  impressions: ColumnType<unknown, string | null, string | null>;
  history: Jsonb;
  notes: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InterviewPracticeTable {
  owner_id: OwnerId;
  seq: Generated<string>;
  id: string;
  question_id: string | null;
  question_text: string | null;
  acgme_id: string | null;
  practiced_on: IsoDate;
  rating: number;
  notes: string;
}

export interface ProgramNotesTable {
  owner_id: OwnerId;
  acgme_id: string;
  what_to_mention: string;
  notes: string;
  updated_at: UpdatedAt;
}

export interface RankListsTable {
  owner_id: OwnerId;
  profile_id: string;
  ranked: Jsonb;
  would_not_attend: Jsonb;
  couples: ColumnType<unknown, string | null, string | null>;
  minimum_ranked: number;
  updated_at: UpdatedAt;
}

/** A hosted-mode simulation job (0011_simulation_jobs.ts): what every server process polls. */
export interface SimulationJobsTable {
  id: string;
  owner_id: string;
  status: string;
  completed_runs: ColumnType<number, number | undefined, number>;
  total_runs: number;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  finished_at: ColumnType<Date | null, never, Date | null>;
}

/** An advisor's comment, stored as the applicant's data (0013_advisor_sharing.ts). */
export interface AdvisorCommentsTable {
  owner_id: OwnerId;
  id: string;
  author_id: string;
  author_email: string;
  acgme_id: string;
  body: string;
  created_at: Date | string;
  read_at: Date | string | null;
}

/** One line of an owner's audit log (0013_advisor_sharing.ts). */
export interface AuditLogTable {
  id: Generated<string>;
  owner_id: OwnerId;
  at: Date | string;
  actor_id: string;
  actor_email: string;
  action: string;
  detail: string;
}

/** Every table as Kysely sees it. A migration that adds a table adds it here too. */
export interface DatabaseSchema {
  programs: ProgramsTable;
  profiles: ProfilesTable;
  import_reports: ImportReportsTable;
  user_settings: UserSettingsTable;
  contacts: ContactsTable;
  interactions: InteractionsTable;
  letters: LettersTable;
  events: EventsTable;
  task_states: TaskStatesTable;
  applications: ApplicationsTable;
  interview_practice: InterviewPracticeTable;
  program_notes: ProgramNotesTable;
  rank_lists: RankListsTable;
  simulation_jobs: SimulationJobsTable;
  advisor_comments: AdvisorCommentsTable;
  audit_log: AuditLogTable;
}
