import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { ImportField } from '../../core/catalog/import/types.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { readFileAsBase64 } from '../import/base64.js';
import { FileDropZone } from '../import/FileDropZone.js';
import { ImportHistory } from '../import/ImportHistory.js';
import { ImportReportView } from '../import/ImportReportView.js';
import { MappingTable } from '../import/MappingTable.js';
import { PreviewResults } from '../import/PreviewResults.js';
import { api } from '../lib/api/client.js';
import { type Problem, toProblem } from '../lib/api/problem.js';
import { queryKeys } from '../lib/api/queries.js';
import type { ImportPreview, ImportRecord, ImportRequest } from '../lib/api/types.js';
import { IMPORT_FIELD_LABELS, plural } from '../lib/labels.js';

type Busy = null | 'reading' | 'previewing' | 'importing';

const BUSY_TEXT: Record<Exclude<Busy, null>, string> = {
  reading: 'Reading the file…',
  previewing: 'Checking the rows…',
  importing: 'Importing…',
};

/**
 * Import a CSV or XLSX program list: preview the column mapping and every row's problems, adjust the
 * mapping (re-previewed each time), then import the valid rows in one go.
 */
export function ImportPage() {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<Omit<ImportRequest, 'mapping'> | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [report, setReport] = useState<ImportRecord | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [inputVersion, setInputVersion] = useState(0);
  // Only the answer to the latest request counts, so a quick run of mapping changes cannot show a stale preview.
  const latest = useRef(0);

  const runPreview = async (body: ImportRequest) => {
    const ticket = ++latest.current;
    setBusy('previewing');
    setProblem(null);
    try {
      const result = await api.previewImport(body);
      if (ticket !== latest.current) return;
      setPreview(result);
    } catch (error) {
      if (ticket !== latest.current) return;
      setPreview(null);
      setProblem(toProblem(error));
    } finally {
      if (ticket === latest.current) setBusy(null);
    }
  };

  const onFile = async (chosen: File) => {
    setReport(null);
    setPreview(null);
    setProblem(null);
    setBusy('reading');
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(chosen);
    } catch {
      setBusy(null);
      setProblem({ type: 'about:blank', title: `${chosen.name} could not be read`, status: 0, errors: [] });
      return;
    }
    const next = { filename: chosen.name, contentBase64 };
    setFile(next);
    await runPreview(next);
  };

  const onMappingChange = (mapping: (ImportField | null)[]) => {
    if (!file || !preview) return;
    setPreview({ ...preview, mapping });
    void runPreview({ ...file, mapping });
  };

  const onImport = async () => {
    if (!file || !preview) return;
    const ticket = ++latest.current;
    setBusy('importing');
    setProblem(null);
    try {
      const result = await api.runImport({ ...file, mapping: preview.mapping });
      setReport(result);
      setPreview(null);
      setFile(null);
      setInputVersion((version) => version + 1);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programsAll }),
        queryClient.invalidateQueries({ queryKey: queryKeys.imports }),
        queryClient.invalidateQueries({ queryKey: queryKeys.health }),
      ]);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      if (ticket === latest.current) setBusy(null);
    }
  };

  const startOver = () => {
    latest.current += 1;
    setFile(null);
    setPreview(null);
    setProblem(null);
    setReport(null);
    setBusy(null);
    setInputVersion((version) => version + 1);
  };

  const missing = preview?.missingFields ?? [];
  const canImport = preview !== null && missing.length === 0 && preview.valid > 0 && busy === null;
  const statusText = busy
    ? BUSY_TEXT[busy]
    : report
      ? `Import finished: ${plural(report.created, 'program')} added.`
      : preview
        ? `${preview.filename}: ${plural(preview.totalRows, 'row')}, ${preview.valid.toLocaleString('en-US')} valid.`
        : '';

  return (
    <>
      <title>Import · Matchwise</title>
      <div className="page-header">
        <h1>Import programs</h1>
        <p className="lede">
          Bring in the programs you are considering from a spreadsheet (CSV or Excel XLSX). You will see what
          would change before anything is saved; nothing already stored is deleted, and empty cells never
          erase what is known.
        </p>
      </div>

      <section className="card" aria-labelledby="choose-heading" aria-busy={busy !== null}>
        <h2 id="choose-heading">1. Choose a file</h2>
        <FileDropZone
          inputId={inputId}
          disabled={busy !== null}
          resetKey={inputVersion}
          onFile={(chosen) => void onFile(chosen)}
        />
        {file ? (
          <p className="chosen-file">
            Chosen: <strong>{file.filename}</strong>{' '}
            <button
              type="button"
              className="button ghost small"
              onClick={startOver}
              disabled={busy === 'importing'}
            >
              Start over
            </button>
          </p>
        ) : null}
        <div className="busy-status" role="status" aria-live="polite">
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {statusText}
        </div>
        {problem ? (
          <ProblemAlert
            problem={problem}
            heading={
              problem.status === 422
                ? undefined
                : problem.status === 400
                  ? 'This file cannot be imported'
                  : 'Something went wrong'
            }
          />
        ) : null}
      </section>

      {preview ? (
        <section className="card" aria-labelledby="mapping-heading" aria-busy={busy === 'previewing'}>
          <h2 id="mapping-heading">2. Check the columns</h2>
          <p>
            Matchwise guessed which field each column holds. Change any that are wrong; the preview updates as
            you go. Required: {preview.requiredFields.map((field) => IMPORT_FIELD_LABELS[field]).join(', ')}.
          </p>
          {missing.length > 0 ? (
            <div className="alert alert-warning" role="alert">
              <p className="alert-title">
                {missing.length === 1 ? 'A required field has' : 'Required fields have'} no column
              </p>
              <p>
                Choose a column for {missing.map((field) => IMPORT_FIELD_LABELS[field]).join(', ')} before
                importing.
              </p>
            </div>
          ) : null}
          <MappingTable preview={preview} disabled={busy === 'importing'} onChange={onMappingChange} />
        </section>
      ) : null}

      {preview ? (
        <section className="card" aria-labelledby="review-heading" aria-busy={busy === 'previewing'}>
          <h2 id="review-heading">3. Review and import</h2>
          <PreviewResults preview={preview} />
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => void onImport()}
              disabled={!canImport}
              aria-busy={busy === 'importing'}
              aria-describedby="import-button-note"
            >
              Import {plural(preview.valid, 'valid row')}
            </button>
          </div>
          <p id="import-button-note" className="muted">
            {missing.length > 0
              ? 'Map the required fields first.'
              : preview.valid === 0
                ? 'There are no valid rows to import.'
                : 'Valid rows are saved together; invalid rows are skipped and listed above.'}
          </p>
        </section>
      ) : null}

      {report ? <ImportReportView report={report} /> : null}

      <ImportHistory />
    </>
  );
}
