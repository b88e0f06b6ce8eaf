/**
 * Makes user text match literally inside a LIKE/ILIKE pattern: `%` and `_` are wildcards and `\` is
 * PostgreSQL's default LIKE escape character, so all three are escaped. Someone searching "100%" means the
 * characters, not "100 followed by anything".
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A pattern matching any value that contains `text` literally. */
export function containsPattern(text: string): string {
  return `%${escapeLikePattern(text)}%`;
}
