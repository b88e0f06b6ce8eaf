import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STATES } from '../../geo/census.js';
import { decodeText } from './decode-text.js';
import { detectMapping, missingRequiredFields } from './detect-mapping.js';
import { mapRows } from './map-rows.js';
import { planMerge } from './merge-plan.js';
import { parseCsv } from './parse-csv.js';

/**
 * The real 2018-2019 family medicine list in the shared data folder (see shared/data/PROVENANCE.md).
 * It is read in place: its rows never enter this repository.
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const FM_2019 = path.resolve(repoRoot, '../shared/data/fm-programs-2019.csv');
const available = existsSync(FM_2019);

if (!available) {
  if (process.env.CI === 'true') {
    it(`needs the real list at ${FM_2019}`, () => {
      throw new Error(`${FM_2019} is missing; CI must provide the shared data folder`);
    });
  } else {
    console.warn(`Skipping the real-list import tests: ${FM_2019} is not there.`);
  }
}

/** Bounding boxes (degrees) wide enough for every place a program can be. */
const BOXES = {
  contiguous: { lat: [24.4, 49.5], lon: [-125, -66.9] },
  AK: { lat: [51, 71.5], lon: [-180, -129.9] },
  HI: { lat: [18.9, 22.3], lon: [-160.3, -154.8] },
  PR: { lat: [17.8, 18.6], lon: [-67.3, -65.2] },
} as const;

const inBox = (box: { lat: readonly number[]; lon: readonly number[] }, lat: number, lon: number) =>
  lat >= (box.lat[0] as number) &&
  lat <= (box.lat[1] as number) &&
  lon >= (box.lon[0] as number) &&
  lon <= (box.lon[1] as number);

/**
 * A deliberately simple second reading of the file, to check the importer against:
 * split lines, then split on commas outside double quotes.
 */
function independentRows(text: string): { id: string; state: string; division: string }[] {
  const [, ...lines] = text.trim().split('\n');
  return lines.map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, '')) ?? [];
    return { id: cells[0] ?? '', state: cells[3] ?? '', division: cells[4] ?? '' };
  });
}

describe.skipIf(!available)(`importing the real 2019 family medicine list (${FM_2019})`, () => {
  const bytes = available ? new Uint8Array(readFileSync(FM_2019)) : new Uint8Array();
  const text = available ? new TextDecoder().decode(bytes) : '';
  const expected = independentRows(text);

  const run = () => {
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const table = parseCsv(decoded.value);
    if (!table.ok) throw new Error(table.error.message);
    const mapping = detectMapping(table.value.headers);
    const mapped = mapRows(table.value, mapping, {
      origin: 'import fm-programs-2019.csv',
      asOf: '2026-11-25',
    });
    return { mapping, mapped };
  };

  it('detects every column and needs no manual mapping', () => {
    const { mapping } = run();
    expect(missingRequiredFields(mapping)).toEqual([]);
    expect(mapping).not.toContain(null);
  });

  it('reads 348 rows with 347 distinct ids, all valid, and reports the one repeated id with both lines', () => {
    const { mapped } = run();
    expect(expected).toHaveLength(348);
    expect(mapped.totalRows).toBe(348);
    expect(mapped.errors).toEqual([]);
    expect(mapped.programs).toHaveLength(347);
    expect(new Set(expected.map((row) => row.id)).size).toBe(347);

    const firstIndex = new Map<string, number>();
    const repeats: { line: number; acgmeId: string; firstLine: number }[] = [];
    expected.forEach((row, index) => {
      const first = firstIndex.get(row.id);
      if (first === undefined) firstIndex.set(row.id, index);
      else repeats.push({ line: index + 2, acgmeId: row.id, firstLine: first + 2 }); // +2: header, 1-based
    });
    expect(repeats).toHaveLength(1);
    expect(mapped.duplicates).toEqual(repeats);
  });

  it('finds family medicine in every row, from the ACGME id alone', () => {
    const { mapped } = run();
    expect(mapped.programs.every((p) => p.program.specialty === 'family-medicine')).toBe(true);
    expect(mapped.programs.every((p) => p.program.acgmeId.startsWith('120'))).toBe(true);
  });

  it("agrees with the file's census division column for every state", () => {
    for (const row of expected) {
      const division = STATES[row.state]?.division ?? 'Territory';
      expect(`${row.state}: ${row.division}`).toBe(`${row.state}: ${division}`);
    }
    const { mapped } = run();
    for (const { program } of mapped.programs) {
      expect(program.censusDivision).toBe(STATES[program.state]?.division);
    }
  });

  it('places every program inside the U.S. (contiguous states, Alaska, Hawaii or Puerto Rico)', () => {
    const { mapped } = run();
    for (const { program } of mapped.programs) {
      const { latitude: lat, longitude: lon, state } = program;
      expect(lat).not.toBeNull();
      const box = state === 'AK' || state === 'HI' || state === 'PR' ? BOXES[state] : BOXES.contiguous;
      expect(inBox(box, lat as number, lon as number), `${program.acgmeId} ${state} ${lat},${lon}`).toBe(
        true,
      );
    }
  });

  it('counts programs per state as the file has them', () => {
    const perStateExpected = new Map<string, Set<string>>();
    for (const row of expected)
      perStateExpected.set(row.state, (perStateExpected.get(row.state) ?? new Set()).add(row.id));
    const perState = new Map<string, number>();
    const { mapped } = run();
    for (const { program } of mapped.programs)
      perState.set(program.state, (perState.get(program.state) ?? 0) + 1);

    expect(Object.fromEntries(perState)).toEqual(
      Object.fromEntries([...perStateExpected].map(([state, ids]) => [state, ids.size])),
    );
    const [topState, topCount] =
      [...perStateExpected].map(([s, ids]) => [s, ids.size] as const).sort((a, b) => b[1] - a[1])[0] ?? [];
    const [importedTop] = [...perState].sort((a, b) => b[1] - a[1]);
    expect(importedTop).toEqual([topState, topCount]);
    // California has the most family medicine programs in any U.S. list; a sanity check on the file itself.
    expect(topState).toBe('CA');
  });

  it('plans 347 new programs into an empty catalog, and none on a second import', () => {
    const { mapped } = run();
    const first = planMerge(mapped.programs, new Map());
    expect(first.create).toHaveLength(347);
    const catalog = new Map(first.create.map((program) => [program.acgmeId, program]));
    expect(planMerge(mapped.programs, catalog)).toMatchObject({ create: [], update: [] });
    expect(planMerge(mapped.programs, catalog).unchanged).toHaveLength(347);
  });
});
