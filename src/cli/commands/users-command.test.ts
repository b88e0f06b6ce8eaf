import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../build-cli.js';
import type { CliIo } from '../cli-io.js';

describe('matchwise users without PostgreSQL', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-users-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function run(env: Record<string, string>, ...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: { MATCHWISE_DATA_DIR: path.join(dir, 'data'), ...env },
      homeDir: dir,
      cwd: dir,
      exitCode: 0,
      readStdin: async () => 'a long enough password\n',
    };
    const code = await runCli(io, argv);
    return { code, stdout, stderr };
  }

  it('says accounts need PostgreSQL instead of creating one in the local database', async () => {
    const added = await run({}, 'users', 'add', 'ann@example.org', '--password-stdin');
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/hosted mode, on PostgreSQL: set DATABASE_URL/);
    expect(added.stdout).toBe('');
  });

  it('insists on --password-stdin, so a password never lands in argv or shell history', async () => {
    const missing = await run({ DATABASE_URL: 'postgres://unused' }, 'users', 'add', 'ann@example.org');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/--password-stdin/);
  });

  it('refuses to serve hosted without DATABASE_URL, naming it', async () => {
    const served = await run({ MATCHWISE_MODE: 'hosted' }, 'serve', '--port', '0');
    expect(served.code).toBe(1);
    expect(served.stderr).toMatch(/MATCHWISE_MODE=hosted needs PostgreSQL: set DATABASE_URL/);
  });
});
