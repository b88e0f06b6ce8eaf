export * from './application.js';
export * from './pipeline.js';
export * from './season-ics.js';
export * from './season-timeline.js';
