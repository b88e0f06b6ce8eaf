import type { Program } from '../../core/catalog/program.js';
import { PROGRAM_TYPE_LABELS } from '../lib/labels.js';
import { SORT_KEYS, type SortKey, type SortState } from './sort.js';

const COLUMN_LABELS: Record<SortKey, string> = {
  acgmeId: 'ACGME id',
  name: 'Program',
  city: 'City',
  state: 'State',
  division: 'Division',
  positions: 'Positions',
  type: 'Type',
};

interface ProgramTableProps {
  programs: readonly Program[];
  sort: SortState;
  onSort: (key: SortKey) => void;
  onSelect: (acgmeId: string) => void;
  selectedId: string | null;
}

export const Unknown = () => <span className="unknown">unknown</span>;

export function SyntheticBadge() {
  return (
    <span className="badge badge-synthetic" title="Generated demo data, not a real program">
      synthetic
    </span>
  );
}

/**
 * The programs as a sortable table: each header is a button (click, Enter or Space) and the sorted column
 * carries aria-sort. The program name is a button that opens its details; the table scrolls inside its
 * own region on narrow screens.
 */
export function ProgramTable({ programs, sort, onSort, onSelect, selectedId }: ProgramTableProps) {
  const sortedBy = `${COLUMN_LABELS[sort.key]}, ${sort.direction}`;
  return (
    <section className="table-scroll" aria-label="Programs table" tabIndex={0}>
      <table className="data-table programs-table">
        <caption className="visually-hidden">
          Programs, sorted by {sortedBy}. Select a program name for details.
        </caption>
        <thead>
          <tr>
            {SORT_KEYS.map((key) => {
              const active = sort.key === key;
              return (
                <th
                  key={key}
                  scope="col"
                  aria-sort={active ? sort.direction : undefined}
                  className={key === 'positions' ? 'num' : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(key)}>
                    {COLUMN_LABELS[key]}
                    <span className="sort-icon" aria-hidden="true">
                      {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {programs.map((program) => (
            <tr
              key={program.acgmeId}
              className={program.acgmeId === selectedId ? 'is-selected' : undefined}
              onClick={(event) => {
                // The name button handles its own click; any other click on the row opens details too.
                if ((event.target as HTMLElement).closest('button, a')) return;
                onSelect(program.acgmeId);
              }}
            >
              <td className="nowrap mono">{program.acgmeId}</td>
              <td className="name-cell">
                <button type="button" className="link-button" onClick={() => onSelect(program.acgmeId)}>
                  {program.name}
                </button>
                {program.synthetic ? <SyntheticBadge /> : null}
              </td>
              <td>{program.city}</td>
              <td className="nowrap">{program.state}</td>
              <td>{program.censusDivision ?? <span className="unknown">none</span>}</td>
              <td className="num">{program.positions ?? <Unknown />}</td>
              <td>{program.programType ? PROGRAM_TYPE_LABELS[program.programType] : <Unknown />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
