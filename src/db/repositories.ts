import type { Kysely } from 'kysely';
import { createImportRepository, type ImportRepository } from './imports-repository.js';
import { createProfileRepository, type ProfileRepository } from './profiles-repository.js';
import { createProgramRepository, type ProgramRepository } from './programs-repository.js';
import type { DatabaseSchema } from './schema.js';
import {
  createSmartPickSettingsRepository,
  type SmartPickSettingsRepository,
} from './smartpick-settings-repository.js';

export interface Repositories {
  programs: ProgramRepository;
  profiles: ProfileRepository;
  imports: ImportRepository;
  smartpickSettings: SmartPickSettingsRepository;
}

/** Repositories over a connection or a transaction: the same code runs either way. */
export function createRepositories(db: Kysely<DatabaseSchema>): Repositories {
  return {
    programs: createProgramRepository(db),
    profiles: createProfileRepository(db),
    imports: createImportRepository(db),
    smartpickSettings: createSmartPickSettingsRepository(db),
  };
}
