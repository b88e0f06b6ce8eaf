import { useEffect, useId, useState } from 'react';
import { CENSUS_DIVISIONS, type CensusDivision, STATE_CODES, STATES } from '../../core/geo/census.js';
import { plural } from '../lib/labels.js';
import { useDebouncedValue } from '../lib/useDebouncedValue.js';
import type { ProgramFilters } from './filters.js';

interface ProgramFiltersBarProps {
  filters: ProgramFilters;
  onChange: (filters: ProgramFilters) => void;
  /** The profile's preferred states, offered as a one-click filter. */
  preferredStates: readonly string[];
}

const SEARCH_DELAY_MS = 300;

/**
 * State, division and text filters. Selects apply at once; the search box waits until typing pauses.
 * A filter of several states (from the URL or the profile) shows as one extra option of the State select.
 */
export function ProgramFiltersBar({ filters, onChange, preferredStates }: ProgramFiltersBarProps) {
  const ids = useId();
  const states = filters.states ?? [];
  const divisions = filters.divisions ?? [];
  const urlQuery = filters.q ?? '';
  const [text, setText] = useState(urlQuery);
  const debouncedText = useDebouncedValue(text, SEARCH_DELAY_MS);

  // Typing, once it pauses, goes to the URL …
  useEffect(() => {
    if (debouncedText.trim() !== urlQuery) onChange({ ...filters, q: debouncedText });
  }, [debouncedText]);
  // … and a URL changed elsewhere (back button, Clear) comes back to the box.
  useEffect(() => {
    if (urlQuery !== text.trim()) setText(urlQuery);
  }, [urlQuery]);

  const stateValue = states.join(',');
  const divisionValue = divisions.join(',');
  const hasAny = states.length > 0 || divisions.length > 0 || urlQuery.length > 0;
  const preferredValue = [...preferredStates].sort().join(',');

  return (
    <search className="filters" aria-label="Filter programs">
      <div className="field">
        <label htmlFor={`${ids}-state`}>State</label>
        <select
          id={`${ids}-state`}
          value={stateValue}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ ...filters, states: value ? value.split(',') : [] });
          }}
        >
          <option value="">All states</option>
          {states.length > 1 ? (
            <option value={stateValue}>
              {plural(states.length, 'state')}: {states.join(', ')}
            </option>
          ) : null}
          {STATE_CODES.map((code) => (
            <option key={code} value={code}>
              {STATES[code]?.name} ({code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-division`}>Census division</label>
        <select
          id={`${ids}-division`}
          value={divisionValue}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ ...filters, divisions: value ? (value.split(',') as CensusDivision[]) : [] });
          }}
        >
          <option value="">All divisions</option>
          {divisions.length > 1 ? <option value={divisionValue}>{divisions.join(', ')}</option> : null}
          {CENSUS_DIVISIONS.map((division) => (
            <option key={division} value={division}>
              {division}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label htmlFor={`${ids}-q`}>Search programs</label>
        <input
          id={`${ids}-q`}
          type="search"
          value={text}
          placeholder="Name, institution, city or ACGME id"
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ ...filters, q: text });
          }}
        />
      </div>
      <div className="filter-actions">
        {preferredStates.length > 0 && preferredValue !== stateValue ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => onChange({ ...filters, states: [...preferredStates] })}
          >
            Use my preferred states
          </button>
        ) : null}
        {hasAny ? (
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              setText('');
              onChange({});
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </search>
  );
}
