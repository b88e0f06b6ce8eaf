/**
 * Network: contacts, interactions, letters and events, and the networking playbook that turns them into tasks.
 * Pure domain core; adapters store the data and call these. Where things are computed:
 * - circle suggestion: circle.ts        - strength score: relationship-strength.ts   - duplicates: duplicates.ts
 * - playbook rules: playbook/rules.ts   - task states and buckets: playbook/task-state.ts
 * - SmartPick network factor: program-connections.ts                                 - calendar: ics.ts
 */
export { effectiveCircle, MIDDLE_CIRCLE_MIN_REPLIES, suggestCircle } from './circle.js';
export {
  type Affiliation,
  affiliationSchema,
  CIRCLES,
  type Circle,
  CONTACT_ROLE_LABELS,
  CONTACT_ROLES,
  type Contact,
  type ContactInput,
  type ContactRole,
  contactSchema,
  isLinkedinHost,
  isLinkedinUrl,
  linkedinUrlSchema,
} from './contact.js';
export { addDays, dayOf, daysBetween } from './dates.js';
export {
  type DuplicatePair,
  type DuplicateReason,
  findDuplicates,
  jaroWinkler,
  type MergedContact,
  mergeContacts,
  NAME_SIMILARITY_THRESHOLD,
  nameSimilarity,
  normalizeEmail,
  normalizeLinkedinUrl,
  normalizeName,
  repointContact,
} from './duplicates.js';
export {
  defaultPrepChecklist,
  eventSchema,
  type NetworkEvent,
  type PrepItem,
  prepItemSchema,
} from './event.js';
export { escapeText, foldLine, icsFromTasks } from './ics.js';
export {
  DIRECTIONS,
  type Direction,
  endDayOf,
  INTERACTION_KINDS,
  type Interaction,
  type InteractionKind,
  interactionSchema,
  isOutgoing,
  MESSAGE_PURPOSES,
  type MessagePurpose,
} from './interaction.js';
export {
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  LETTER_STATUSES,
  type Letter,
  type LetterInput,
  type LetterKind,
  type LetterStatus,
  letterSchema,
  letterStatus,
} from './letter.js';
export {
  DEFAULT_LETTER_TARGET,
  type LettersReadiness,
  type LetterTarget,
  lettersReadiness,
} from './letters-readiness.js';
export { BACKUP_REMINDER_DAYS, type BackupRecord } from './playbook/backup-reminder.js';
export { evaluatePlaybook, type PlaybookInput, type PlaybookResult } from './playbook/evaluate.js';
export { PLAYBOOK_RULES } from './playbook/rules.js';
export {
  DEFAULT_PLAYBOOK_SETTINGS,
  type PlaybookRule,
  type PlaybookSettings,
  RULE_IDS,
  type RuleId,
  type Task,
} from './playbook/task.js';
export {
  applyTaskState,
  BUCKET_TITLES,
  bucketTasks,
  dueThisWeek,
  type TaskBuckets,
  type TaskState,
  type TaskStatus,
  type TrackedTask,
} from './playbook/task-state.js';
export {
  connectionsAtProgram,
  connectionsById,
  connectionsByProgram,
  type NetworkData,
  type ProgramConnectionDetail,
} from './program-connections.js';
export {
  type RelationshipStrength,
  relationshipStrength,
  STRENGTH_PARAMETERS,
  type StrengthParts,
} from './relationship-strength.js';
export { lastContactOf, timelineOf } from './timeline.js';
