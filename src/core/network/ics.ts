import { addDays } from './dates.js';
import type { Task } from './playbook/task.js';

/**
 * Tasks as an iCalendar file (RFC 5545), one all-day VEVENT per task on its due day.
 *
 * Why VEVENT and not VTODO with DUE: Google Calendar and Outlook ignore VTODO on import and Apple Calendar
 * files them away in Reminders only sometimes, so the tasks would silently vanish for most applicants. An
 * all-day event on the due day shows up everywhere.
 *
 * @example icsFromTasks(tasks, new Date('2026-11-25T12:00:00Z'))
 */
export function icsFromTasks(
  tasks: readonly Pick<Task, 'id' | 'title' | 'why' | 'dueDate'>[],
  now: Date,
): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Matchwise//Network tasks//EN',
    'CALSCALE:GREGORIAN',
  ];
  for (const task of tasks) {
    lines.push(
      'BEGIN:VEVENT',
      // The task id is stable across evaluations, so importing again updates events instead of duplicating.
      `UID:${escapeText(task.id)}@matchwise.local`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(task.dueDate)}`,
      // DTEND is exclusive: an all-day event ends the next day.
      `DTEND;VALUE=DATE:${compactDate(addDays(task.dueDate, 1))}`,
      `SUMMARY:${escapeText(task.title)}`,
      `DESCRIPTION:${escapeText(task.why)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function compactDate(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 §3.1); continuation lines start with
 * a space, which counts toward their 75. Splits only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      parts.push(current);
      current = ` ${char}`;
      octets = 1 + size;
    } else {
      current += char;
      octets += size;
    }
  }
  parts.push(current);
  return parts.join('\r\n');
}
