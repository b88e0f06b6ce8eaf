import { useQuery } from '@tanstack/react-query';
import type { ProgramFilters } from '../../programs/filters.js';
import { api } from './client.js';
import type { SmartPickOverride } from './types.js';

/** Query keys in one place so mutations invalidate exactly what they change. */
export const queryKeys = {
  profile: ['profile'] as const,
  programsAll: ['programs'] as const,
  programs: (filters: ProgramFilters) => ['programs', filters] as const,
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

export const usePrograms = (filters: ProgramFilters) =>
  useQuery({
    queryKey: queryKeys.programs(filters),
    queryFn: () => api.programs(filters),
    placeholderData: (previous) => previous,
  });

export const useAllPrograms = () => usePrograms({});

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
