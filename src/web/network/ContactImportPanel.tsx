import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { readFileAsBase64 } from '../import/base64.js';
import {
  type ContactImportPreview,
  type ContactImportRequest,
  type ContactImportResult,
  networkApi,
  networkKeys,
} from '../lib/api/network.js';
import { toProblem } from '../lib/api/problem.js';
import { plural } from '../lib/labels.js';

const FORMAT_LABELS: Record<ContactImportPreview['format'], string> = {
  'linkedin-csv': 'LinkedIn connections (CSV)',
  vcard: 'vCard',
  'matchwise-csv': 'Matchwise contacts CSV',
};

const REASON_LABELS = { 'same-email': 'same email', 'same-linkedin': 'same LinkedIn profile' } as const;

/** Import contacts: pick a file, see what would be added, what is a duplicate and which lines are wrong. */
export function ContactImportPanel() {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<ContactImportRequest | null>(null);
  const [result, setResult] = useState<ContactImportResult | null>(null);

  const preview = useMutation({ mutationFn: networkApi.previewContactImport });
  const commit = useMutation({
    mutationFn: networkApi.importContacts,
    onSuccess: async (done) => {
      setResult(done);
      setFile(null);
      preview.reset();
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
    },
  });

  const onFile = async (chosen: File | undefined) => {
    setResult(null);
    commit.reset();
    if (!chosen) {
      setFile(null);
      preview.reset();
      return;
    }
    const body = { filename: chosen.name, contentBase64: await readFileAsBase64(chosen) };
    setFile(body);
    preview.mutate(body);
  };

  const data = preview.data;
  return (
    <section className="card import-contacts" aria-labelledby="import-contacts-heading">
      <h2 id="import-contacts-heading">Import contacts</h2>
      <p className="muted small">
        LinkedIn’s “Connections.csv” export, a vCard (.vcf) from your address book, or a Matchwise contacts
        CSV. Nothing is stored until you confirm; existing contacts are never overwritten.
      </p>
      <div className="field">
        <label htmlFor={inputId}>Contacts file (LinkedIn CSV or vCard)</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.vcf,text/csv,text/vcard"
          onChange={(event) => void onFile(event.target.files?.[0])}
        />
      </div>
      {preview.isPending ? <p className="busy-status">Reading the file…</p> : null}
      {preview.isError ? (
        <ProblemAlert problem={toProblem(preview.error)} heading="The file could not be read" />
      ) : null}
      {data && file ? (
        <div className="import-preview">
          <p>
            {FORMAT_LABELS[data.format]}: {plural(data.total, 'record')} read,{' '}
            {plural(data.create.length, 'new contact')}, {plural(data.duplicates.length, 'duplicate')},{' '}
            {plural(data.errors.length, 'line')} with errors.
          </p>
          {data.create.length > 0 ? (
            <>
              <h3>New contacts</h3>
              <ul className="compact-list">
                {data.create.map(({ line, contact }) => (
                  <li key={line}>
                    <span className="muted small">line {line}</span> {contact.name}
                    {contact.institution ? <span className="muted"> · {contact.institution}</span> : null}
                    {contact.email ? <span className="muted"> · {contact.email}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.duplicates.length > 0 ? (
            <>
              <h3>Duplicates (not imported; merge by hand if needed)</h3>
              <ul className="compact-list">
                {data.duplicates.map((duplicate) => (
                  <li key={duplicate.line}>
                    <span className="muted small">line {duplicate.line}</span> {duplicate.contact.name}: same
                    person as {duplicate.existingName}
                    {duplicate.existingId === null ? ' (earlier in this file)' : ''} —{' '}
                    {duplicate.reasons.map((reason) => REASON_LABELS[reason]).join(', ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.errors.length > 0 ? (
            <>
              <h3>Lines with errors (not imported)</h3>
              <ul className="compact-list import-errors">
                {data.errors.map((error, index) => (
                  <li key={index}>
                    <strong>line {error.line}</strong>
                    {error.field ? ` (${error.field})` : ''}: {error.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={data.create.length === 0 || commit.isPending}
              aria-busy={commit.isPending}
              onClick={() => commit.mutate(file)}
            >
              Import {plural(data.create.length, 'contact')}
            </button>
          </div>
        </div>
      ) : null}
      {commit.isError ? <ProblemAlert problem={toProblem(commit.error)} heading="The import failed" /> : null}
      <div role="status" aria-live="polite" className="form-status">
        {result ? (
          <p className="status-success">
            Imported {plural(result.createdIds.length, 'contact')} into the outer circle
            {result.duplicates.length > 0
              ? `; ${plural(result.duplicates.length, 'duplicate')} left out`
              : ''}
            {result.errors.length > 0 ? `; ${plural(result.errors.length, 'line')} with errors left out` : ''}
            .
          </p>
        ) : null}
      </div>
    </section>
  );
}
