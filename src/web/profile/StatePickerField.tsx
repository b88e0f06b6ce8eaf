import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { STATE_CODES, STATES } from '../../core/geo/census.js';
import { FieldError, FieldHint, type ListPath, useDescribedBy } from './fields.js';
import { useProfileForm } from './form-context.js';
import { filterStates } from './state-search.js';
import { fieldId } from './steps.js';

interface StatePickerFieldProps {
  path: ListPath;
  legend: string;
  hint?: ReactNode;
}

const stateName = (code: string): string => STATES[code]?.name ?? code;

/**
 * Several U.S. states chosen with the keyboard or a pointer: a "Find a state" box narrows a list of
 * checkboxes (Enter adds the first match), and each chosen state is a button that removes it.
 * Native checkboxes keep the semantics plain for screen readers.
 */
export function StatePickerField({ path, legend, hint }: StatePickerFieldProps) {
  const { draft, setField, blurField, errors } = useProfileForm();
  const described = useDescribedBy(path, Boolean(hint));
  const [filter, setFilter] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const uid = useId();
  const selected = draft[path];
  const matches = filterStates(STATE_CODES, filter);

  const update = (next: string[], message: string) => {
    setField(
      path,
      STATE_CODES.filter((code) => next.includes(code)),
    );
    setAnnouncement(message);
  };
  const add = (code: string) => update([...selected, code], `Added ${stateName(code)}`);
  const remove = (code: string) =>
    update(
      selected.filter((item) => item !== code),
      `Removed ${stateName(code)}`,
    );

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = matches.find((code) => !selected.includes(code));
    if (first) {
      add(first);
      setFilter('');
    } else if (matches.length === 0) {
      setAnnouncement(`No state matches “${filter}”`);
    }
  };

  return (
    <fieldset className="field state-picker" aria-describedby={described['aria-describedby']}>
      <legend>{legend}</legend>
      <FieldHint path={path}>{hint}</FieldHint>
      <div className="selected-states">
        {selected.length === 0 ? (
          <p className="muted">None chosen.</p>
        ) : (
          <ul aria-label={`Chosen: ${legend.toLowerCase()}`} className="chip-list">
            {selected.map((code) => (
              <li key={code}>
                <button
                  type="button"
                  className="chip"
                  aria-label={`Remove ${stateName(code)}`}
                  onClick={() => remove(code)}
                >
                  {stateName(code)} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="field state-filter">
        <label htmlFor={fieldId(path)}>
          Find a state<span className="visually-hidden"> for {legend.toLowerCase()}</span>
        </label>
        <input
          id={fieldId(path)}
          type="search"
          autoComplete="off"
          value={filter}
          aria-controls={`${uid}-list`}
          aria-describedby={`${uid}-tip`}
          aria-invalid={errors[path] !== undefined || undefined}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={onFilterKeyDown}
          onBlur={() => blurField(path)}
        />
        <p id={`${uid}-tip`} className="field-hint">
          Type a name or postal code; press Enter to add the first match.
        </p>
      </div>
      <div id={`${uid}-list`} className="state-options" role="group" aria-label={`${legend}: all states`}>
        {matches.length === 0 ? <p className="muted">No state matches.</p> : null}
        {matches.map((code) => {
          const id = `${uid}-${code}`;
          return (
            <div className="choice" key={code}>
              <input
                type="checkbox"
                id={id}
                checked={selected.includes(code)}
                onChange={(event) => (event.target.checked ? add(code) : remove(code))}
                onBlur={() => blurField(path)}
              />
              <label htmlFor={id}>
                {stateName(code)} <span className="muted">({code})</span>
              </label>
            </div>
          );
        })}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <FieldError path={path} />
    </fieldset>
  );
}
