import type { AdviseeSummary, AdvisorView } from '../../app/sharing/sharing-service.js';
import type { AdvisorScope } from '../../core/sharing/advisor-scopes.js';
import { request } from '../lib/api/client.js';

export type { AdviseeSummary, AdvisorView };

/** A comment as JSON carries it (dates as ISO strings). */
export interface AdvisorCommentView {
  id: string;
  authorEmail: string;
  acgmeId: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** Hosted mode's sharing calls (docs/security.md, "Advisor sharing"). */
export const sharingApi = {
  advisees: () => request<{ rule: string; advisees: AdviseeSummary[] }>('GET', '/api/advisees'),
  accept: (token: string) => request<{ adviseeId: string }>('POST', '/api/invitations/accept', { token }),
  advisors: () => request<{ advisors: AdvisorView[] }>('GET', '/api/advisors'),
  invite: (scopes: AdvisorScope[], note: string) =>
    request<{ advisor: AdvisorView; token: string; link: string }>('POST', '/api/advisors', { scopes, note }),
  comments: (acgmeId?: string) =>
    request<{ comments: AdvisorCommentView[]; unread: number }>(
      'GET',
      acgmeId ? `/api/comments?acgmeId=${encodeURIComponent(acgmeId)}` : '/api/comments',
    ),
  markRead: (id: string) => request<unknown>('POST', `/api/comments/${encodeURIComponent(id)}/read`),
  revoke: (id: string) =>
    request<{ advisor: AdvisorView }>('DELETE', `/api/advisors/${encodeURIComponent(id)}`),
};
