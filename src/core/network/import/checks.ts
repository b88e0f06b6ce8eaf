/**
 * The same bar the Contact schema sets for email and LinkedIn addresses, applied while importing so a bad
 * value is reported at its line now instead of failing later when the draft is saved.
 */

/** Something@domain.tld with no spaces: loose on purpose; the mail server is the real judge. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** An http(s) address on linkedin.com or one of its subdomains (www., country ones like de.). */
export function isLinkedinUrl(text: string): boolean {
  try {
    const url = new URL(text);
    const host = url.hostname.toLowerCase();
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      (host === 'linkedin.com' || host.endsWith('.linkedin.com'))
    );
  } catch {
    return false;
  }
}
