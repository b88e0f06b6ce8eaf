import { describe, expect, it } from 'vitest';
import { icsFromTasks } from '../network/ics.js';
import { mergeCalendars } from './merge-calendars.js';
import { seasonIcs } from './season-ics.js';
import { seasonTimeline } from './season-timeline.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('one calendar for the season and the Network tasks', () => {
  it('Given the 2027 timeline and a thank-you task, Then both land in one VCALENDAR', () => {
    const season = seasonIcs({ timeline: seasonTimeline(2027), applications: [], now: NOW });
    const tasks = icsFromTasks(
      [
        {
          id: 'interview-thank-you:1201200001',
          title: 'Send thank-you notes to Riverside Family Medicine within 48 hours',
          why: 'Soon after the interview.',
          dueDate: '2026-11-25',
        },
      ],
      NOW,
    );
    const merged = mergeCalendars(season, tasks);
    expect(merged.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(merged.match(/END:VCALENDAR/g)).toHaveLength(1);
    expect(merged.match(/BEGIN:VEVENT/g)).toHaveLength(11);
    expect(merged).toContain('UID:interview-thank-you:1201200001@matchwise.local');
    expect(merged).toContain('PRODID:-//Matchwise//Application season//EN');
    expect(merged.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
