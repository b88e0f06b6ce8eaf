import { toProblem } from '../lib/api/problem.js';

/** A server problem's field errors, keyed by the form field each path belongs to (first message per field). */
export function serverErrorsByField<F extends string>(
  error: unknown,
  fieldOfPath: (path: string) => F | null,
): Partial<Record<F, string>> {
  const byField: Partial<Record<F, string>> = {};
  for (const item of toProblem(error).errors) {
    const field = fieldOfPath(item.path);
    if (field && byField[field] === undefined) byField[field] = item.message;
  }
  return byField;
}

/** Moves focus to the first invalid field after React has rendered its error, so it is announced with it. */
export function focusFirstInvalid(form: HTMLFormElement, errors: Partial<Record<string, string>>): void {
  const first = Object.keys(errors)[0];
  if (first === undefined) return;
  requestAnimationFrame(() => form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
}
