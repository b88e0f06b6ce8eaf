import path from 'node:path';

export interface DatabaseOptions {
  /** A PostgreSQL connection URL. When set, PostgreSQL is used and `dataDir` is ignored. */
  databaseUrl?: string;
  /** PGlite's data directory (created if missing), or `memory://` for a database that lives in memory only. */
  dataDir?: string;
  /** The PostgreSQL schema holding the tables, created if missing. Defaults to `public`; tests isolate with it. */
  schema?: string;
}

export const MEMORY_DATA_DIR = 'memory://';

export function isMemoryDataDir(dataDir: string): boolean {
  return dataDir.startsWith(MEMORY_DATA_DIR);
}

/**
 * Where the app's data lives, from the environment: `DATABASE_URL` selects PostgreSQL; otherwise PGlite
 * stores files in `MATCHWISE_DATA_DIR`, or in `~/.matchwise/data`. Empty variables count as unset, and a
 * leading `~` is expanded, since shells do not expand it inside quotes or .env files.
 *
 * Pure: nothing is created here — `openDatabase` creates the directory.
 *
 * @example
 * const db = await openDatabase(databaseOptionsFromEnv(process.env, os.homedir()));
 */
export function databaseOptionsFromEnv(
  env: Record<string, string | undefined>,
  homeDir: string,
): DatabaseOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { databaseUrl };
  const dataDir = env.MATCHWISE_DATA_DIR?.trim();
  if (dataDir) return { dataDir: expandHome(dataDir, homeDir) };
  return { dataDir: path.join(homeDir, '.matchwise', 'data') };
}

function expandHome(dir: string, homeDir: string): string {
  if (dir === '~') return homeDir;
  if (dir.startsWith('~/')) return path.join(homeDir, dir.slice(2));
  return dir;
}
