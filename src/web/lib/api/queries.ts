import { useQuery } from '@tanstack/react-query';
import { normalizeFilters, type ProgramFilters, type ProgramsView } from '../../programs/filters.js';
import { api } from './client.js';
import type { SmartPickOverride } from './types.js';

/** Query keys in one place so mutations invalidate exactly what they change. */
export const queryKeys = {
  profile: ['profile'] as const,
  programsAll: ['programs'] as const,
  programs: (view: Pick<ProgramsView, 'filters' | 'sort' | 'page'>) =>
    ['programs', 'page', normalizeFilters(view.filters), view.sort, view.page] as const,
  programMap: (filters: ProgramFilters) => ['programs', 'map', normalizeFilters(filters)] as const,
  program: (acgmeId: string) => ['program', acgmeId] as const,
  imports: ['imports'] as const,
  health: ['health'] as const,
  /** Everything SmartPick computes depends on the profile, catalog and settings: invalidate this prefix. */
  smartPick: ['smartpick'] as const,
  smartPickSettings: ['smartpick', 'settings'] as const,
  recommendAll: ['smartpick', 'recommend'] as const,
  recommend: (override: SmartPickOverride | null) => ['smartpick', 'recommend', override] as const,
  explain: (acgmeId: string, override: SmartPickOverride | null) =>
    ['smartpick', 'explain', acgmeId, override] as const,
};

export const useProfile = () => useQuery({ queryKey: queryKeys.profile, queryFn: api.profile });

/** One page of the Programs table; the previous page stays on screen while the next loads. */
export const usePrograms = (view: Pick<ProgramsView, 'filters' | 'sort' | 'page'>) =>
  useQuery({
    queryKey: queryKeys.programs(view),
    queryFn: () => api.programs(view),
    placeholderData: (previous) => previous,
  });

/** Every program matching the filters, as map points (place, name, synthetic), with the counts. */
export const useProgramMap = (filters: ProgramFilters) =>
  useQuery({
    queryKey: queryKeys.programMap(filters),
    queryFn: () => api.programMap(filters),
    placeholderData: (previous) => previous,
  });

/** The whole catalog as map points: enough for names, counts and the synthetic label everywhere. */
export const useAllPrograms = () => useProgramMap({});

export const useProgram = (acgmeId: string | null) =>
  useQuery({
    queryKey: queryKeys.program(acgmeId ?? ''),
    queryFn: () => api.program(acgmeId ?? ''),
    enabled: acgmeId !== null,
  });

export const useImports = () => useQuery({ queryKey: queryKeys.imports, queryFn: api.imports });

export const useSmartPickSettings = () =>
  useQuery({ queryKey: queryKeys.smartPickSettings, queryFn: api.smartPickSettings });

/**
 * The recommendation for `override` (null waits, e.g. while a typed value is invalid). The previous result stays
 * on screen while the next is computed, so the page moves instead of flashing empty.
 */
export const useRecommendation = (override: SmartPickOverride | null) =>
  useQuery({
    queryKey: queryKeys.recommend(override),
    queryFn: () => api.recommend(override ?? undefined),
    enabled: override !== null,
    placeholderData: (previous) => previous,
  });

export const useProgramExplanation = (
  acgmeId: string,
  override: SmartPickOverride | null,
  enabled: boolean,
) =>
  useQuery({
    queryKey: queryKeys.explain(acgmeId, override),
    queryFn: () => api.explainProgram(acgmeId, override ?? undefined),
    enabled,
  });
