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
import {
  type AdvisorCommentRepository,
  createAdvisorCommentRepository,
} from './advisor-comments-repository.js';
import { type ApplicationRepository, createApplicationRepository } from './applications-repository.js';
import { type AuditLogRepository, createAuditLogRepository } from './audit-log-repository.js';
import { type CohortRepository, createCohortRepository } from './cohorts-repository.js';
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
  /** The owner's cohorts and what their members share (hosted mode; a local database has none). */
  cohorts: CohortRepository;
  /** Advisors' comments to the applicant (hosted mode's sharing). */
  advisorComments: AdvisorCommentRepository;
  /** Who viewed or changed what (hosted mode's sharing). */
  auditLog: AuditLogRepository;
}

/**
 * One owner's repositories over a connection or a transaction: the same code runs either way. Each filters
 * every read by `ownerId` and writes it on every insert; there is no unscoped variant.
 */
export function createRepositories(db: Kysely<DatabaseSchema>, ownerId: string): Repositories {
  return {
    programs: createProgramRepository(db, ownerId),
    profiles: createProfileRepository(db, ownerId),
    imports: createImportRepository(db, ownerId),
    smartpickSettings: createSettingsRepository(
      db,
      ownerId,
      'smartpick',
      smartPickSettingsSchema,
      defaultSmartPickSettings,
    ),
    contacts: createContactRepository(db, ownerId),
    interactions: createInteractionRepository(db, ownerId),
    letters: createLetterRepository(db, ownerId),
    events: createEventRepository(db, ownerId),
    taskStates: createTaskStateRepository(db, ownerId),
    networkSettings: createSettingsRepository(
      db,
      ownerId,
      'network',
      networkSettingsSchema,
      defaultNetworkSettings,
    ),
    applications: createApplicationRepository(db, ownerId),
    interviewPrep: createInterviewPrepRepository(db, ownerId),
    rankList: createRankListRepository(db, ownerId),
    timelineEdits: createSettingsRepository(
      db,
      ownerId,
      'season-timeline',
      timelineEditsByYearSchema,
      () => ({}),
    ),
    cohorts: createCohortRepository(db, ownerId),
    advisorComments: createAdvisorCommentRepository(db, ownerId),
    auditLog: createAuditLogRepository(db, ownerId),
  };
}
