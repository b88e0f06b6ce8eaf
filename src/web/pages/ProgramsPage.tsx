import { useCallback, useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { UsMap } from '../components/UsMap.js';
import { toProblem } from '../lib/api/problem.js';
import { useAllPrograms, useProfile, usePrograms } from '../lib/api/queries.js';
import { plural } from '../lib/labels.js';
import { markProgramsReviewed } from '../lib/visited.js';
import { hasFilters, type ProgramsView, readProgramsView, writeProgramsView } from '../programs/filters.js';
import { ProgramDetails } from '../programs/ProgramDetails.js';
import { ProgramFiltersBar } from '../programs/ProgramFiltersBar.js';
import { ProgramTable } from '../programs/ProgramTable.js';
import { nextSort, sortPrograms } from '../programs/sort.js';

/** The catalog: filters (kept in the URL), a map, and a sortable table that is also the map's text alternative. */
export function ProgramsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readProgramsView(searchParams), [searchParams]);
  const filtered = usePrograms(view.filters);
  const all = useAllPrograms();
  const profile = useProfile();

  const setView = useCallback(
    (next: Partial<ProgramsView>, options: { push?: boolean } = {}) => {
      setSearchParams((params) => writeProgramsView({ ...readProgramsView(params), ...next }), {
        replace: !options.push,
      });
    },
    [setSearchParams],
  );

  const items = filtered.data?.items;
  const sorted = useMemo(() => (items ? sortPrograms(items, view.sort) : []), [items, view.sort]);
  const total = all.data?.total ?? 0;

  useEffect(() => {
    if (total > 0) markProgramsReviewed();
  }, [total]);

  const filtering = hasFilters(view.filters);
  const selectedProgram = view.selected ? items?.find((p) => p.acgmeId === view.selected) : undefined;
  const error = filtered.error ?? all.error;

  return (
    <>
      <title>Programs · Matchwise</title>
      <div className="page-header">
        <h1>Programs</h1>
        <p className="lede">
          Your catalog on a map and in a table. Filters stay in the address, so a reload keeps them.
        </p>
      </div>

      <ProgramFiltersBar
        filters={view.filters}
        onChange={(filters) => setView({ filters })}
        preferredStates={profile.data?.profile.geography.preferredStates ?? []}
      />

      <div className="results-status" role="status" aria-live="polite" aria-busy={filtered.isFetching}>
        {filtered.data ? (
          <p>
            <strong>
              {filtering
                ? `${plural(filtered.data.total, 'program')} match${filtered.data.total === 1 ? 'es' : ''}`
                : `${plural(filtered.data.total, 'program')}`}
            </strong>
            {filtering && all.data ? ` of ${total.toLocaleString('en-US')}` : ''}
            {filtered.data.synthetic > 0
              ? ` · ${filtered.data.synthetic.toLocaleString('en-US')} synthetic (demo)`
              : ''}
            {filtered.isFetching ? ' · updating…' : ''}
          </p>
        ) : filtered.isPending ? (
          <p>Loading programs…</p>
        ) : null}
      </div>

      {error ? (
        <ProblemAlert
          problem={toProblem(error)}
          heading="Programs could not be loaded"
          onRetry={() => {
            void filtered.refetch();
            void all.refetch();
          }}
        />
      ) : null}

      {all.data && total === 0 ? (
        <div className="empty-state">
          <h2>No programs yet</h2>
          <p>
            <Link to="/import">Upload your program list</Link> or load the synthetic demo catalog from{' '}
            <Link to="/">the checklist</Link>.
          </p>
        </div>
      ) : null}

      {filtered.data && total > 0 ? (
        <div className="programs-layout">
          <section aria-labelledby="map-heading" className="card map-card">
            <h2 id="map-heading">Map</h2>
            <UsMap
              programs={all.data?.items ?? []}
              highlighted={filtered.data.items}
              highlightedStates={view.filters.states}
              selectedId={view.selected}
              tableName="programs"
            />
          </section>
          <section aria-labelledby="table-heading" className="table-card">
            <h2 id="table-heading">Table</h2>
            {sorted.length === 0 ? (
              <p className="empty-state">No program matches these filters.</p>
            ) : (
              <ProgramTable
                programs={sorted}
                sort={view.sort}
                onSort={(key) => setView({ sort: nextSort(view.sort, key) })}
                onSelect={(acgmeId) => setView({ selected: acgmeId }, { push: true })}
                selectedId={view.selected}
              />
            )}
          </section>
        </div>
      ) : null}

      {view.selected ? (
        <ProgramDetails
          key={view.selected}
          acgmeId={view.selected}
          fallback={selectedProgram}
          onClose={() => setView({ selected: null })}
        />
      ) : null}
    </>
  );
}
