import { describe, expect, it } from 'vitest';
import type { MergeValues } from './merge-fields.js';
import { findTemplate, OUTREACH_TEMPLATES } from './outreach-templates.js';
import { renderTemplate } from './render.js';

/** Everything the Compose screen could know about Maria writing to Dr. Álvarez after her rotation. */
const FULL: MergeValues = {
  contact: { title: 'Dr.', firstName: 'José', lastName: 'Álvarez', name: 'José Álvarez' },
  me: {
    name: 'Maria Santos',
    school: 'Ross University School of Medicine',
    graduationYear: 2023,
    email: 'maria@example.org',
  },
  program: { name: 'Mercy Family Medicine Residency' },
  rotation: { site: 'Mercy Westside Clinic', dates: 'March 3–28, 2025' },
  event: { name: 'AAFP National Conference 2025' },
  learned: 'asking "what matters most to you today?" before the medication review changed every visit.',
  bragSheet: [
    'Carried 6–8 clinic patients a day with your supervision',
    'Presented a journal club on SGLT2 inhibitors in CKD',
    '',
  ],
};

describe('renderTemplate', () => {
  it('fills a thank-you note after Maria’s rotation', () => {
    const result = renderTemplate(findTemplate('rotation-thank-you') ?? fail(), FULL);
    expect(result).toEqual({
      ok: true,
      value: {
        subject: 'Thank you for my rotation at Mercy Westside Clinic',
        body: [
          'Dear Dr. Álvarez,',
          '',
          'Thank you for teaching me during my rotation at Mercy Westside Clinic (March 3–28, 2025). You were generous with your time and your patients, and it showed me the kind of family physician I want to become.',
          '',
          'One thing I am taking with me: asking "what matters most to you today?" before the medication review changed every visit.',
          '',
          'If you have a moment, I would value any feedback on where I can still grow before residency.',
          '',
          'With thanks,',
          'Maria Santos',
        ].join('\n'),
      },
    });
  });

  it('writes the brag sheet as bullets, skipping blank items', () => {
    const result = renderTemplate(findTemplate('letter-request') ?? fail(), FULL);
    expect(result.ok && result.value.body).toContain(
      '\n\n- Carried 6–8 clinic patients a day with your supervision\n' +
        '- Presented a journal club on SGLT2 inhibitors in CKD\n\n',
    );
  });

  it('names every missing field once instead of writing "Dear Dr. ," or "undefined"', () => {
    const values: MergeValues = { ...FULL, contact: { title: 'Dr.', lastName: '  ' }, rotation: undefined };
    const result = renderTemplate(findTemplate('rotation-thank-you') ?? fail(), values);
    expect(result).toEqual({
      ok: false,
      error: [
        { field: 'rotation.site', problem: 'missing', message: 'Where the rotation was is needed.' },
        { field: 'contact.lastName', problem: 'missing', message: 'Their last name is needed.' },
        {
          field: 'rotation.dates',
          problem: 'missing',
          message: 'When the rotation was, e.g. "March 3–28, 2025" is needed.',
        },
      ],
    });
  });

  it('reports an empty brag sheet as missing', () => {
    const result = renderTemplate(findTemplate('mentor-update') ?? fail(), { ...FULL, bragSheet: [' '] });
    expect(result).toMatchObject({ ok: false, error: [{ field: 'bragSheet', problem: 'missing' }] });
  });

  it('reports a typo in a user-edited template and an unclosed brace', () => {
    const result = renderTemplate(
      { subject: 'Hello {{contact.lastname}}', body: 'From {{me.name}} at {{me.school}' },
      FULL,
    );
    expect(result).toEqual({
      ok: false,
      error: [
        {
          field: 'contact.lastname',
          problem: 'unknown',
          message: '"{{contact.lastname}}" is not a merge field.',
        },
        { field: '{{', problem: 'malformed', message: '"{{" has no matching "}}".' },
      ],
    });
  });

  it('keeps a subject on one line even when a value has a line break', () => {
    const result = renderTemplate(findTemplate('rotation-thank-you') ?? fail(), {
      ...FULL,
      rotation: { site: 'Mercy Westside\nClinic', dates: 'March 2025' },
    });
    expect(result.ok && result.value.subject).toBe('Thank you for my rotation at Mercy Westside Clinic');
  });
});

describe('OUTREACH_TEMPLATES', () => {
  it.each(OUTREACH_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s renders fully from complete values',
    (_, t) => {
      expect(t.whenToUse).not.toContain('\n');
      const result = renderTemplate(t, FULL);
      expect(result.ok).toBe(true);
      if (result.ok)
        expect(`${result.value.subject}${result.value.body}`).not.toMatch(/\{\{|\}\}|undefined|null/);
    },
  );

  it('covers every message the playbook asks for, each with a unique id', () => {
    expect(OUTREACH_TEMPLATES.map((t) => t.id)).toEqual([
      'cold-alumnus',
      'cold-img-faculty',
      'rotation-thank-you',
      'letter-request',
      'conference-follow-up',
      'program-interest',
      'mentor-update',
      'post-match-thanks',
    ]);
  });
});

function fail(): never {
  throw new Error('template not found');
}
