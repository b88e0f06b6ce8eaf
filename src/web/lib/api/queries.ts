import { useQuery } from '@tanstack/react-query';
import type { ProgramFilters } from '../../programs/filters.js';
import { api } from './client.js';

/** Query keys in one place so mutations invalidate exactly what they change. */
export const queryKeys = {
  profile: ['profile'] as const,
  programsAll: ['programs'] as const,
  programs: (filters: ProgramFilters) => ['programs', filters] as const,
  program: (acgmeId: string) => ['program', acgmeId] as const,
  imports: ['imports'] as const,
  health: ['health'] as const,
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
