import { CENSUS_DIVISIONS, type CensusDivision, isStateCode } from '../../core/geo/census.js';
import { SORT_KEYS, type SortDirection, type SortKey, type SortState } from './sort.js';

/** What the Programs page filters on; every part optional. */
export interface ProgramFilters {
  states?: string[];
  divisions?: CensusDivision[];
  q?: string;
}

/** Everything on the Programs page that lives in the URL, so a reload or a shared link shows the same view. */
export interface ProgramsView {
  filters: ProgramFilters;
  sort: SortState;
  /** ACGME id of the program whose details are open. */
  selected: string | null;
  /** The table's page, from 1; the server sorts and pages, PROGRAMS_PAGE_SIZE rows at a time. */
  page: number;
}

/** Rows per table page: enough to scroll, few enough to answer at once (the API allows up to 500). */
export const PROGRAMS_PAGE_SIZE = 100;

export const DEFAULT_SORT: SortState = { key: 'state', direction: 'ascending' };

const splitList = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

const isDivision = (value: string): value is CensusDivision =>
  (CENSUS_DIVISIONS as readonly string[]).includes(value);

/** Drops empty parts so equal filters always give equal query keys and URLs. */
export function normalizeFilters(filters: ProgramFilters): ProgramFilters {
  const out: ProgramFilters = {};
  const states = [...new Set((filters.states ?? []).map((s) => s.toUpperCase()).filter(isStateCode))].sort();
  const divisions = [...new Set((filters.divisions ?? []).filter(isDivision))];
  const q = filters.q?.trim() ?? '';
  if (states.length > 0) out.states = states;
  if (divisions.length > 0) out.divisions = divisions;
  if (q.length > 0) out.q = q;
  return out;
}

/**
 * Reads the Programs view from a query string, ignoring anything it does not recognise.
 *
 * @example readProgramsView(new URLSearchParams('state=ny,NJ&q=rural&sort=name&dir=desc'))
 */
export function readProgramsView(params: URLSearchParams): ProgramsView {
  const filters = normalizeFilters({
    states: splitList(params.get('state')),
    divisions: splitList(params.get('division')).filter(isDivision),
    q: params.get('q') ?? '',
  });
  const sortKey = params.get('sort');
  const key: SortKey = (SORT_KEYS as readonly string[]).includes(sortKey ?? '')
    ? (sortKey as SortKey)
    : DEFAULT_SORT.key;
  const direction: SortDirection = params.get('dir') === 'desc' ? 'descending' : 'ascending';
  const selected = params.get('program')?.trim() || null;
  const page = Number(params.get('page'));
  return { filters, sort: { key, direction }, selected, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** The query string for a Programs view, leaving out defaults so URLs stay short. */
export function writeProgramsView(view: ProgramsView): URLSearchParams {
  const params = new URLSearchParams();
  const filters = normalizeFilters(view.filters);
  if (filters.states) params.set('state', filters.states.join(','));
  if (filters.divisions) params.set('division', filters.divisions.join(','));
  if (filters.q) params.set('q', filters.q);
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', view.sort.key);
    params.set('dir', view.sort.direction === 'descending' ? 'desc' : 'asc');
  }
  if (view.selected) params.set('program', view.selected);
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

/** The query string GET /api/programs expects (`state=NY,NJ&division=Pacific&q=text`). */
export function programFiltersToApiQuery(filters: ProgramFilters): string {
  const params = new URLSearchParams();
  const normalized = normalizeFilters(filters);
  if (normalized.states) params.set('state', normalized.states.join(','));
  if (normalized.divisions) params.set('division', normalized.divisions.join(','));
  if (normalized.q) params.set('q', normalized.q);
  return params.toString();
}

/** The query string for one page of the table: the filters, the sort (when not the default) and the page. */
export function programPageToApiQuery(view: Pick<ProgramsView, 'filters' | 'sort' | 'page'>): string {
  const params = new URLSearchParams(programFiltersToApiQuery(view.filters));
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', view.sort.key);
    params.set('dir', view.sort.direction === 'descending' ? 'desc' : 'asc');
  }
  if (view.page > 1) params.set('page', String(view.page));
  params.set('limit', String(PROGRAMS_PAGE_SIZE));
  return params.toString();
}

export const hasFilters = (filters: ProgramFilters): boolean =>
  Object.keys(normalizeFilters(filters)).length > 0;
