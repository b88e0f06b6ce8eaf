/**
 * Moves one item of a list to a new index (clamped), returning a new list; the order of the others is kept.
 *
 * @example moveItem(['a', 'b', 'c'], 0, 2) // ['b', 'c', 'a']
 */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) return [...items];
  const target = Math.max(0, Math.min(items.length - 1, to));
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return [...items];
  next.splice(target, 0, moved);
  return next;
}

/** What a screen reader hears after a move: "Moved Alpha FM to position 2 of 3." */
export function positionAnnouncement(name: string, index: number, total: number): string {
  return `Moved ${name} to position ${index + 1} of ${total}.`;
}
