import type { FileError, Table } from '../../../../core/catalog/import/types.js';
import { err, type Result } from '../../../../core/shared/result.js';

export const SAVE_AS = 'Save it as .xlsx or as "CSV UTF-8" and import that file.';

/**
 * The server reads workbooks with a streaming XLSX reader built on Node streams and zlib; the browser edition
 * does not carry it yet, and says so rather than guessing at the file.
 */
export async function readXlsx(_bytes: Uint8Array): Promise<Result<Table, FileError>> {
  return err({
    kind: 'unsupported-format',
    message:
      'Excel workbooks are read by the installed edition only for now. In Excel choose File → Save As → ' +
      '"CSV UTF-8" and import that file here.',
  });
}
