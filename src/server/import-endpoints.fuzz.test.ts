import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smallProgramWorkbook } from '../app/import/testing/xlsx-builder.js';
import type { Database } from '../db/index.js';
import { describeEachEngine } from '../db/testing/engines.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { sendJson } from './testing/send-json.js';

/**
 * The import endpoints under random files (issue 10, "never a 500"): the importers themselves are fuzzed
 * 1,000 cases each beside their code; this checks the HTTP layer maps every outcome to 2xx or 4xx. Program
 * imports start a worker thread per file, so they get fewer cases.
 */
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

const anyFile = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ maxLength: 200 }).map((text) => new TextEncoder().encode(text)),
  fc
    .record({ at: fc.nat({ max: 2_000 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) })
    .map(({ at, bytes }) => {
      const workbook = smallProgramWorkbook();
      workbook.set(
        bytes.subarray(0, Math.max(0, workbook.length - (at % workbook.length))),
        at % workbook.length,
      );
      return workbook;
    }),
);

describeEachEngine('Import endpoints under random files', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent') });
  });
  afterAll(async () => db?.close());

  it('contacts import and backup preview answer 2xx or 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyFile,
        fc.constantFrom('Connections.csv', 'contacts.vcf', 'backup'),
        async (bytes, kind) => {
          const response =
            kind === 'backup'
              ? await app.request('/api/backup/preview', {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: Buffer.from(bytes),
                })
              : await sendJson(app, 'POST', '/api/contacts/import/preview', {
                  filename: kind,
                  contentBase64: base64(bytes),
                });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200, timeout: 5_000 },
    );
  });

  it('program import preview answers 2xx or 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyFile, fc.constantFrom('programs.csv', 'programs.xlsx'), async (bytes, filename) => {
        const response = await sendJson(app, 'POST', '/api/imports/preview', {
          filename,
          contentBase64: base64(bytes),
        });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 10, timeout: 20_000 },
    );
  });
});
