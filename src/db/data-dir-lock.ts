import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** PGlite is single-process: two processes writing one data directory would corrupt it. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The Matchwise data directory ${dataDir} is in use by process ${pid} (is \`matchwise serve\` running?). ` +
        'Stop it, or use the web app while it runs.',
    );
    this.name = 'DataDirInUseError';
  }
}

const LOCK_FILE = 'matchwise.lock';

/** Lock files this process holds, by path: a lock naming our own pid is ours only if it is listed here. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process; a lock left by a process that has died (killed with -9, or a
 * crash) is taken over. So is a lock naming this process's own pid that this process did not take: a server
 * killed in a container and started again often gets the same pid (1), and would otherwise wait for itself.
 * Resolves to the function that releases it (idempotent).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.resolve(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(file);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      const held =
        Number.isInteger(pid) && pid > 0 && (pid === process.pid ? heldHere.has(file) : isAlive(pid));
      if (held) throw new DataDirInUseError(dataDir, pid);
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
