import { afterAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../core/network/contact.js';
import { searchDuplicates } from '../../core/network/duplicates.js';
import { contact } from '../../core/network/test-support.js';
import { createDuplicateFinder } from './duplicates-off-thread.js';

/** A made-up word for `n` and `salt`: random-looking letters, so two people's names are never alike. */
function word(n: number, salt: number): string {
  let state = (n * 2654435761 + salt * 40503) >>> 0;
  let text = '';
  for (let i = 0; i < 8; i++) {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 3266489917) >>> 0;
    text += String.fromCharCode(97 + (state % 26));
  }
  return text;
}

/** People at 500 hospitals, every 50th re-entered with a title and the same email. */
function network(size: number): Contact[] {
  return Array.from({ length: size }, (_, i) => {
    const person = i % 50 === 49 ? i - 1 : i;
    return contact({
      id: `c${i}`,
      name: `${i % 50 === 49 ? 'Dr. ' : ''}${word(person, 1)} ${word(person, 2)}`,
      email: `person${person}@example.org`,
      affiliation: { acgmeId: null, institution: `Hospital ${person % 500}` },
    });
  });
}

describe('duplicate search off the main thread', () => {
  const finder = createDuplicateFinder({ inThreadLimit: 100 });
  afterAll(() => finder.close());

  it('finds in a worker the pairs it finds in the thread, while the event loop keeps turning', async () => {
    const contacts = network(10_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const search = await finder.search(contacts);
    clearInterval(timer);
    expect(search).toEqual(searchDuplicates(contacts));
    expect(search.pairs).toHaveLength(200);
    expect(ticks).toBeGreaterThan(0);
  });

  it('searches a small network in the thread, without a worker', async () => {
    const contacts = network(100);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const search = await finder.search(contacts);
    clearInterval(timer);
    expect(search.pairs).toHaveLength(2);
    expect(ticks).toBe(0);
  });
});
