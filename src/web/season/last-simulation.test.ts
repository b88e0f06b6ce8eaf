import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../lib/api/season.js';
import { loadLastSimulation, sameOrder, saveLastSimulation } from './last-simulation.js';

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

describe('the last simulation, kept between visits', () => {
  const result = { pMatch: 0.62, ci95: [0.59, 0.65], runs: 1000 } as unknown as SimulationResult;
  const run = { label: 'Saved rank list', order: ['A', 'C', 'B'], at: '2026-11-25T15:00:00.000Z', result };

  it('Given a finished run saved, When the page loads again, Then it is read back with the list it was for', () => {
    const store = memory();
    expect(loadLastSimulation(store)).toBeNull();
    saveLastSimulation(run, store);
    expect(loadLastSimulation(store)).toEqual(run);
  });

  it('Given something unreadable or of another shape in storage, Then there is no last run', () => {
    const store = memory();
    store.setItem('matchwise.lastSimulation', '{not json');
    expect(loadLastSimulation(store)).toBeNull();
    store.setItem('matchwise.lastSimulation', JSON.stringify({ label: 'x', result: { pMatch: 'high' } }));
    expect(loadLastSimulation(store)).toBeNull();
  });

  it('tells the list on screen from the one simulated: same programs in the same order only', () => {
    expect(sameOrder(['A', 'C', 'B'], ['A', 'C', 'B'])).toBe(true);
    expect(sameOrder(['A', 'C', 'B'], ['A', 'B', 'C'])).toBe(false);
    expect(sameOrder(['A', 'C'], ['A', 'C', 'B'])).toBe(false);
  });
});
