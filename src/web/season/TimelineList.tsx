import type { TimelineItem } from '../lib/api/season.js';
import { formatDayRange } from '../network/labels.js';

const KIND_LABELS: Record<TimelineItem['kind'], string> = {
  deadline: 'Deadline',
  milestone: 'Milestone',
  window: 'Period',
};

/** A short list of timeline items (Home: what is next, what is overdue). */
export function TimelineList({ items, empty }: { items: TimelineItem[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="compact-list timeline-list">
      {items.map((item) => (
        <li key={item.id}>
          <strong>{item.title}</strong>
          <br />
          <span className="muted small">
            {KIND_LABELS[item.kind]} · {formatDayRange(item.date, item.endDate)}
            {item.approximate ? ' (approximate)' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export { KIND_LABELS as TIMELINE_KIND_LABELS };
