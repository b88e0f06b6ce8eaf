import { StorageNotice } from './storage/StorageNotice.js';
import { useOtherTabWaiting } from './transport/database-lock.js';
import { type EngineStatus, useEngineStatus } from './transport/engine-status.js';

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function EngineProgress({ status }: { status: Extract<EngineStatus, { state: 'starting' }> }) {
  if (status.phase === 'open') {
    return (
      <p role="status">
        Opening your data in this browser (the first visit creates the database, which can take a minute)…{' '}
        <progress aria-label="Opening your data" />
      </p>
    );
  }
  const known = status.total > 0;
  return (
    <p role="status">
      Loading the database engine (once; later visits start from this browser's cache):{' '}
      {known
        ? `${megabytes(status.loaded)} of ${megabytes(status.total)} MB`
        : `${megabytes(status.loaded)} MB`}{' '}
      <progress
        aria-label="Loading the database engine"
        max={known ? status.total : undefined}
        value={known ? status.loaded : undefined}
      />
    </p>
  );
}

/**
 * The browser edition's own line above the app: the engine's progress while it loads, and anything the user
 * must know about where their data is and who is using it.
 */
export function StaticEditionBar() {
  const status = useEngineStatus();
  const otherTabWaiting = useOtherTabWaiting();
  return (
    <div className="static-edition-bar">
      {status.state === 'starting' && <EngineProgress status={status} />}
      {status.state === 'ready' && <StorageNotice />}
      {status.state === 'waiting-for-lock' && (
        <p role="alert">
          Matchwise is open in another tab of this browser. Only one tab can use your data at a time, so that
          neither overwrites the other: close the other tab and this one takes over.
        </p>
      )}
      {status.state === 'failed' && (
        <p role="alert">The database engine could not start in this browser: {status.message}</p>
      )}
      {otherTabWaiting && (
        <p role="status">
          Matchwise was opened in another tab too. It waits until you close this one; keep working here.
        </p>
      )}
    </div>
  );
}
