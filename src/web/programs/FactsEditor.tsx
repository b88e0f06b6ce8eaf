import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PROGRAM_FACT_KEYS, type Program } from '../../core/catalog/program.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { request } from '../lib/api/client.js';
import { toProblem } from '../lib/api/problem.js';
import { queryKeys } from '../lib/api/queries.js';
import { FACT_LABELS } from '../lib/labels.js';
import { BOOLEAN_FACTS, type FactsErrors, factsToDraft, parseFactsDraft } from './facts-form.js';

interface FactsEditorProps {
  program: Program;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * The research facts as a form: each fact's value ("unknown" by leaving it empty), where it comes from and when.
 * Checked here with the core schema, and again by the server (PUT /api/programs/:id/facts).
 */
export function FactsEditor({ program, onDone, onCancel }: FactsEditorProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => factsToDraft(program.facts));
  const [errors, setErrors] = useState<FactsErrors>({});
  const save = useMutation({
    mutationFn: (facts: Program['facts']) =>
      request<Program>('PUT', `/api/programs/${encodeURIComponent(program.acgmeId)}/facts`, facts),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.program(program.acgmeId), saved);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'program' });
      onDone('Research facts saved.');
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseFactsDraft(draft);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) save.mutate(parsed.facts);
    else {
      const first = Object.keys(parsed.errors)[0];
      if (first) document.getElementById(`fact-${first.replace('.', '-')}`)?.focus();
    }
  };
  const field = (key: (typeof PROGRAM_FACT_KEYS)[number], part: 'value' | 'source' | 'asOf') => {
    const id = `fact-${key}-${part}`;
    const error = errors[`${key}.${part}`];
    return {
      props: {
        id,
        value: draft[key][part],
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
        onChange: (event: { target: { value: string } }) =>
          setDraft((current) => ({ ...current, [key]: { ...current[key], [part]: event.target.value } })),
      },
      error: error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null,
    };
  };
  return (
    <form className="facts-form" noValidate onSubmit={onSubmit} aria-label="Edit research facts">
      <p className="muted small">
        Leave a value empty for unknown: Matchwise never guesses it. A value needs where it comes from and
        when.
      </p>
      {PROGRAM_FACT_KEYS.map((key) => {
        const value = field(key, 'value');
        const source = field(key, 'source');
        const asOf = field(key, 'asOf');
        return (
          <fieldset key={key} className="fact-fieldset">
            <legend>{FACT_LABELS[key]}</legend>
            <div className="field">
              <label htmlFor={value.props.id}>Value{key === 'imgShare' ? ' (%)' : ''}</label>
              {BOOLEAN_FACTS.has(key) ? (
                <select {...value.props}>
                  <option value="">Unknown</option>
                  <option value="yes">Yes</option>
                  <option value="no">No</option>
                </select>
              ) : (
                <input {...value.props} inputMode="decimal" placeholder="Unknown" />
              )}
              {value.error}
            </div>
            <div className="field">
              <label htmlFor={source.props.id}>Source</label>
              <input {...source.props} />
              {source.error}
            </div>
            <div className="field">
              <label htmlFor={asOf.props.id}>As of</label>
              <input {...asOf.props} type="date" />
              {asOf.error}
            </div>
          </fieldset>
        );
      })}
      {save.isError ? (
        <ProblemAlert problem={toProblem(save.error)} heading="The facts were not saved" />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          Save facts
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
