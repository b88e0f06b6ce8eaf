import type { ReactNode } from 'react';

export interface NumberInputProps {
  id: string;
  /** The visible label; may carry visually hidden words (e.g. " (tier 2)") that make the name unique. */
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string | undefined;
  inputMode: 'numeric' | 'decimal';
  className?: string;
}

/** A number typed as text (as on the profile form), its hint and error tied to it for screen readers. */
export function NumberInput({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  inputMode,
  className,
}: NumberInputProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field field-number${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
