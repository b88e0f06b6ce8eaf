import { describe, expect, it } from 'vitest';
import { databaseOptionsFromEnv } from './database-options.js';

const home = '/home/ada';

describe('databaseOptionsFromEnv', () => {
  it('uses PostgreSQL when DATABASE_URL is set, even if a data directory is set too', () => {
    const env = { DATABASE_URL: 'postgres://u:p@db:5432/matchwise', MATCHWISE_DATA_DIR: '/srv/matchwise' };
    expect(databaseOptionsFromEnv(env, home)).toEqual({ databaseUrl: 'postgres://u:p@db:5432/matchwise' });
  });

  it('uses PGlite in MATCHWISE_DATA_DIR when there is no DATABASE_URL', () => {
    expect(databaseOptionsFromEnv({ MATCHWISE_DATA_DIR: '/srv/matchwise' }, home)).toEqual({
      dataDir: '/srv/matchwise',
    });
  });

  it('falls back to ~/.matchwise/data', () => {
    expect(databaseOptionsFromEnv({}, home)).toEqual({ dataDir: '/home/ada/.matchwise/data' });
  });

  it('treats empty variables as unset', () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: '', MATCHWISE_DATA_DIR: '  ' }, home)).toEqual({
      dataDir: '/home/ada/.matchwise/data',
    });
  });

  it('expands a leading ~ in MATCHWISE_DATA_DIR, as a shell would outside quotes', () => {
    expect(databaseOptionsFromEnv({ MATCHWISE_DATA_DIR: '~/residency/db' }, home)).toEqual({
      dataDir: '/home/ada/residency/db',
    });
  });

  it('passes memory:// through for an in-memory database', () => {
    expect(databaseOptionsFromEnv({ MATCHWISE_DATA_DIR: 'memory://' }, home)).toEqual({
      dataDir: 'memory://',
    });
  });
});
