import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsFromTasks } from './ics.js';
import { NOW } from './test-support.js';

describe('exporting tasks to a calendar', () => {
  it('writes one all-day event per task, CRLF line endings, stamped with the fixed clock', () => {
    const ics = icsFromTasks(
      [
        {
          id: 'rotation-thank-you:i-rotation-lee',
          title: 'Thank Dr. Anna Lee for the rotation',
          why: 'Within 48 hours; mention the diabetes clinic, the home visits.',
          dueDate: '2026-11-26',
        },
      ],
      NOW,
    );
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Matchwise//Network tasks//EN',
        'CALSCALE:GREGORIAN',
        'BEGIN:VEVENT',
        'UID:rotation-thank-you:i-rotation-lee@matchwise.local',
        'DTSTAMP:20261125T120000Z',
        'DTSTART;VALUE=DATE:20261126',
        'DTEND;VALUE=DATE:20261127',
        'SUMMARY:Thank Dr. Anna Lee for the rotation',
        // 76 octets once escaped: folded, the continuation starting with a space.
        'DESCRIPTION:Within 48 hours\\; mention the diabetes clinic\\, the home visits',
        ' .',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('writes an empty calendar for no tasks', () => {
    expect(icsFromTasks([], NOW).split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Matchwise//Network tasks//EN',
      'CALSCALE:GREGORIAN',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds long lines at 75 octets without splitting an accented letter', () => {
    const line = `SUMMARY:Follow up with Dr. José Álvarez-Núñez after the ${'é'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    const encoder = new TextEncoder();
    for (const part of folded) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
    expect(folded[0]).toBe('SUMMARY:Follow up with Dr. José Álvarez-Núñez after the ééééééé');
  });

  it('leaves a line of exactly 75 octets alone', () => {
    const line = `DESCRIPTION:${'x'.repeat(63)}`;
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}y`)).toBe(`${line}\r\n y`);
  });
});
