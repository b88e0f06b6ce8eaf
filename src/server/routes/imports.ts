import { Hono } from 'hono';
import { z } from 'zod';
import {
  commitImport,
  type ImportFailure,
  type ImportRequest,
  previewImport,
} from '../../app/import/import-service.js';
import { readImportFileOffThread } from '../../app/import/read-import-file-off-thread.js';
import { todayIso } from '../../app/today.js';
import { IMPORT_FIELDS } from '../../core/catalog/import/types.js';
import { storableText } from '../../core/shared/storable-text.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody } from '../read-body.js';

const importBodySchema = z.object({
  filename: storableText().trim().min(1, 'Name the file').max(255),
  contentBase64: storableText()
    .min(1, 'The file is empty')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the file content as base64'),
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).optional(),
});

function toRequest(body: z.infer<typeof importBodySchema>): ImportRequest {
  return {
    filename: body.filename,
    bytes: new Uint8Array(Buffer.from(body.contentBase64, 'base64')),
    mapping: body.mapping,
    today: todayIso(),
    read: readImportFileOffThread,
  };
}

function failureProblem(failure: ImportFailure): ProblemError {
  switch (failure.kind) {
    case 'file': {
      const { error } = failure;
      const path = error.line === undefined ? 'file' : `line ${error.line}`;
      return new ProblemError(422, 'The file cannot be imported', [{ path, message: error.message }]);
    }
    case 'mapping':
      return new ProblemError(400, 'The column mapping does not fit the file', [
        { path: 'mapping', message: failure.message },
      ]);
    case 'missing-fields':
      return new ProblemError(
        422,
        'Map a column to every required field before importing',
        failure.missing.map((field) => ({
          path: `mapping.${field}`,
          message: `No column is mapped to ${field}`,
        })),
      );
  }
}

export function importRoutes() {
  return new Hono<OwnerEnv>()
    .post('/preview', async (c) => {
      const result = await previewImport(c.var.db, toRequest(await readBody(c, importBodySchema)));
      if (!result.ok) throw failureProblem(result.error);
      return c.json(result.value);
    })
    .post('/', async (c) => {
      const result = await commitImport(c.var.db, toRequest(await readBody(c, importBodySchema)));
      if (!result.ok) throw failureProblem(result.error);
      return c.json(result.value, 201);
    })
    .get('/', async (c) => c.json({ items: await c.var.db.imports.list() }));
}
