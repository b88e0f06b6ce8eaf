export * from './application.js';
export * from './interview-prep.js';
export * from './merge-calendars.js';
export * from './pipeline.js';
export * from './question-bank.js';
export * from './rank-list.js';
export * from './season-ics.js';
export * from './season-timeline.js';
