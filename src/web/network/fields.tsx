import { type ReactNode, useId } from 'react';

interface BaseProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown) {
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  className,
  children,
}: BaseProps & { id: string; children: ReactNode }) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface InputFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'datetime-local' | 'search' | 'number';
  autoComplete?: string;
  list?: string;
  name?: string;
  placeholder?: string;
  min?: number;
  max?: number;
}

export function InputField({
  value,
  onChange,
  onBlur,
  type = 'text',
  autoComplete,
  list,
  name,
  placeholder,
  min,
  max,
  ...base
}: InputFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} {...base}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        list={list}
        placeholder={placeholder}
        min={min}
        max={max}
        step={type === 'number' ? 1 : undefined}
        inputMode={type === 'number' ? 'numeric' : undefined}
        autoComplete={autoComplete ?? 'off'}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        {...describedBy(`${id}-hint`, `${id}-error`, base.hint, base.error)}
      />
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

export function TextAreaField({ value, onChange, rows = 3, ...base }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} {...base}>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(`${id}-hint`, `${id}-error`, base.hint, base.error)}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  name?: string;
}

export function SelectField({ value, onChange, options, name, ...base }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} {...base}>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(`${id}-hint`, `${id}-error`, base.hint, base.error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
