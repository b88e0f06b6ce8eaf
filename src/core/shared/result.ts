/**
 * Errors cross the core boundary as values, not exceptions: callers (HTTP, CLI, web) decide how to show them.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** One problem with one field of an input: `path` names the field, e.g. `exams.step2ck` or `line 12: state`. */
export interface FieldIssue {
  path: string;
  message: string;
}
