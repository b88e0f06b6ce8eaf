import { describe, expect, it } from 'vitest';
import { findTemplate, renderTemplate } from '../../core/network/templates/index.js';
import { emlFileName, fieldsToAsk, fieldsUsed, mergeWithTyped, splitName } from './compose.js';

const thankYou = findTemplate('rotation-thank-you');
if (!thankYou) throw new Error('rotation-thank-you template missing');

describe('compose helpers', () => {
  it('lists the fields a template uses, subject first', () => {
    expect(fieldsUsed(thankYou)).toEqual([
      'rotation.site',
      'contact.title',
      'contact.lastName',
      'rotation.dates',
      'learned',
      'me.name',
    ]);
  });

  it('asks only for what the contact and profile do not supply, and renders once typed', () => {
    const known = {
      contact: { title: 'Dr.', ...splitName('Anna Lee') },
      me: { name: 'José Álvarez' },
      rotation: { site: 'Demo Family Medicine', dates: 'Nov 3–24, 2026' },
    };
    expect(fieldsToAsk(thankYou, known)).toEqual(['learned']);
    const values = mergeWithTyped(known, { learned: 'How to run a group visit.' });
    const rendered = renderTemplate(thankYou, values);
    expect(rendered.ok && rendered.value.body).toContain(
      'One thing I am taking with me: How to run a group visit.',
    );
  });

  it('splits names without titles, and lets a typed brag sheet become bullets', () => {
    expect(splitName('Dr. Anna María Lee')).toEqual({ firstName: 'Anna', lastName: 'Lee' });
    expect(mergeWithTyped({}, { bragSheet: 'a\nb' }).bragSheet).toEqual(['a', 'b']);
    expect(mergeWithTyped({ me: { name: 'X' } }, { 'me.school': 'UAG' }).me).toEqual({
      name: 'X',
      school: 'UAG',
    });
  });

  it('makes a safe .eml file name', () => {
    expect(emlFileName('rotation-thank-you', 'José Álvarez')).toBe('rotation-thank-you-jose-alvarez.eml');
  });
});
