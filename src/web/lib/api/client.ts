import type { ApplicantProfile } from '../../../core/profile/applicant-profile.js';
import type { WhatIfChange } from '../../../core/smartpick/what-if.js';
import {
  type ProgramFilters,
  type ProgramsView,
  programFiltersToApiQuery,
  programPageToApiQuery,
} from '../../programs/filters.js';
import { ApiError, parseProblem } from './problem.js';
import type { ApiResponse } from './responses.js';
import type {
  DemoCatalogResult,
  Health,
  ImportPreview,
  ImportRecord,
  ImportRequest,
  ProfileRecord,
  ProgramList,
  ProgramMap,
  SmartPickOverride,
  SmartPickSettings,
} from './types.js';

export { ApiError } from './problem.js';

// This folder is lib/api, not src/web/api: Vite serves src/web at the site root, so modules in a top-level
// api/ folder would be requested as /api/… and sent to the server by the dev proxy.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Hosted mode: a 401 means no session (never started, expired, or ended elsewhere). Go to the login page, which
 * comes back here afterwards. Local mode and the static edition never answer 401.
 */
function toLoginPage(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login' || pathname === '/reset') return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

/**
 * Calls the Matchwise API and returns the parsed JSON body; throws an ApiError carrying the problem+json
 * details (title, status, field errors) for any non-2xx answer, or status 0 when the server is unreachable.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(parseProblem(0, undefined));
  }
  const parsed = await readBody(response);
  if (response.status === 401 && path !== '/api/auth/login') toLoginPage();
  if (!response.ok) throw new ApiError(parseProblem(response.status, parsed));
  return parsed as T;
}

/** Typed calls, one per endpoint of docs/api.md. */
export const api = {
  health: () => request<Health>('GET', '/api/health'),

  /** One page of the table: filtered, sorted and paged by the server. */
  programs: (view: Pick<ProgramsView, 'filters' | 'sort' | 'page'>) =>
    request<ProgramList>('GET', `/api/programs?${programPageToApiQuery(view)}`),
  /** Every program matching the filters, with only what the map and the pickers need. */
  programMap: (filters: ProgramFilters = {}) => {
    const query = programFiltersToApiQuery(filters);
    return request<ProgramMap>('GET', `/api/programs/map${query ? `?${query}` : ''}`);
  },
  program: (acgmeId: string) =>
    request<ApiResponse<'/programs/:acgmeId', '$get'>>('GET', `/api/programs/${encodeURIComponent(acgmeId)}`),

  loadDemoCatalog: () => request<DemoCatalogResult>('POST', '/api/catalog/demo'),
  removeDemoCatalog: () => request<ApiResponse<'/catalog/demo', '$delete'>>('DELETE', '/api/catalog/demo'),

  previewImport: (body: ImportRequest) => request<ImportPreview>('POST', '/api/imports/preview', body),
  runImport: (body: ImportRequest) => request<ImportRecord>('POST', '/api/imports', body),
  imports: () => request<ApiResponse<'/imports', '$get'>>('GET', '/api/imports'),

  /** The saved profile, or null when none is saved yet. */
  profile: () => request<ProfileRecord | null>('GET', '/api/profile'),
  saveProfile: (profile: ApplicantProfile) => request<ProfileRecord>('PUT', '/api/profile', profile),
  importProfile: (envelopeOrProfile: unknown) =>
    request<ProfileRecord>('POST', '/api/profile/import', envelopeOrProfile),

  smartPickSettings: () =>
    request<ApiResponse<'/smartpick/settings', '$get'>>('GET', '/api/smartpick/settings'),
  saveSmartPickSettings: (settings: SmartPickSettings) =>
    request<ApiResponse<'/smartpick/settings', '$put'>>('PUT', '/api/smartpick/settings', settings),
  /** The list for the saved profile and catalog; `settings` overrides the saved settings without saving them. */
  recommend: (settings?: SmartPickOverride) =>
    request<ApiResponse<'/smartpick/recommend', '$post'>>('POST', '/api/smartpick/recommend', { settings }),
  explainProgram: (acgmeId: string, settings?: SmartPickOverride) =>
    request<ApiResponse<'/smartpick/explain', '$post'>>('POST', '/api/smartpick/explain', {
      acgmeId,
      settings,
    }),
  whatIf: (change: WhatIfChange, settings?: SmartPickOverride) =>
    request<ApiResponse<'/smartpick/what-if', '$post'>>('POST', '/api/smartpick/what-if', {
      change,
      settings,
    }),
};

export const PROFILE_EXPORT_URL = '/api/profile/export';
/** The list computed with the saved settings, as `matchwise-list.csv`. */
export const SMARTPICK_EXPORT_URL = '/api/smartpick/export.csv';
