import type { BackupRecord } from '../../../core/network/index.js';

/** Messages between the page and the engine worker (engine.worker.ts), both ways. */

/** An HTTP request for the API, as plain structured-clone data. */
export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** A request carries the page's backup record, which the playbook's backup reminder reads (storage/backup-record.ts). */
export type ToEngine = { type: 'request'; id: number; request: WireRequest; backup: BackupRecord };

/** Where the engine is while it starts: downloading the database engine, opening the data, ready. */
export type EnginePhase = 'download' | 'open' | 'ready';

export type FromEngine =
  | { type: 'progress'; phase: EnginePhase; loaded: number; total: number }
  | { type: 'ready'; storage: 'idb'; startedMs: number }
  | { type: 'failed'; message: string }
  | { type: 'response'; id: number; response: WireResponse };

export async function toWireRequest(request: Request): Promise<WireRequest> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  return { method: request.method, url: request.url, headers: [...request.headers], body };
}

export function fromWireRequest(wire: WireRequest): Request {
  return new Request(wire.url, { method: wire.method, headers: wire.headers, body: wire.body });
}

export async function toWireResponse(response: Response): Promise<WireResponse> {
  const body = response.body === null ? null : await response.arrayBuffer();
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body };
}

export function fromWireResponse(wire: WireResponse): Response {
  // 204 and 304 may not carry a body, even an empty one.
  const bodyless = wire.status === 204 || wire.status === 304;
  return new Response(bodyless ? null : wire.body, {
    status: wire.status,
    statusText: wire.statusText,
    headers: wire.headers,
  });
}

/**
 * A 503 problem+json answer made on this side of the message channel: when the engine could not start, or
 * another tab holds the database. Same shape as the server's problems, so pages show it as they show any other.
 */
export function unavailableWire(title: string, detail: string): WireResponse {
  const body = new TextEncoder().encode(
    JSON.stringify({ type: '/problems/unavailable', title, status: 503, detail, errors: [] }),
  ).buffer as ArrayBuffer;
  return {
    status: 503,
    statusText: 'Service Unavailable',
    headers: [['content-type', 'application/problem+json; charset=utf-8']],
    body,
  };
}
