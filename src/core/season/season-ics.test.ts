import { describe, expect, it } from 'vitest';
import { type Application, newApplication } from './application.js';
import { seasonIcs } from './season-ics.js';
import { seasonTimeline } from './season-timeline.js';

const NOW = new Date('2026-11-25T12:00:00Z');

function application(acgmeId: string, changes: Partial<Application>): Application {
  return {
    ...newApplication(acgmeId, new Date('2026-06-03T12:00:00Z')),
    appliedOn: '2026-09-03',
    ...changes,
  };
}

describe('exporting the season to a calendar', () => {
  it('writes the Match Day, a reply deadline and a Chicago interview in UTC, on a fixed clock', () => {
    const full = seasonTimeline(2027);
    const timeline = { ...full, items: full.items.filter((item) => item.id === 'match-day') };
    const invited = application('1201600010', {
      stage: 'interview-invited',
      invitedOn: '2026-11-20',
      responseDeadline: '2026-11-27',
    });
    const scheduled = application('1201600011', {
      stage: 'interview-scheduled',
      invitedOn: '2026-11-01',
      interview: { startsAt: '2026-12-03T09:00:00-06:00', timeZone: 'America/Chicago', mode: 'virtual' },
    });
    const withdrawn = application('1201600012', {
      stage: 'withdrawn',
      interview: { startsAt: '2026-12-10T09:00:00-05:00', timeZone: 'America/New_York', mode: 'in-person' },
    });

    const ics = seasonIcs({
      timeline,
      applications: [invited, scheduled, withdrawn],
      programNames: { '1201600011': 'Rockford Family Medicine, Rockford IL' },
      now: NOW,
    });

    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Matchwise//Application season//EN',
        'CALSCALE:GREGORIAN',
        'BEGIN:VEVENT',
        'UID:season-2027-match-day@matchwise.local',
        'DTSTAMP:20261125T120000Z',
        'DTSTART;VALUE=DATE:20270319',
        'DTEND;VALUE=DATE:20270320',
        'SUMMARY:Match Day',
        // Long description: folded at 75 octets, continuation lines start with a space.
        'DESCRIPTION:Approximate date\\; check the official calendar. Source: AAFP "S',
        ' trolling Through the Match"\\, 2023–2024 edition: the third Friday in Mar',
        ' ch',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:invite-reply-1201600010@matchwise.local',
        'DTSTAMP:20261125T120000Z',
        'DTSTART;VALUE=DATE:20261127',
        'DTEND;VALUE=DATE:20261128',
        'SUMMARY:Reply to interview invitation: Program 1201600010',
        'DESCRIPTION:Invitations fill up\\; reply early.',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:interview-1201600011@matchwise.local',
        'DTSTAMP:20261125T120000Z',
        // 09:00 in Chicago (UTC−6 in December) is 15:00 UTC; blocked for the default 4 hours.
        'DTSTART:20261203T150000Z',
        'DTEND:20261203T190000Z',
        'SUMMARY:Interview: Rockford Family Medicine\\, Rockford IL',
        'DESCRIPTION:Virtual interview\\, starts 09:00 America/Chicago',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });
});
