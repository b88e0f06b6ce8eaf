export * from './backup-schema.js';
export * from './parse-backup.js';
export * from './preview-restore.js';
export * from './restore-plan.js';
export * from './sections.js';
