import type { Contact } from '../contact.js';
import {
  type DuplicatePair,
  type DuplicateReason,
  NAME_SIMILARITY_THRESHOLD,
  nameSimilarity,
  normalizeEmail,
  normalizeLinkedinUrl,
  normalizeName,
} from '../duplicates.js';

function sameAffiliation(a: Contact, b: Contact): boolean {
  if (a.affiliation.acgmeId !== null && a.affiliation.acgmeId === b.affiliation.acgmeId) return true;
  const ia = a.affiliation.institution;
  const ib = b.affiliation.institution;
  return ia !== null && ib !== null && normalizeName(ia) !== '' && normalizeName(ia) === normalizeName(ib);
}

/**
 * The test oracle for `findDuplicates`: every pair compared, as duplicate detection worked before blocking
 * (quadratic — 7,000 contacts took 101 s). Tests check that the blocking version finds the same pairs.
 */
export function findDuplicatesBruteForce(contacts: readonly Contact[]): DuplicatePair[] {
  const keyed = contacts.map((c) => ({
    contact: c,
    email: c.email === null ? null : normalizeEmail(c.email),
    linkedin: c.linkedinUrl === null ? null : normalizeLinkedinUrl(c.linkedinUrl),
  }));
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < keyed.length; i++) {
    for (let j = i + 1; j < keyed.length; j++) {
      const x = keyed[i] as (typeof keyed)[number];
      const y = keyed[j] as (typeof keyed)[number];
      const reasons: DuplicateReason[] = [];
      if (x.email !== null && x.email === y.email) reasons.push('same-email');
      if (x.linkedin !== null && x.linkedin === y.linkedin) reasons.push('same-linkedin');
      const similarity = nameSimilarity(x.contact.name, y.contact.name);
      if (similarity >= NAME_SIMILARITY_THRESHOLD && sameAffiliation(x.contact, y.contact)) {
        reasons.push('similar-name-same-affiliation');
      }
      if (reasons.length > 0) {
        pairs.push({ a: x.contact.id, b: y.contact.id, reasons, nameSimilarity: similarity });
      }
    }
  }
  return pairs;
}
