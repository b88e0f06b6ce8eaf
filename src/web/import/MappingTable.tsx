import type { ImportField } from '../../core/catalog/import/types.js';
import type { ImportPreview } from '../lib/api/types.js';
import { IMPORT_FIELD_LABELS } from '../lib/labels.js';
import { duplicateMappings } from './mapping.js';

interface MappingTableProps {
  preview: ImportPreview;
  disabled: boolean;
  onChange: (mapping: (ImportField | null)[]) => void;
}

/**
 * Each column heading of the file with the Program field it feeds. Required fields are marked, and a
 * field chosen for two columns is pointed out.
 */
export function MappingTable({ preview, disabled, onChange }: MappingTableProps) {
  const required = new Set(preview.requiredFields);
  const duplicated = duplicateMappings(preview.mapping);
  const label = (field: ImportField) =>
    `${IMPORT_FIELD_LABELS[field]}${required.has(field) ? ' (required)' : ''}`;

  return (
    <div className="table-scroll" role="region" aria-label="Column mapping" tabIndex={0}>
      <table className="data-table mapping-table">
        <thead>
          <tr>
            <th scope="col">Column in your file</th>
            <th scope="col">Imports as</th>
            <th scope="col">Detected</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, index) => {
            const id = `mapping-${index}`;
            const value = preview.mapping[index] ?? null;
            const detected = preview.detectedMapping[index] ?? null;
            return (
              <tr key={index}>
                <th scope="row">
                  <label htmlFor={id}>{header || `Column ${index + 1} (no heading)`}</label>
                </th>
                <td>
                  <select
                    id={id}
                    value={value ?? ''}
                    disabled={disabled}
                    aria-describedby={value && duplicated.has(value) ? `${id}-dup` : undefined}
                    onChange={(event) => {
                      const next = [...preview.mapping];
                      next[index] = (event.target.value || null) as ImportField | null;
                      onChange(next);
                    }}
                  >
                    <option value="">Ignore this column</option>
                    {preview.fields.map((field) => (
                      <option key={field} value={field}>
                        {label(field)}
                      </option>
                    ))}
                  </select>
                  {value && duplicated.has(value) ? (
                    <p id={`${id}-dup`} className="field-error">
                      {IMPORT_FIELD_LABELS[value]} is chosen for more than one column.
                    </p>
                  ) : null}
                </td>
                <td className="muted">{detected ? IMPORT_FIELD_LABELS[detected] : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
