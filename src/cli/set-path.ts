/** Returns a copy of `target` with the dotted `path` set to `value`, creating objects along the way. */
export function setPath(target: unknown, path: string, value: unknown): unknown {
  const [head, ...rest] = path.split('.');
  if (head === undefined || head === '') return value;
  const base: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  base[head] = rest.length === 0 ? value : setPath(base[head], rest.join('.'), value);
  return base;
}
