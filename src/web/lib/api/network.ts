import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Circle,
  ContactRole,
  Direction,
  InteractionKind,
  LetterKind,
  MessagePurpose,
  PrepItem,
} from '../../../core/network/index.js';
import type { MergeValues } from '../../../core/network/templates/index.js';
import { request } from './client.js';
import type { ApiResponse } from './responses.js';

/**
 * Shapes of docs/api.md, "Network". Responses are read off the server's routes (responses.ts); request bodies
 * are written here.
 */

export interface ContactBody {
  name: string;
  role: ContactRole;
  title?: string | null;
  /** Given: the user's choice. Omitted or null: Matchwise suggests it. */
  circle?: Circle | null;
  affiliation?: { acgmeId: string | null; institution: string | null };
  metHow?: string | null;
  metWhere?: string | null;
  email?: string | null;
  phone?: string | null;
  linkedinUrl?: string | null;
  tags?: string[];
  notes?: string;
}

export type ContactView = ApiResponse<'/contacts', '$post'>;

export interface ContactFilters {
  q?: string;
  role?: ContactRole | '';
  circle?: Circle | '';
  acgmeId?: string;
}

export type ContactDetail = ApiResponse<'/contacts/:id', '$get'>;

export type DuplicateList = ApiResponse<'/contacts/duplicates', '$get'>;
export type DuplicateView = DuplicateList['items'][number];
export type DuplicateReason = DuplicateView['reasons'][number];

export interface ContactImportRequest {
  filename: string;
  contentBase64: string;
}

export type ContactImportPreview = ApiResponse<'/contacts/import/preview', '$post'>;

export type ContactImportResult = ApiResponse<'/contacts/import', '$post'>;

export type Interaction = ApiResponse<'/contacts/:id/interactions', '$post'>;

export interface InteractionBody {
  kind: InteractionKind;
  date: string;
  direction?: Direction;
  isRequest?: boolean;
  endDate?: string | null;
  acgmeId?: string | null;
  eventId?: string | null;
  notes?: string;
  /** What a message was for; a playbook task closes only on the message it asks for. */
  purpose?: MessagePurpose | null;
}

export interface LetterBody {
  writerContactId: string;
  kind: LetterKind;
  requestedOn?: string | null;
  agreedOn?: string | null;
  uploadedOn?: string | null;
  notes?: string;
}

export type LetterList = ApiResponse<'/letters', '$get'>;
export type LetterView = ApiResponse<'/letters', '$post'>;

export type NetworkEvent = ApiResponse<'/events', '$post'>;

export interface EventBody {
  name: string;
  startDate: string;
  endDate: string;
  place?: string;
  programsAttending?: string[];
  prep?: PrepItem[];
  contactIds?: string[];
}

export type TaskDue = 'today' | 'week' | 'overdue' | 'all';

export type TaskList = ApiResponse<'/tasks', '$get'>;
export type TrackedTask = ApiResponse<'/tasks/:id/state', '$put'>;

export type TaskStateBody = { status: 'done' | 'dismissed' | 'open' } | { status: 'snoozed'; until: string };

export type TemplateList = ApiResponse<'/templates', '$get'>;

export interface ComposeRenderRequest {
  templateId: string;
  contactId?: string;
  values?: MergeValues;
}

export type ComposeRender = ApiResponse<'/compose/render', '$post'>;

export interface EmlRequest {
  to: string;
  toName?: string;
  subject: string;
  body: string;
}

export type NetworkSettings = ApiResponse<'/network/settings', '$get'>;

const id = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Typed calls for the Network endpoints. */
export const networkApi = {
  contacts: (filters: ContactFilters = {}) =>
    request<ApiResponse<'/contacts', '$get'>>(
      'GET',
      `/api/contacts${query({ q: filters.q?.trim(), role: filters.role, circle: filters.circle, acgmeId: filters.acgmeId })}`,
    ),
  contact: (contactId: string) => request<ContactDetail>('GET', `/api/contacts/${id(contactId)}`),
  createContact: (body: ContactBody) => request<ContactView>('POST', '/api/contacts', body),
  updateContact: (contactId: string, body: ContactBody) =>
    request<ContactView>('PUT', `/api/contacts/${id(contactId)}`, body),
  deleteContact: (contactId: string) => request<void>('DELETE', `/api/contacts/${id(contactId)}`),
  duplicates: () => request<DuplicateList>('GET', '/api/contacts/duplicates'),
  mergeContacts: (keepId: string, mergeId: string) =>
    request<ContactView>('POST', '/api/contacts/merge', { keepId, mergeId }),

  previewContactImport: (body: ContactImportRequest) =>
    request<ContactImportPreview>('POST', '/api/contacts/import/preview', body),
  importContacts: (body: ContactImportRequest) =>
    request<ContactImportResult>('POST', '/api/contacts/import', body),

  logInteraction: (contactId: string, body: InteractionBody) =>
    request<Interaction>('POST', `/api/contacts/${id(contactId)}/interactions`, body),
  deleteInteraction: (interactionId: string) =>
    request<void>('DELETE', `/api/interactions/${id(interactionId)}`),

  letters: () => request<LetterList>('GET', '/api/letters'),
  createLetter: (body: LetterBody) => request<LetterView>('POST', '/api/letters', body),
  updateLetter: (letterId: string, body: LetterBody) =>
    request<LetterView>('PUT', `/api/letters/${id(letterId)}`, body),

  events: () => request<ApiResponse<'/events', '$get'>>('GET', '/api/events'),
  createEvent: (body: EventBody) => request<NetworkEvent>('POST', '/api/events', body),
  updateEvent: (eventId: string, body: EventBody) =>
    request<NetworkEvent>('PUT', `/api/events/${id(eventId)}`, body),
  addPersonMet: (eventId: string, body: Partial<ContactBody> & { name: string }) =>
    request<ApiResponse<'/events/:id/people', '$post'>>('POST', `/api/events/${id(eventId)}/people`, body),

  tasks: (due: TaskDue = 'all') => request<TaskList>('GET', `/api/tasks?due=${due}`),
  setTaskState: (taskId: string, body: TaskStateBody) =>
    request<TrackedTask>('PUT', `/api/tasks/${id(taskId)}/state`, body),

  settings: () => request<NetworkSettings>('GET', '/api/network/settings'),
  saveSettings: (body: NetworkSettings) => request<NetworkSettings>('PUT', '/api/network/settings', body),

  templates: () => request<TemplateList>('GET', '/api/templates'),
  render: (body: ComposeRenderRequest) => request<ComposeRender>('POST', '/api/compose/render', body),
};

/** POST /api/compose/eml answers with a file: fetched as a Blob for a download link. */
export async function fetchEml(body: EmlRequest): Promise<Blob> {
  const response = await fetch('/api/compose/eml', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'message/rfc822' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    // Let the JSON client turn the problem into an ApiError with its details.
    await request('POST', '/api/compose/eml', body);
  }
  return response.blob();
}

export const CONTACTS_VCF_URL = '/api/contacts/export.vcf';
export const CONTACTS_CSV_URL = '/api/contacts/export.csv';
export const TASKS_ICS_URL = '/api/tasks/export.ics';

export const networkKeys = {
  /** Everything the network computes from (contacts, interactions, letters, events): invalidate this. */
  all: ['network'] as const,
  contacts: (filters: ContactFilters) => ['network', 'contacts', filters] as const,
  contact: (contactId: string) => ['network', 'contact', contactId] as const,
  /** Prefix of every task list (invalidate this, not one `due`). */
  allTasks: ['network', 'tasks'] as const,
  tasks: (due: TaskDue) => ['network', 'tasks', due] as const,
  /** Prefix of every contact detail (each carries that contact's open tasks). */
  allContactDetails: ['network', 'contact'] as const,
  settings: ['network-settings'] as const,
  duplicates: ['network', 'duplicates'] as const,
  letters: ['network', 'letters'] as const,
  events: ['network', 'events'] as const,
  templates: ['templates'] as const,
  render: (request: ComposeRenderRequest) => ['compose', request] as const,
};

export const useContacts = (filters: ContactFilters) =>
  useQuery({
    queryKey: networkKeys.contacts(filters),
    queryFn: () => networkApi.contacts(filters),
    placeholderData: keepPreviousData,
  });

export const useContact = (contactId: string) =>
  useQuery({ queryKey: networkKeys.contact(contactId), queryFn: () => networkApi.contact(contactId) });

export const useDuplicates = () =>
  useQuery({ queryKey: networkKeys.duplicates, queryFn: networkApi.duplicates });

export const useTasks = (due: TaskDue = 'all') =>
  useQuery({ queryKey: networkKeys.tasks(due), queryFn: () => networkApi.tasks(due) });

export const useLetters = () => useQuery({ queryKey: networkKeys.letters, queryFn: networkApi.letters });

export const useNetworkSettings = () =>
  useQuery({ queryKey: networkKeys.settings, queryFn: networkApi.settings });

export const useEvents = () => useQuery({ queryKey: networkKeys.events, queryFn: networkApi.events });

export const useTemplates = () =>
  useQuery({
    queryKey: networkKeys.templates,
    queryFn: networkApi.templates,
    staleTime: Number.POSITIVE_INFINITY,
  });
