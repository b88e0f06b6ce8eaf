import type { CohortDetail, CreatedInvitation, SharedFactGroup } from '../../app/cohorts/cohort-service.js';
import type { CohortRecord } from '../../db/cohorts-repository.js';
import { request } from '../lib/api/client.js';

export type { CohortDetail, CohortRecord, SharedFactGroup };

const cohortPath = (id: string) => `/api/cohorts/${encodeURIComponent(id)}`;

/** Hosted mode's cohort calls (docs/security.md, "Cohorts"). */
export const cohortsApi = {
  list: () => request<{ items: CohortRecord[] }>('GET', '/api/cohorts'),
  create: (name: string) => request<CohortRecord>('POST', '/api/cohorts', { name }),
  detail: (id: string) => request<CohortDetail>('GET', cohortPath(id)),
  invite: (id: string) => request<CreatedInvitation>('POST', `${cohortPath(id)}/invitations`),
  revoke: (id: string, invitationId: string) =>
    request<unknown>('DELETE', `${cohortPath(id)}/invitations/${encodeURIComponent(invitationId)}`),
  join: (token: string) =>
    request<{ cohort: CohortRecord; alreadyMember: boolean }>('POST', '/api/cohorts/join', { token }),
  leave: (id: string) => request<unknown>('POST', `${cohortPath(id)}/leave`),
  facts: (acgmeId?: string) =>
    request<{ groups: SharedFactGroup[] }>(
      'GET',
      acgmeId ? `/api/cohorts/facts?acgmeId=${encodeURIComponent(acgmeId)}` : '/api/cohorts/facts',
    ),
  share: (id: string, acgmeId: string, key: string) =>
    request<unknown>('POST', `${cohortPath(id)}/facts`, { acgmeId, key }),
  confirm: (id: string, factId: string) =>
    request<unknown>('POST', `${cohortPath(id)}/facts/${encodeURIComponent(factId)}/confirmations`),
};
