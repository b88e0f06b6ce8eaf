/**
 * Contact import and export, all pure: bytes or text in, ContactDrafts and per-line errors out.
 * Duplicate detection and merging into stored contacts happen after this, against the contact store.
 */
export { parseConnectedOn } from './connected-on.js';
export * from './contact-draft.js';
export { CONTACT_CSV_COLUMNS, contactsToCsv } from './contacts-csv-export.js';
export { readContactsCsv } from './contacts-csv-import.js';
export { readLinkedInConnections } from './linkedin-csv.js';
export { readVCards } from './vcard.js';
export { contactsToVCard } from './vcard-export.js';
