import { BackupRestore } from '../backup/BackupRestore.js';
import { BACKUP_EXPORT_URL } from '../backup/backup-api.js';

/** "Your data": export everything as one JSON file, or restore from one. */
export function DataPage() {
  return (
    <>
      <h1>Your data</h1>
      <p>
        Matchwise keeps everything on this computer. Export it to keep a copy or to move to another computer:
        your profile, imported programs, settings, network, letters, events, tasks, applications, interview
        notes and rank list, in one file.
      </p>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>The file is JSON with a schema version, so a later Matchwise can still read it.</p>
        <a className="button primary" href={BACKUP_EXPORT_URL} download>
          Export everything (.json)
        </a>
      </section>
      <BackupRestore />
    </>
  );
}
