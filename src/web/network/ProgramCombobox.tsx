import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { type PickableProgram, programLabel, searchPrograms } from './program-search.js';

interface ProgramComboboxProps {
  label: string;
  /** The chosen program's ACGME id, or '' for none. */
  value: string;
  onChange: (acgmeId: string) => void;
  onBlur?: () => void;
  programs: readonly PickableProgram[];
  name?: string;
  hint?: string;
  error?: string;
}

/**
 * A program chosen from the catalog, never typed free: an ARIA 1.2 combobox (input + listbox) that searches by
 * name, city, state or ACGME id. Arrow keys move through the matches, Enter or a click chooses one, Escape
 * closes the list; clearing the text clears the choice. Text that is not a catalog program chooses nothing.
 */
export function ProgramCombobox({
  label,
  value,
  onChange,
  onBlur,
  programs,
  name,
  hint,
  error,
}: ProgramComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const chosen = useMemo(
    () => programs.find((program) => program.acgmeId === value) ?? null,
    [programs, value],
  );
  const [text, setText] = useState(chosen ? programLabel(chosen) : value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // A choice made elsewhere (a reset after saving, the catalog arriving) shows in the box.
  useEffect(() => {
    setText(chosen ? programLabel(chosen) : value);
  }, [chosen, value]);

  const matches = useMemo(
    () => (chosen && text === programLabel(chosen) ? [] : searchPrograms(programs, text)),
    [programs, text, chosen],
  );
  const expanded = open && matches.length > 0;
  const choose = (program: PickableProgram) => {
    onChange(program.acgmeId);
    setText(programLabel(program));
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (matches.length === 0 ? 0 : (current + step + matches.length) % matches.length));
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const program = matches[active];
      if (program) choose(program);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const unknown = value !== '' && chosen === null;
  const described = [hint ? `${id}-hint` : null, error || unknown ? `${id}-error` : null].filter(Boolean);

  return (
    <div className="field program-combobox">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        aria-invalid={error || unknown ? true : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
          // Typing undoes the choice: only a program picked from the list is saved.
          if (value !== '') onChange('');
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          onBlur?.();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label}: matches`}
        className="combobox-options"
        hidden={!expanded}
      >
        {matches.map((program, index) => (
          <li
            key={program.acgmeId}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input keeps focus, so its blur does not close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(program);
            }}
          >
            {program.name} <span className="muted small">{`${program.city}, ${program.state}`}</span>
          </li>
        ))}
      </ul>
      {open && text.trim() !== '' && matches.length === 0 && chosen === null ? (
        <p className="field-hint" role="status">
          No program in your catalog matches “{text.trim()}”.
        </p>
      ) : null}
      {error || unknown ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error ?? `${value} is not a program in your catalog: choose one from the list.`}
        </p>
      ) : null}
    </div>
  );
}
