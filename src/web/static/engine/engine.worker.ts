/// <reference types="vite/client" />
import { PGlite } from '@electric-sql/pglite';
import initdbWasmUrl from 'pglite-dist/initdb.wasm?url';
import pgliteDataUrl from 'pglite-dist/pglite.data?url';
import pgliteWasmUrl from 'pglite-dist/pglite.wasm?url';
import { createSimulationPool } from '../../../app/match/simulation-pool.js';
import { createComputePool } from '../../../app/smartpick/compute-pool.js';
import { createSmartPickService } from '../../../app/smartpick/smartpick-service.js';
import type { BackupRecord } from '../../../core/network/index.js';
import { connectDatabase } from '../../../db/open-database.js';
import { PglitePool } from '../../../db/pglite-pool.js';
import { createApp } from '../../../server/app.js';
import { installBufferFrom } from './browser-modules/buffer-global.js';
import { provideModule } from './browser-modules/node-module.js';
import { consoleLogger } from './console-logger.js';
import { nodeLikeWorker } from './node-like-worker.js';
import {
  type EnginePhase,
  type FromEngine,
  fromWireRequest,
  type ToEngine,
  toWireResponse,
  unavailableWire,
} from './protocol.js';

/**
 * The browser edition's back end: the server's own `createApp` (every route, validation and problem answer)
 * over PGlite kept in this browser's IndexedDB, answering the page's /api requests by message. It runs in a
 * dedicated worker so queries and SmartPick never block the page, and it is started only by the tab holding
 * the database lock (transport/database-lock.ts): PGlite has one writer.
 */

/** The page's backup record as of its latest request (storage/backup-record.ts), for the backup reminder. */
let backupRecord: BackupRecord = { lastExportedAt: null, dataChangedAt: null };

/** The IndexedDB database PGlite keeps its files in ("/pglite/matchwise" in the browser's storage). */
export const BROWSER_DATA_DIR = 'idb://matchwise';

const scope = self as unknown as {
  postMessage(message: FromEngine, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToEngine>) => void): void;
  location: Location;
};

function post(message: FromEngine, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** Downloads one of PGlite's files, reporting bytes as they arrive (the total when the host sends a length). */
async function download(url: string, onBytes: (delta: number, total: number) => void): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`Could not download ${url} (HTTP ${response.status})`);
  const total = Number(response.headers.get('content-length') ?? 0);
  onBytes(0, total);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    onBytes(value.byteLength, 0);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}

function progressReporter(): (delta: number, total: number) => void {
  let loaded = 0;
  let total = 0;
  let lastPost = 0;
  return (delta, addTotal) => {
    loaded += delta;
    total += addTotal;
    const now = performance.now();
    if (now - lastPost < 100 && delta > 0) return;
    lastPost = now;
    post({ type: 'progress', phase: 'download', loaded, total });
  };
}

async function startEngine() {
  const started = performance.now();
  const onBytes = progressReporter();
  const [pgliteWasm, initdbWasm, pgliteData, zipcodes] = await Promise.all([
    download(pgliteWasmUrl, onBytes).then((bytes) => WebAssembly.compile(bytes)),
    download(initdbWasmUrl, onBytes).then((bytes) => WebAssembly.compile(bytes)),
    download(pgliteDataUrl, onBytes),
    import('zipcodes'),
  ]);
  const downloaded = performance.now();
  provideModule('zipcodes', zipcodes.default);
  installBufferFrom();
  post({ type: 'progress', phase: 'open' satisfies EnginePhase, loaded: 0, total: 0 });
  const pglite = await PGlite.create({
    dataDir: BROWSER_DATA_DIR,
    pgliteWasmModule: pgliteWasm,
    initdbWasmModule: initdbWasm,
    fsBundle: new Blob([pgliteData]),
  });
  const opened = performance.now();
  const db = await connectDatabase({ engine: 'pglite', pool: new PglitePool(pglite) });
  const migrated = performance.now();
  const ms = (from: number, to: number) => Math.round(to - from);
  console.info(
    `[matchwise] engine: download and compile ${ms(started, downloaded)} ms, open the database ` +
      `${ms(downloaded, opened)} ms, migrations ${ms(opened, migrated)} ms`,
  );
  const now = () => new Date();
  const computePool = createComputePool({
    startWorker: () =>
      nodeLikeWorker(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' })),
  });
  computePool.warm?.();
  const app = createApp({
    db,
    logger: consoleLogger(),
    now,
    smartpick: (owned) => createSmartPickService(owned, computePool, now),
    simulations: createSimulationPool({
      size: Math.max(1, Math.min(2, (navigator.hardwareConcurrency ?? 2) - 1)),
      startWorker: () =>
        nodeLikeWorker(new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' })),
    }),
    // Requests carry the page's own address; whatever host serves the static folder is this app's name.
    allowedHosts: [scope.location.hostname],
    backupRecord: () => backupRecord,
  });
  post({ type: 'ready', storage: 'idb', startedMs: Math.round(performance.now() - started) });
  return app;
}

const engine = startEngine();
engine.catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});

scope.addEventListener('message', async (event) => {
  const message = event.data;
  if (message.type !== 'request') return;
  backupRecord = message.backup;
  try {
    const app = await engine;
    const response = await toWireResponse(await app.fetch(fromWireRequest(message.request)));
    post({ type: 'response', id: message.id, response }, response.body ? [response.body] : []);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const response = unavailableWire('The database engine did not start', detail);
    post({ type: 'response', id: message.id, response }, response.body ? [response.body] : []);
  }
});
