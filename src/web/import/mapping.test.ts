import { describe, expect, it } from 'vitest';
import { duplicateMappings } from './mapping.js';

describe('duplicateMappings', () => {
  it('finds a field chosen for two columns, ignoring unmapped ones', () => {
    expect([...duplicateMappings(['acgmeId', 'name', null, 'name', null])]).toEqual(['name']);
    expect(duplicateMappings(['acgmeId', null, null]).size).toBe(0);
  });
});
