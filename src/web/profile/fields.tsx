import type { ReactNode } from 'react';
import type { DraftPath, ProfileDraft } from './draft.js';
import { useProfileForm } from './form-context.js';
import { errorId, fieldId, hintId } from './steps.js';

export interface Option {
  value: string;
  label: string;
}

type StringPath = { [P in DraftPath]: ProfileDraft[P] extends string ? P : never }[DraftPath];

/** Error text under a field; role="alert" so it is announced the moment it appears. */
export function FieldError({ path }: { path: DraftPath }) {
  const { errors } = useProfileForm();
  const message = errors[path];
  if (message === undefined) return null;
  return (
    <p id={errorId(path)} className="field-error" role="alert">
      {message}
    </p>
  );
}

export function FieldHint({ path, children }: { path: DraftPath; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={hintId(path)} className="field-hint">
      {children}
    </p>
  );
}

/** aria-describedby and aria-invalid for a control: its hint and, when invalid, its error. */
export function useDescribedBy(path: DraftPath, hasHint: boolean) {
  const { errors } = useProfileForm();
  const invalid = errors[path] !== undefined;
  const ids = [hasHint ? hintId(path) : null, invalid ? errorId(path) : null].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': invalid || undefined };
}

interface TextFieldProps {
  path: StringPath;
  label: string;
  hint?: ReactNode;
  autoComplete?: string;
}

export function TextField({ path, label, hint, autoComplete }: TextFieldProps) {
  const { draft, setField, blurField } = useProfileForm();
  const described = useDescribedBy(path, Boolean(hint));
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      <FieldHint path={path}>{hint}</FieldHint>
      <input
        id={fieldId(path)}
        type="text"
        value={draft[path] as string}
        autoComplete={autoComplete ?? 'off'}
        onChange={(event) => setField(path, event.target.value as never)}
        onBlur={() => blurField(path)}
        {...described}
      />
      <FieldError path={path} />
    </div>
  );
}

interface NumberFieldProps {
  path: StringPath;
  label: string;
  hint?: ReactNode;
  /** "decimal" for dollars and months; whole numbers otherwise. */
  inputMode?: 'numeric' | 'decimal';
  suffix?: string;
}

/**
 * A number typed as text: any value can be entered (e.g. "320") and is checked against the core schema,
 * which says what is wrong, rather than min/max attributes silently refusing it.
 */
export function NumberField({ path, label, hint, inputMode = 'numeric', suffix }: NumberFieldProps) {
  const { draft, setField, blurField } = useProfileForm();
  const described = useDescribedBy(path, Boolean(hint));
  return (
    <div className="field field-number">
      <label htmlFor={fieldId(path)}>{label}</label>
      <FieldHint path={path}>{hint}</FieldHint>
      <div className="input-with-suffix">
        <input
          id={fieldId(path)}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          value={draft[path] as string}
          onChange={(event) => setField(path, event.target.value as never)}
          onBlur={() => blurField(path)}
          {...described}
        />
        {suffix ? <span className="suffix">{suffix}</span> : null}
      </div>
      <FieldError path={path} />
    </div>
  );
}

interface SelectFieldProps {
  path: StringPath;
  label: string;
  options: Option[];
  hint?: ReactNode;
  /** Shown first with an empty value, e.g. "Choose…", when the field may start unset. */
  placeholder?: string;
}

export function SelectField({ path, label, options, hint, placeholder }: SelectFieldProps) {
  const { draft, setField, blurField } = useProfileForm();
  const described = useDescribedBy(path, Boolean(hint));
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      <FieldHint path={path}>{hint}</FieldHint>
      <select
        id={fieldId(path)}
        value={draft[path] as string}
        onChange={(event) => setField(path, event.target.value as never)}
        onBlur={() => blurField(path)}
        {...described}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError path={path} />
    </div>
  );
}

interface RadioFieldProps {
  path: StringPath;
  legend: string;
  options: Option[];
  hint?: ReactNode;
}

/** A fieldset of radios; the first radio carries the field id so focus can move to the group. */
export function RadioField({ path, legend, options, hint }: RadioFieldProps) {
  const { draft, setField, blurField, errors } = useProfileForm();
  const described = useDescribedBy(path, Boolean(hint));
  const name = fieldId(path);
  return (
    <fieldset className="field radio-group" aria-describedby={described['aria-describedby']}>
      <legend>{legend}</legend>
      <FieldHint path={path}>{hint}</FieldHint>
      <div className="choices">
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={draft[path] === option.value}
                aria-invalid={errors[path] !== undefined || undefined}
                onChange={() => setField(path, option.value as never)}
                onBlur={() => blurField(path)}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      <FieldError path={path} />
    </fieldset>
  );
}

type ListPath = { [P in DraftPath]: ProfileDraft[P] extends string[] ? P : never }[DraftPath];

interface CheckboxGroupFieldProps {
  path: ListPath;
  legend: string;
  options: Option[];
  hint?: ReactNode;
}

export function CheckboxGroupField({ path, legend, options, hint }: CheckboxGroupFieldProps) {
  const { draft, setField, blurField, errors } = useProfileForm();
  const described = useDescribedBy(path, Boolean(hint));
  const selected = draft[path];
  const name = fieldId(path);
  const toggle = (value: string, checked: boolean) => {
    const next = checked ? [...selected, value] : selected.filter((item) => item !== value);
    setField(
      path,
      options.map((option) => option.value).filter((v) => next.includes(v)),
    );
  };
  return (
    <fieldset className="field checkbox-group" aria-describedby={described['aria-describedby']}>
      <legend>{legend}</legend>
      <FieldHint path={path}>{hint}</FieldHint>
      <div className="choices choices-columns">
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${index}`;
          return (
            <div className="choice" key={option.value}>
              <input
                type="checkbox"
                id={id}
                checked={selected.includes(option.value)}
                aria-invalid={errors[path] !== undefined || undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
                onBlur={() => blurField(path)}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      <FieldError path={path} />
    </fieldset>
  );
}

export type { ListPath, StringPath };
