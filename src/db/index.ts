/**
 * Matchwise's storage: PGlite on the user's machine, or PostgreSQL when DATABASE_URL is set, behind the same
 * repositories. Open with `openDatabase(databaseOptionsFromEnv(process.env, os.homedir()))`.
 */
export type { ContactRepository } from './contacts-repository.js';
export { type DatabaseOptions, databaseOptionsFromEnv, MEMORY_DATA_DIR } from './database-options.js';
export type { EventRepository } from './events-repository.js';
export type { ImportRepository, RecordedImport, StoredImportReport } from './imports-repository.js';
export type { InteractionRepository } from './interactions-repository.js';
export type { LetterRepository } from './letters-repository.js';
export { LOCAL_OWNER_ID } from './local-owner.js';
export { MIGRATION_TABLE, MIGRATIONS } from './migrations/index.js';
export { type Database, type DatabaseEngine, type OwnerDatabase, openDatabase } from './open-database.js';
export { StoredRowInvalidError } from './parse-stored-row.js';
export { DEFAULT_PROFILE_ID, type ProfileRepository, type SavedProfile } from './profiles-repository.js';
export type { ProgramCount, ProgramFilter, ProgramRepository } from './programs-repository.js';
export type { Repositories } from './repositories.js';
export type { DatabaseSchema } from './schema.js';
export { type TaskStateRepository, taskStateSchema } from './task-states-repository.js';
