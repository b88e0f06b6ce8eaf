import { z } from 'zod';

/**
 * Marks the zod issue storableText raises, so the HTTP layer can answer 422 ("we understood it, but cannot keep
 * it") rather than 400 ("malformed"), and importers can tell it from other cell errors.
 */
export const UNSTORABLE_TEXT = 'unstorable-text';

/**
 * NUL, or a UTF-16 surrogate without its partner. PostgreSQL text cannot hold U+0000 at all (the insert fails,
 * which was a 500 naming no field), and a lone surrogate has no UTF-8 form, so the driver would silently store
 * U+FFFD in its place. In `u` mode a well-formed pair is one code point, so \p{Cs} matches only lone halves.
 */
const UNSTORABLE = /[\0\p{Cs}]/u;

/**
 * Why this text cannot be stored, naming the character and its 1-based position, or null when it can be.
 *
 * @example
 * unstorableTextReason('Ann\u0000Arbor') // 'contains a NUL character (U+0000) at character 4, …'
 * unstorableTextReason('Zoë 🩺') // null
 */
export function unstorableTextReason(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (found === null) return null;
  const at = found.index + 1;
  if (found[0] === '\0') {
    return `contains a NUL character (U+0000) at character ${at}, which cannot be stored; remove it`;
  }
  const code = found[0].charCodeAt(0).toString(16).toUpperCase();
  return (
    `contains a broken character at character ${at} (half of a UTF-16 surrogate pair, U+${code}), ` +
    'which cannot be stored; retype the text around it'
  );
}

/**
 * The one string type for every schema that takes text a person or a file supplies: a zod string that refuses
 * NUL and lone surrogates with a message naming the character, so the field's path ends up in the 422. Chain
 * it like z.string() (`storableText().trim().min(1).max(200)`); the check runs first and stops the others.
 *
 * @example
 * z.object({ notes: storableText().max(20_000) }).safeParse({ notes: 'a\u0000' }) // issue at path ['notes']
 */
export function storableText(): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const reason = unstorableTextReason(value);
    if (reason === null) return;
    ctx.addIssue({
      code: 'custom',
      message: capitalize(reason),
      params: { reason: UNSTORABLE_TEXT },
      input: value,
      continue: false,
    });
  });
}

/** True for the issue storableText raises, including one raised on a record key. */
export function isUnstorableTextIssue(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'custom') return issue.params?.reason === UNSTORABLE_TEXT;
  if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
    return issue.issues.length > 0 && issue.issues.every(isUnstorableTextIssue);
  }
  return false;
}

/**
 * The first string (or object key) anywhere in a JSON-like value that cannot be stored, with its path.
 * A backstop behind the schemas, for a schema that still takes a plain z.string().
 *
 * @example
 * findUnstorableText({ stars: { 'a\u0000': 3 } }) // { path: ['stars', 'a\u0000'], reason: 'contains a NUL …' }
 */
export function findUnstorableText(
  value: unknown,
  path: readonly (string | number)[] = [],
): { path: (string | number)[]; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unstorableTextReason(value);
    return reason === null ? null : { path: [...path], reason };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const keyReason = unstorableTextReason(key);
      if (keyReason !== null) return { path: [...path, key], reason: keyReason };
      const found = findUnstorableText(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
