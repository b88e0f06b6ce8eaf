export * from './advisor-scopes.js';
export * from './at-risk.js';
export * from './invitation-state.js';
