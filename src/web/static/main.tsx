/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from '../App.js';
import { appBase } from '../lib/app-base.js';
import '../styles/base.css';
import '../styles/layout.css';
import '../styles/forms.css';
import '../styles/data.css';
import '../styles/smartpick.css';
import '../styles/network.css';
import '../styles/season.css';
import './static.css';
import { fromWireResponse, unavailableWire } from './engine/protocol.js';
import { StaticEditionBar } from './StaticEditionBar.js';
import { backupRecord, recordBackupExport, recordDataChange } from './storage/backup-record.js';
import { backupExported } from './storage/StorageNotice.js';
import { holdDatabaseLock } from './transport/database-lock.js';
import { type EngineClient, startEngine } from './transport/engine-client.js';
import { setEngineStatus } from './transport/engine-status.js';
import { installApiTransport } from './transport/install-api-transport.js';

// The browser edition's entry: the same App as the server's pages, with /api answered in this browser.
let startedEngine: (engine: EngineClient) => void = () => {};
const engine = new Promise<EngineClient>((resolve) => {
  startedEngine = resolve;
});
let otherTabHoldsData = false;

installApiTransport(
  {
    async fetch(request) {
      if (otherTabHoldsData) {
        return fromWireResponse(
          unavailableWire(
            'Matchwise is open in another tab',
            'Close the other tab to use Matchwise here; your data is safe in that tab.',
          ),
        );
      }
      return (await engine).fetch(request);
    },
  },
  {
    onDownload(path) {
      if (path !== '/api/backup') return;
      recordBackupExport();
      backupExported();
      // The playbook's "Export a backup" task closes with the export: ask for the tasks again.
      void queryClient.invalidateQueries();
    },
    onWrite: () => recordDataChange(),
  },
);

holdDatabaseLock({
  onHeld() {
    otherTabHoldsData = false;
    startedEngine(startEngine({ backupRecord }));
    void queryClient.invalidateQueries();
  },
  onWaiting() {
    otherTabHoldsData = true;
    setEngineStatus({ state: 'waiting-for-lock' });
    void queryClient.invalidateQueries();
  },
});

// The offline cache of the site's files (sw/service-worker.ts); the data never passes through it. It sits
// at the app's folder, whatever that is on this host, and looks after that folder only.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const register = () => navigator.serviceWorker.register(`${appBase()}sw.js`, { scope: appBase() });
  // index.html adds this script itself (build/relocatable-html.ts), which may be after the page's load event.
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register());
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
createRoot(root).render(
  <StrictMode>
    <StaticEditionBar />
    <App />
  </StrictMode>,
);
