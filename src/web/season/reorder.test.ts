import { describe, expect, it } from 'vitest';
import { moveItem, positionAnnouncement } from './reorder.js';

describe('moveItem', () => {
  it('moves the first program of a rank list to the bottom, keeping the others in order', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('moves a program up one place', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
  });

  it('clamps a move past either end and ignores an unknown index', () => {
    expect(moveItem(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 1, -3)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('does not change the list it was given', () => {
    const list = ['a', 'b', 'c'];
    moveItem(list, 0, 1);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('positionAnnouncement', () => {
  it('says the new position counting from one', () => {
    expect(positionAnnouncement('Alpha FM', 1, 3)).toBe('Moved Alpha FM to position 2 of 3.');
  });
});
