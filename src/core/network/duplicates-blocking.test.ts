import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from './contact.js';
import { findDuplicates, searchDuplicates } from './duplicates.js';
import { contact, LAKESHORE, RIVERSIDE } from './test-support.js';
import { findDuplicatesBruteForce } from './testing/duplicates-brute-force.js';

/**
 * Small networks drawn from few names, emails, profiles and affiliations, written the ways people write
 * them, so that most sets hold duplicates of every kind and near misses.
 */
const firstNames = ['Anna', 'Ana', 'Jon', 'John', 'José', 'A.'];
const lastNames = ['Lee', 'García', 'Garcia', 'Smith', 'Smyth', ''];
const nameArb = fc
  .record({
    first: fc.constantFrom(...firstNames),
    middle: fc.constantFrom('', 'M.', 'Maria'),
    last: fc.constantFrom(...lastNames),
    title: fc.constantFrom('', 'Dr. ', 'Prof. '),
    suffix: fc.constantFrom('', ', MD'),
    lastFirst: fc.boolean(),
  })
  .map(({ first, middle, last, title, suffix, lastFirst }) =>
    lastFirst && last !== ''
      ? `${last}, ${first} ${middle}`.trim()
      : `${title}${[first, middle, last].filter((w) => w !== '').join(' ')}${suffix}`,
  );
const emailArb = fc.constantFrom(
  null,
  null,
  null,
  null,
  'anna@riverside.example',
  ' Anna@Riverside.example',
  'jon@mercy.example',
);
const linkedinArb = fc.constantFrom(
  null,
  null,
  null,
  null,
  'https://www.linkedin.com/in/samortiz',
  'linkedin.com/in/SamOrtiz/',
  'https://linkedin.com/in/anna-lee',
);
const affiliationArb = fc.record({
  acgmeId: fc.constantFrom(null, null, RIVERSIDE, LAKESHORE),
  institution: fc.constantFrom(null, '', 'Mercy Health', 'MERCY  health', 'St. Mary’s', 'Dr.'),
});
const networkArb = (maxLength: number) =>
  fc
    .array(
      fc.record({ name: nameArb, email: emailArb, linkedinUrl: linkedinArb, affiliation: affiliationArb }),
      { minLength: 2, maxLength, size: 'max' },
    )
    .map((drafts): Contact[] => drafts.map((draft, i) => contact({ id: `c${i}`, ...draft })));

describe('duplicate detection by blocking', () => {
  it('finds exactly the pairs comparing every pair finds, in the same order', () => {
    fc.assert(
      fc.property(networkArb(40), (contacts) => {
        const search = searchDuplicates(contacts);
        expect(search.partial).toEqual([]);
        expect(search.pairs).toEqual(findDuplicatesBruteForce(contacts));
      }),
      { numRuns: 300 },
    );
  });

  it('in blocks too big to search whole, reports only true pairs and names the blocks it searched in part', () => {
    fc.assert(
      fc.property(networkArb(40), fc.integer({ min: 2, max: 6 }), (contacts, maxFullBlock) => {
        const search = searchDuplicates(contacts, { maxFullBlock });
        const all = findDuplicatesBruteForce(contacts);
        const key = (p: { a: string; b: string }) => `${p.a}/${p.b}`;
        const truth = new Map(all.map((pair) => [key(pair), pair]));
        for (const pair of search.pairs) expect(pair).toEqual(truth.get(key(pair)));
        if (search.partial.length === 0) expect(search.pairs).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it('splits a big institution by name: two records of Dr. Okafor among 1,000 colleagues are found', () => {
    const colleagues = Array.from({ length: 1_000 }, (_, i) =>
      contact({
        id: `c${i}`,
        name: `Person${i} Surname${i}`,
        affiliation: { acgmeId: null, institution: 'Mercy Health' },
      }),
    );
    const okafor = { affiliation: { acgmeId: null, institution: 'MERCY HEALTH' } };
    const network = [
      ...colleagues,
      contact({ id: 'okafor-1', name: 'Chidi Okafor', ...okafor }),
      contact({ id: 'okafor-2', name: 'Dr. Chidi Okafor MD', ...okafor }),
    ];
    const search = searchDuplicates(network);
    expect(search.pairs).toEqual([
      { a: 'okafor-1', b: 'okafor-2', reasons: ['similar-name-same-affiliation'], nameSimilarity: 1 },
    ]);
    expect(search.partial).toEqual([{ block: 'institution:mercy health', size: 1_002 }]);
  });

  it('stays linear in a giant block: 10,000 John Smiths at one program are compared with their neighbours only', () => {
    const smiths = Array.from({ length: 10_000 }, (_, i) =>
      contact({ id: `s${i}`, name: 'John Smith', affiliation: { acgmeId: RIVERSIDE, institution: null } }),
    );
    const search = searchDuplicates(smiths);
    // Every pair is a true duplicate; brute force would report 49,995,000 of them.
    expect(search.pairs.length).toBeLessThanOrEqual(5 * 10_000);
    expect(search.pairs.length).toBeGreaterThanOrEqual(10_000 - 1);
    expect(search.partial.map((p) => p.size)).toContain(10_000);
    // Chained neighbour to neighbour, the pairs still join every record into one person.
    const joined = new Set(search.pairs.flatMap((p) => [p.a, p.b]));
    expect(joined.size).toBe(10_000);
    expect(findDuplicates(smiths.slice(0, 3))).toHaveLength(3);
  });
});
