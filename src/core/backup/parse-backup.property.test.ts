import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText } from '../shared/storable-text.js';
import { parseBackup, parseBackupText } from './parse-backup.js';
import { previewRestore } from './preview-restore.js';
import { countSections } from './sections.js';
import { smallBackup } from './test-support.js';

/**
 * Fuzzing the backup reader (issue 10): whatever the file, parse and preview answer with field issues or a
 * backup — never an exception — and a backup that parses holds only text the database can store.
 */
const RUNS = 1_000;
const VALID = JSON.stringify(smallBackup());

/** Parse, and preview against an empty database when it parses: what the preview endpoint does. */
function parseAndPreview(result: ReturnType<typeof parseBackup>): void {
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(0);
    for (const issue of result.error) expect(typeof issue.path).toBe('string');
    return;
  }
  expect(findUnstorableText(result.value)).toBeNull();
  const empty = countSections(result.value);
  for (const name of Object.keys(empty) as (keyof typeof empty)[]) empty[name] = 0;
  expect(previewRestore(result.value, empty).sections.length).toBeGreaterThan(0);
}

/** A JSON path into the valid backup, to plant a value at. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key])),
  ];
}

function plant(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = plant(copy[head], rest, value);
  return copy;
}

describe('backup parse and preview under fuzzing', () => {
  it('answers any text with issues or a backup, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json()), (text) =>
        parseAndPreview(parseBackupText(text)),
      ),
      { numRuns: RUNS },
    );
  });

  it('answers a valid backup cut short or with characters spliced in', () => {
    const edit = fc.record({
      at: fc.nat({ max: VALID.length }),
      insert: fc.string({
        unit: fc.constantFrom('\0', '"', '\\', '{', '}', '[', ']', ',', ':', '\\u0000', '\\ud800', 'x', '1'),
        maxLength: 6,
      }),
      cut: fc.boolean(),
    });
    fc.assert(
      fc.property(edit, ({ at, insert, cut }) => {
        const text = cut ? VALID.slice(0, at) : `${VALID.slice(0, at)}${insert}${VALID.slice(at)}`;
        parseAndPreview(parseBackupText(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers a valid backup with any JSON value planted anywhere in it', () => {
    const valid = JSON.parse(VALID) as unknown;
    const all = paths(valid);
    const planted = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom('\u0000', 'a\ud800', '', ' ', -1, 1e308, null, [], {}),
    );
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), planted, (index, value) => {
        parseAndPreview(parseBackup(plant(valid, all[index] ?? [], value)));
      }),
      { numRuns: RUNS },
    );
  });
});
