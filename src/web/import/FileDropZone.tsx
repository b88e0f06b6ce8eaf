import { type DragEvent, useState } from 'react';

interface FileDropZoneProps {
  inputId: string;
  disabled: boolean;
  /** Changing it clears the input, so the same file can be chosen again after an import or "Start over". */
  resetKey: number;
  onFile: (file: File) => void;
}

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file input with a visible label; the surrounding area also accepts a dropped file. */
export function FileDropZone({ inputId, disabled, resetKey, onFile }: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (disabled) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      className={`drop-zone${dragging ? ' is-dragging' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={inputId}>Program file (CSV or XLSX)</label>
      <p className="field-hint" id={`${inputId}-hint`}>
        Choose a file, or drag one here. The first row must hold column headings.
      </p>
      <input
        key={resetKey}
        id={inputId}
        type="file"
        accept={ACCEPT}
        disabled={disabled}
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
