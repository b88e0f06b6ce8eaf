import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { sendJson } from '../../server/testing/send-json.js';
import { readImportFileOffThread } from './read-import-file-off-thread.js';
import { readImportFile } from './read-spreadsheet.js';
import { buildXlsx, smallProgramWorkbook, wideHostileWorkbook } from './testing/xlsx-builder.js';

describe('reading a hostile workbook', () => {
  it('refuses the issue-10 workbook (cells in A and XFD on 2,500 rows) by row and column, with little memory', async () => {
    const hostile = wideHostileWorkbook();
    expect(hostile.length).toBeLessThan(40_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const read = await readImportFile('programs.xlsx', hostile);
    // Generous bound: the old reader took 9 s for 500 of these rows and ran out of heap at 2,500.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(read).toEqual({
      ok: false,
      error: {
        kind: 'too-large',
        line: 1,
        message: expect.stringMatching(
          /^Row 1 has a value in column XFD; the importer reads columns A to GR/,
        ),
      },
    });
  });

  it('reads cells out to column GR, ignores formatting-only cells further right, and refuses GS', async () => {
    const edge = buildXlsx([
      {
        row: 1,
        cells: [
          [1, 'ACGME ID'],
          [200, 'Notes'],
          [16_384, { xml: '<c r="{ref}" s="0"/>' }],
        ],
      },
      {
        row: 2,
        cells: [
          [1, 1209900101],
          [200, 'ok'],
        ],
      },
    ]);
    const read = await readImportFile('edge.xlsx', edge);
    expect(read.ok && read.value.table.rows[0]?.cells.length).toBe(200);
    const beyond = buildXlsx([
      {
        row: 4,
        cells: [
          [1, 'ACGME ID'],
          [201, 'x'],
        ],
      },
    ]);
    expect(await readImportFile('beyond.xlsx', beyond)).toMatchObject({
      ok: false,
      error: { line: 4, message: expect.stringContaining('column GS') },
    });
  });

  it('refuses a sheet past the row and cell limits, naming the row where it stopped', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ row: i + 1, cells: [[1, i] as [number, number]] }));
    const { readXlsx } = await import('./read-xlsx.js');
    const limits = {
      maxColumns: 200,
      maxRows: 10,
      maxCells: 1_000,
      maxZipEntries: 100,
      maxInflatedBytes: 1e7,
    };
    const tooManyRows = await readXlsx(buildXlsx(rows), { ...limits, timeoutMs: 0, workerHeapMb: 0 });
    expect(tooManyRows).toMatchObject({ ok: false, error: { kind: 'too-large', line: 11 } });
    const tooManyCells = await readXlsx(buildXlsx(rows), {
      ...limits,
      maxRows: 100,
      maxCells: 20,
      timeoutMs: 0,
      workerHeapMb: 0,
    });
    expect(tooManyCells).toMatchObject({
      ok: false,
      error: { line: 21, message: expect.stringContaining('filled cells') },
    });
  });

  it('reads in a worker thread: the same answer as on this thread, and a stopped worker is a refusal', async () => {
    const small = smallProgramWorkbook();
    expect(await readImportFileOffThread('programs.xlsx', small)).toEqual(
      await readImportFile('programs.xlsx', small),
    );
    expect(
      await readImportFileOffThread('programs.xlsx', small, { limits: { timeoutMs: 1, workerHeapMb: 64 } }),
    ).toEqual({
      ok: false,
      error: { kind: 'too-large', message: expect.stringMatching(/^Reading the file took longer than 0 s/) },
    });
  });
});

describeEachEngine('Importing a hostile workbook over HTTP', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent') });
  });
  afterAll(async () => db?.close());

  it('answers 422 naming the row and column, while /api/health keeps answering', async () => {
    const body = {
      filename: 'programs.xlsx',
      contentBase64: Buffer.from(wideHostileWorkbook()).toString('base64'),
    };
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let importDone = false;
    let healthAnswersDuringImport = 0;
    const importing = Promise.resolve(sendJson(app, 'POST', '/api/imports/preview', body)).finally(() => {
      importDone = true;
    });
    while (!importDone) {
      // A pause between checks, as a polling client would leave: in-process PGlite answers in microtasks only,
      // so back-to-back checks would never let the worker's reply in.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const health = await app.request('/api/health');
      expect(health.status).toBe(200);
      if (!importDone) healthAnswersDuringImport++;
    }
    const response = await importing;
    delay.disable();

    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([{ path: 'line 1', message: expect.stringContaining('column XFD') }]);
    // The parse ran in a worker: health checks were answered meanwhile, and the loop never stalled for long.
    expect(healthAnswersDuringImport).toBeGreaterThan(0);
    expect(delay.max / 1e6).toBeLessThan(1_000);
  });
});
