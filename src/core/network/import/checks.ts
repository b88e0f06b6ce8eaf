/**
 * The same bar the Contact schema sets for email and LinkedIn addresses, applied while importing so a bad
 * value is reported at its line now instead of failing later when the draft is saved.
 */

/** Something@domain.tld with no spaces: loose on purpose; the mail server is the real judge. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

export { isLinkedinUrl } from '../contact.js';
