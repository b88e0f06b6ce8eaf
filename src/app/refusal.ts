import type { FieldIssue } from '../core/shared/result.js';

/**
 * A request the application layer refuses for what it asks, not for how it was sent: the field issues say why.
 * Services throw it so the API and the CLI can each say it their own way; the API answers 422 (src/server/app.ts).
 */
export class Refusal extends Error {
  constructor(
    readonly title: string,
    readonly errors: FieldIssue[] = [],
  ) {
    super(title);
  }
}
