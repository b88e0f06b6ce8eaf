import type { Contact } from '../src/core/network/contact.js';
import { searchDuplicates } from '../src/core/network/duplicates.js';
import { findDuplicatesBruteForce } from '../src/core/network/testing/duplicates-brute-force.js';
import { seededRandom } from '../src/core/smartpick/synthetic-market.js';
import { type Timing, time } from './timing.js';

const FIRST = [
  'Anna',
  'James',
  'Maria',
  'Wei',
  'Priya',
  'Chidi',
  'José',
  'Fatima',
  'Olga',
  'Sam',
  'Ahmed',
  'Lena',
];
const LAST = ['Lee', 'Smith', 'García', 'Nguyen', 'Okafor', 'Shah', 'Kowalski', 'Haddad', 'Kim', 'Ortiz'];

/**
 * A synthetic network the way imports leave one: 12 × 10 name stems with a numeric suffix (so most names
 * differ, yet "Anna Lee" families exist), 60% with an email, 50% with a LinkedIn profile, institutions skewed
 * (a few big hospitals, a long tail), and 3% re-entered records of someone else (same email, name typed
 * again with a title).
 */
export function syntheticNetwork(size: number, seed = 2027): Contact[] {
  // Deterministic, so every run times the same network.
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const contacts: Contact[] = [];
  for (let i = 0; i < size; i++) {
    if (i > 10 && next() < 0.03) {
      const original = contacts[Math.floor(next() * contacts.length)] as Contact;
      contacts.push({ ...original, id: `c${i}`, name: `Dr. ${original.name}` });
      continue;
    }
    const name = `${pick(FIRST)}${Math.floor(next() * 50)} ${pick(LAST)}${Math.floor(next() * 200)}`;
    const hospital = Math.floor(next() ** 3 * 700);
    contacts.push({
      id: `c${i}`,
      name,
      title: null,
      role: 'other',
      circle: 'outer',
      circleOverridden: false,
      affiliation: { acgmeId: null, institution: next() < 0.8 ? `Hospital ${hospital}` : null },
      metHow: null,
      metWhere: null,
      email: next() < 0.6 ? `person${i}@example.org` : null,
      phone: null,
      linkedinUrl: next() < 0.5 ? `https://www.linkedin.com/in/person-${i}` : null,
      tags: [],
      notes: '',
      createdAt: '2026-01-10T09:00:00.000Z',
    });
  }
  return contacts;
}

/** 10,000 "John Smith"s at one program: every pair a duplicate, the block the cap is for. */
export function giantBlock(size: number): Contact[] {
  return syntheticNetwork(size).map((c) => ({
    ...c,
    name: 'John Smith',
    affiliation: { acgmeId: '1201200001', institution: null },
  }));
}

export interface DuplicatesResult {
  name: string;
  contacts: number;
  timing: Timing;
  pairs: number;
  partialBlocks: number;
}

export function benchDuplicates(): DuplicatesResult[] {
  const cases: [string, Contact[], number][] = [
    ['2,000 contacts', syntheticNetwork(2_000), 10],
    ['10,000 contacts', syntheticNetwork(10_000), 10],
    ['50,000 contacts', syntheticNetwork(50_000), 5],
    ['10,000 "John Smith" at one program', giantBlock(10_000), 5],
  ];
  return cases.map(([name, contacts, runs]) => {
    const result = searchDuplicates(contacts);
    return {
      name,
      contacts: contacts.length,
      timing: time(() => searchDuplicates(contacts), { runs, warmup: 1, prepare: () => undefined }),
      pairs: result.pairs.length,
      partialBlocks: result.partial.length,
    };
  });
}

/** The quadratic version the blocking one replaced, on a network small enough to wait for. */
export function benchBruteForce(size: number): { timing: Timing; samePairs: boolean } {
  const contacts = syntheticNetwork(size);
  const brute = findDuplicatesBruteForce(contacts);
  const samePairs = JSON.stringify(brute) === JSON.stringify(searchDuplicates(contacts).pairs);
  return {
    timing: time(() => findDuplicatesBruteForce(contacts), { runs: 1, warmup: 0, prepare: () => undefined }),
    samePairs,
  };
}
