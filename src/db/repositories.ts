import type { Kysely } from 'kysely';
import {
  defaultNetworkSettings,
  type NetworkSettings,
  networkSettingsSchema,
} from '../core/network/network-settings.js';
import { type TimelineEditsByYear, timelineEditsByYearSchema } from '../core/season/season-timeline.js';
import {
  defaultSmartPickSettings,
  type SmartPickSettings,
  smartPickSettingsSchema,
} from '../core/smartpick/settings-schema.js';
import { type ApplicationRepository, createApplicationRepository } from './applications-repository.js';
import { type ContactRepository, createContactRepository } from './contacts-repository.js';
import { createEventRepository, type EventRepository } from './events-repository.js';
import { createImportRepository, type ImportRepository } from './imports-repository.js';
import { createInteractionRepository, type InteractionRepository } from './interactions-repository.js';
import { createInterviewPrepRepository, type InterviewPrepRepository } from './interview-prep-repository.js';
import { createLetterRepository, type LetterRepository } from './letters-repository.js';
import { createProfileRepository, type ProfileRepository } from './profiles-repository.js';
import { createProgramRepository, type ProgramRepository } from './programs-repository.js';
import { createRankListRepository, type RankListRepository } from './rank-list-repository.js';
import type { DatabaseSchema } from './schema.js';
import { createSettingsRepository, type SettingsRepository } from './settings-repository.js';
import { createTaskStateRepository, type TaskStateRepository } from './task-states-repository.js';

export interface Repositories {
  programs: ProgramRepository;
  profiles: ProfileRepository;
  imports: ImportRepository;
  smartpickSettings: SettingsRepository<SmartPickSettings>;
  contacts: ContactRepository;
  interactions: InteractionRepository;
  letters: LetterRepository;
  events: EventRepository;
  taskStates: TaskStateRepository;
  networkSettings: SettingsRepository<NetworkSettings>;
  applications: ApplicationRepository;
  interviewPrep: InterviewPrepRepository;
  rankList: RankListRepository;
  /** The applicant's edits to the season timeline, per Match year. */
  timelineEdits: SettingsRepository<TimelineEditsByYear>;
}

/** Repositories over a connection or a transaction: the same code runs either way. */
export function createRepositories(db: Kysely<DatabaseSchema>): Repositories {
  return {
    programs: createProgramRepository(db),
    profiles: createProfileRepository(db),
    imports: createImportRepository(db),
    smartpickSettings: createSettingsRepository(
      db,
      'smartpick',
      smartPickSettingsSchema,
      defaultSmartPickSettings,
    ),
    contacts: createContactRepository(db),
    interactions: createInteractionRepository(db),
    letters: createLetterRepository(db),
    events: createEventRepository(db),
    taskStates: createTaskStateRepository(db),
    networkSettings: createSettingsRepository(db, 'network', networkSettingsSchema, defaultNetworkSettings),
    applications: createApplicationRepository(db),
    interviewPrep: createInterviewPrepRepository(db),
    rankList: createRankListRepository(db),
    timelineEdits: createSettingsRepository(db, 'season-timeline', timelineEditsByYearSchema, () => ({})),
  };
}
