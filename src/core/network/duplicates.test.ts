import { describe, expect, it } from 'vitest';
import {
  findDuplicates,
  jaroWinkler,
  mergeContacts,
  nameSimilarity,
  normalizeLinkedinUrl,
  normalizeName,
  repointContact,
} from './duplicates.js';
import { contact, drLee, event, interaction, LAKESHORE, letter, RIVERSIDE } from './test-support.js';

describe('normalizing', () => {
  it('folds accents and drops titles and degrees from names', () => {
    expect(normalizeName('Dr. José  García-López, MD')).toBe('jose garcia lopez');
  });

  it('reduces LinkedIn addresses to the profile path', () => {
    expect(normalizeLinkedinUrl('https://www.linkedin.com/in/Anna-Lee-MD/?utm_source=share')).toBe(
      'linkedin.com/in/anna-lee-md',
    );
    expect(normalizeLinkedinUrl('linkedin.com/in/anna-lee-md')).toBe('linkedin.com/in/anna-lee-md');
  });

  it('scores Jaro–Winkler as published (MARTHA / MARHTA ≈ 0.961)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('', 'anna')).toBe(0);
  });

  it('matches "Lee, Anna" with "Anna Lee", and ignores a middle initial', () => {
    expect(nameSimilarity('Lee, Anna', 'Dr. Anna Lee')).toBe(1);
    expect(nameSimilarity('Anna M. Lee', 'Anna Lee')).toBe(1);
    expect(nameSimilarity('Jon Smith', 'John Smith')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('duplicate detection', () => {
  it('finds the same person imported from LinkedIn and typed by hand, by email', () => {
    const imported = contact({ id: 'c-imported', name: 'Anna Lee', email: ' Anna.Lee@Riverside.example ' });
    expect(findDuplicates([drLee, imported])).toEqual([
      { a: drLee.id, b: 'c-imported', reasons: ['same-email'], nameSimilarity: 1 },
    ]);
  });

  it('finds the same LinkedIn profile written two ways', () => {
    const a = contact({ id: 'a', name: 'Sam Ortiz', linkedinUrl: 'https://www.linkedin.com/in/samortiz' });
    const b = contact({ id: 'b', name: 'Samuel Ortiz', linkedinUrl: 'http://linkedin.com/in/SamOrtiz/' });
    expect(findDuplicates([a, b])[0]?.reasons).toEqual(['same-linkedin']);
  });

  it('finds "Dr. José García" and "Jose Garcia" at the same program', () => {
    const a = contact({
      id: 'a',
      name: 'José García',
      title: 'Dr.',
      affiliation: { acgmeId: RIVERSIDE, institution: null },
    });
    const b = contact({
      id: 'b',
      name: 'Dr. Jose Garcia',
      affiliation: { acgmeId: RIVERSIDE, institution: null },
    });
    expect(findDuplicates([a, b])[0]?.reasons).toEqual(['similar-name-same-affiliation']);
  });

  it('keeps apart two people with the same name at different programs', () => {
    const a = contact({
      id: 'a',
      name: 'Maria Rodriguez',
      affiliation: { acgmeId: RIVERSIDE, institution: null },
    });
    const b = contact({
      id: 'b',
      name: 'Maria Rodriguez',
      affiliation: { acgmeId: LAKESHORE, institution: null },
    });
    expect(findDuplicates([a, b])).toEqual([]);
  });

  it('keeps apart two different people at the same program', () => {
    const a = contact({ id: 'a', name: 'Ana Lopez', affiliation: { acgmeId: RIVERSIDE, institution: null } });
    const b = contact({ id: 'b', name: 'Ana Perez', affiliation: { acgmeId: RIVERSIDE, institution: null } });
    expect(nameSimilarity('Ana Lopez', 'Ana Perez')).toBeLessThan(0.9);
    expect(findDuplicates([a, b])).toEqual([]);
  });

  it('matches the same institution typed with different case and punctuation', () => {
    const a = contact({
      id: 'a',
      name: 'Priya Shah',
      affiliation: { acgmeId: null, institution: 'St. Mary’s Hospital' },
    });
    const b = contact({
      id: 'b',
      name: 'Priya Shah',
      affiliation: { acgmeId: null, institution: 'st marys hospital' },
    });
    // "St. Mary’s" and "st marys" differ by the apostrophe split: not the same institution.
    expect(findDuplicates([a, b])).toEqual([]);
    const c = contact({
      id: 'c',
      name: 'Priya Shah',
      affiliation: { acgmeId: null, institution: 'ST. MARY’S  HOSPITAL' },
    });
    expect(findDuplicates([a, c])[0]?.reasons).toEqual(['similar-name-same-affiliation']);
  });
});

describe('merging two records of Dr. Lee', () => {
  const typed = contact({
    ...drLee,
    phone: null,
    tags: ['Preceptor', 'FM'],
    notes: 'Precepted my October rotation.',
    createdAt: '2026-10-01T00:00:00Z',
  });
  const imported = contact({
    id: 'c-imported',
    name: 'Anna Lee MD',
    role: 'faculty',
    circle: 'inner',
    phone: '+1 555 010 2000',
    linkedinUrl: 'https://www.linkedin.com/in/anna-lee-md',
    tags: ['fm', 'LinkedIn'],
    notes: 'Connected on LinkedIn.',
    createdAt: '2026-03-15T00:00:00Z',
  });
  const history = [
    interaction({
      contactId: 'c-imported',
      kind: 'email-received',
      direction: 'incoming',
      date: '2026-04-01',
    }),
    interaction({ contactId: 'c-imported', kind: 'video', direction: 'both', date: '2026-05-01' }),
  ];
  const merged = mergeContacts(typed, imported, history);

  it('keeps the first record’s values and fills its gaps from the second', () => {
    expect(merged.contact).toMatchObject({
      id: drLee.id,
      name: 'Anna Lee',
      role: 'attending',
      email: drLee.email,
      phone: '+1 555 010 2000',
      linkedinUrl: 'https://www.linkedin.com/in/anna-lee-md',
      createdAt: '2026-03-15T00:00:00Z',
    });
  });

  it('unites tags ignoring case and joins notes', () => {
    expect(merged.contact.tags).toEqual(['Preceptor', 'FM', 'LinkedIn']);
    expect(merged.contact.notes).toBe('Precepted my October rotation.\n\nConnected on LinkedIn.');
  });

  it('never demotes: the closer suggested circle wins', () => {
    expect(merged.contact.circle).toBe('inner');
    const chosen = mergeContacts({ ...typed, circle: 'outer', circleOverridden: true }, imported, []);
    expect(chosen.contact).toMatchObject({ circle: 'outer', circleOverridden: true });
  });

  it('keeps all of the second record’s history, now on the first', () => {
    expect(merged.interactions.map((i) => [i.id, i.contactId])).toEqual(history.map((i) => [i.id, drLee.id]));
  });

  it('moves letters and event attendance too, listing the person once', () => {
    const moved = repointContact('c-imported', drLee.id, {
      letters: [letter({ id: 'l1', writerContactId: 'c-imported' })],
      events: [event({ id: 'e1', name: 'STFM', contactIds: [drLee.id, 'c-imported'] })],
    });
    expect(moved.letters[0]?.writerContactId).toBe(drLee.id);
    expect(moved.events[0]?.contactIds).toEqual([drLee.id]);
  });
});
