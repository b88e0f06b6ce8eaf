import { useCallback, useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { UsMap } from '../components/UsMap.js';
import { toProblem } from '../lib/api/problem.js';
import { useAllPrograms, useProfile, useProgramMap, usePrograms } from '../lib/api/queries.js';
import { plural } from '../lib/labels.js';
import { markProgramsReviewed } from '../lib/visited.js';
import { hasFilters, type ProgramsView, readProgramsView, writeProgramsView } from '../programs/filters.js';
import { ProgramDetails } from '../programs/ProgramDetails.js';
import { ProgramFiltersBar } from '../programs/ProgramFiltersBar.js';
import { ProgramTable } from '../programs/ProgramTable.js';
import { nextSort } from '../programs/sort.js';

/**
 * The catalog: filters (kept in the URL), a map of every match, and a sortable table — sorted and paged by the
 * server — that is also the map's text alternative.
 */
export function ProgramsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readProgramsView(searchParams), [searchParams]);
  const filtered = usePrograms(view);
  const matches = useProgramMap(view.filters);
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
  const total = all.data?.total ?? 0;
  const pages = filtered.data?.pages ?? 0;

  useEffect(() => {
    if (total > 0) markProgramsReviewed();
  }, [total]);

  // A page past the end (an old link, or a filter that now matches fewer programs) shows the last one.
  useEffect(() => {
    if (pages > 0 && view.page > pages) setView({ page: pages });
  }, [pages, view.page, setView]);

  const filtering = hasFilters(view.filters);
  const selectedProgram = view.selected ? items?.find((p) => p.acgmeId === view.selected) : undefined;
  const error = filtered.error ?? matches.error ?? all.error;

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
        onChange={(filters) => setView({ filters, page: 1 })}
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
            void matches.refetch();
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
              highlighted={matches.data?.items ?? []}
              highlightedStates={view.filters.states}
              selectedId={view.selected}
              tableName="programs"
            />
          </section>
          <section aria-labelledby="table-heading" className="table-card">
            <h2 id="table-heading">Table</h2>
            {filtered.data.items.length === 0 ? (
              <p className="empty-state">No program matches these filters.</p>
            ) : (
              <>
                <ProgramTable
                  programs={filtered.data.items}
                  sort={view.sort}
                  onSort={(key) => setView({ sort: nextSort(view.sort, key), page: 1 })}
                  onSelect={(acgmeId) => setView({ selected: acgmeId }, { push: true })}
                  selectedId={view.selected}
                />
                <TablePager
                  page={filtered.data.page}
                  pages={filtered.data.pages}
                  limit={filtered.data.limit}
                  total={filtered.data.total}
                  onPage={(page) => setView({ page }, { push: true })}
                />
              </>
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

/** Previous / next through the server's pages, with where the rows shown sit in the whole list. */
function TablePager({
  page,
  pages,
  limit,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  limit: number;
  total: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  const first = (page - 1) * limit + 1;
  const last = Math.min(page * limit, total);
  return (
    <nav className="actions table-pager" aria-label="Table pages">
      <button
        type="button"
        className="button secondary small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous page
      </button>
      <span>
        Rows {first.toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {total.toLocaleString('en-US')}{' '}
        · page {page} of {pages}
      </span>
      <button
        type="button"
        className="button secondary small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
